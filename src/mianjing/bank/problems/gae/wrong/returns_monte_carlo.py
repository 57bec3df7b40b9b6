"""Advantages right, but returns are the discounted reward-to-go (bootstrapped at the end) instead of
advantages + values, the target GAE gives the value function (they agree only when lam = 1)."""
import torch


def gae(rewards, values, dones, mask, gamma, lam):
    B, T = rewards.shape
    nd = (~dones).float()
    m = mask.float()
    adv = torch.zeros(B, T)
    ret = torch.zeros(B, T)
    last = torch.zeros(B)
    for t in range(T - 1, -1, -1):
        delta = rewards[:, t] + gamma * values[:, t + 1] * nd[:, t] - values[:, t]
        last = (delta + gamma * lam * nd[:, t] * last) * m[:, t]
        adv[:, t] = last
        is_last = m[:, t] * (1 - (m[:, t + 1] if t + 1 < T else torch.zeros(B)))
        nxt = ret[:, t + 1] if t + 1 < T else torch.zeros(B)
        nxt = torch.where(is_last.bool(), values[:, t + 1], nxt)
        ret[:, t] = (rewards[:, t] + gamma * nd[:, t] * nxt) * m[:, t]
    return adv, ret
