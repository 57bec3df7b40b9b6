"""Generalised advantage estimation (Schulman et al., 2016, "High-Dimensional Continuous Control
Using Generalized Advantage Estimation", eq. 16) over a padded batch of rollouts.

    delta_t = r_t + gamma * V_(t+1) * (1 - done_t) - V_t            one-step TD error
    A_t     = delta_t + gamma * lam * (1 - done_t) * A_(t+1)       exponentially weighted sum of deltas
    R_t     = A_t + V_t                                            the value function's target

computed backwards in time. Row b has L_b real steps (mask is a prefix of Trues); values has one
more column so that values[b, L_b] can bootstrap a rollout cut off mid-episode. A_(L_b) = 0.
"""

import torch
from torch import Tensor


@torch.no_grad()  # advantages are targets: no gradient flows through them
def gae(rewards: Tensor, values: Tensor, dones: Tensor, mask: Tensor, gamma: float, lam: float
        ) -> tuple[Tensor, Tensor]:
    # rewards, dones, mask: (B, T); values: (B, T + 1)
    B, T = rewards.shape
    not_done = 1.0 - dones.to(rewards.dtype)
    adv = torch.zeros(B, T + 1, dtype=rewards.dtype)       # adv[:, T] = 0, and 0 on padding
    for t in reversed(range(T)):
        delta = rewards[:, t] + gamma * values[:, t + 1] * not_done[:, t] - values[:, t]
        a = delta + gamma * lam * not_done[:, t] * adv[:, t + 1]   # adv[:, t+1] is 0 past the last real step
        adv[:, t] = torch.where(mask[:, t], a, 0.0)       # padded steps stay exactly 0
    adv = adv[:, :T]
    returns = torch.where(mask, adv + values[:, :T], 0.0)  # 0 on padding
    return adv, returns
