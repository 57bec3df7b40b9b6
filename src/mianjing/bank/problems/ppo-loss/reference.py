"""PPO's loss (Schulman et al., 2017, "Proximal Policy Optimization Algorithms", eq. 7 and 9) at the
token level, as in RLHF: every response token is an action, padding is masked out, and each term is
a mean over all real tokens of the batch.

    ratio   = exp(log pi(a|s) - log pi_old(a|s))
    L_pi    = mean( max(-A * ratio, -A * clip(ratio, 1 - eps, 1 + eps)) )      = -mean(min(...))
    V_clip  = V_old + clip(V - V_old, -eps_v, eps_v)
    L_V     = mean( 0.5 * max((V - R)^2, (V_clip - R)^2) )
    H       = mean( entropy of pi(.|s) )
    loss    = L_pi + vf_coef * L_V - ent_coef * H
"""

import torch
from torch import Tensor


def masked_mean(x: Tensor, mask: Tensor) -> Tensor:
    # one mean over every real token of the batch (not per sequence)
    return (x * mask).sum() / mask.sum()


def ppo_loss(logits: Tensor, actions: Tensor, old_logprobs: Tensor, advantages: Tensor, values: Tensor,
             old_values: Tensor, returns: Tensor, mask: Tensor, clip_eps: float = 0.2,
             value_clip_eps: float = 0.2, vf_coef: float = 0.5, ent_coef: float = 0.01
             ) -> tuple[Tensor, Tensor, Tensor, Tensor]:
    # logits: (B, T, V); actions, old_logprobs, advantages, values, old_values, returns, mask: (B, T)
    # the rollout's numbers are constants of this update: no gradient may flow into them
    old_logprobs, advantages = old_logprobs.detach(), advantages.detach()
    old_values, returns = old_values.detach(), returns.detach()
    m = mask.to(logits.dtype)
    logp_all = torch.log_softmax(logits, dim=-1)                        # (B, T, V)
    logp = logp_all.gather(-1, actions.unsqueeze(-1)).squeeze(-1)       # (B, T) log-prob of the taken token

    # clipped surrogate: the min of the two objectives is a pessimistic bound on the improvement
    ratio = torch.exp(logp - old_logprobs)                              # (B, T)
    pg1 = -advantages * ratio
    pg2 = -advantages * torch.clamp(ratio, 1.0 - clip_eps, 1.0 + clip_eps)
    policy_loss = masked_mean(torch.maximum(pg1, pg2), m)              # max of the negatives = -min

    # clipped value loss: the new value may not move more than value_clip_eps from the old one for free
    v_clipped = old_values + torch.clamp(values - old_values, -value_clip_eps, value_clip_eps)
    vf1 = (values - returns) ** 2
    vf2 = (v_clipped - returns) ** 2
    value_loss = 0.5 * masked_mean(torch.maximum(vf1, vf2), m)

    # entropy bonus: subtracted, so minimising the loss keeps the policy from collapsing
    ent = -(logp_all.exp() * logp_all).sum(dim=-1)                      # (B, T)
    entropy = masked_mean(ent, m)

    loss = policy_loss + vf_coef * value_loss - ent_coef * entropy
    return loss, policy_loss, value_loss, entropy
