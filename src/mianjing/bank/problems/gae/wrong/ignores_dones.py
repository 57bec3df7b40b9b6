"""Never looks at dones: one long episode per row, terminal states bootstrapped."""
import torch


def gae(rewards, values, dones, mask, gamma, lam):
    B, T = rewards.shape
    nd = torch.ones_like(rewards)
    m = mask.float()
    adv = torch.zeros(B, T)
    last = torch.zeros(B)
    for t in range(T - 1, -1, -1):
        delta = rewards[:, t] + gamma * values[:, t + 1] * nd[:, t] - values[:, t]
        last = (delta + gamma * lam * nd[:, t] * last) * m[:, t]
        adv[:, t] = last
    returns = (adv + values[:, :T]) * m
    return adv, returns
