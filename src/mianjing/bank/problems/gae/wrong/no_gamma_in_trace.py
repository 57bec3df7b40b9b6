"""The trace decays by lambda alone instead of gamma * lambda."""
import torch


def gae(rewards, values, dones, mask, gamma, lam):
    B, T = rewards.shape
    nd = (~dones).float()
    m = mask.float()
    adv = torch.zeros(B, T)
    last = torch.zeros(B)
    for t in range(T - 1, -1, -1):
        delta = rewards[:, t] + gamma * values[:, t + 1] * nd[:, t] - values[:, t]
        last = (delta + lam * nd[:, t] * last) * m[:, t]
        adv[:, t] = last
    returns = (adv + values[:, :T]) * m
    return adv, returns
