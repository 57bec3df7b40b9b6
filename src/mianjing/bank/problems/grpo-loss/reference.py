"""GRPO (Shao et al., 2024, "DeepSeekMath", eq. 3 and section 4.1.2): group-normalised outcome
advantages, PPO's clipped ratio per token against the old policy, and the k3 KL estimate against the
reference policy (eq. 4). Averaging: per sequence, then over the group (the paper's 1/G sum 1/|o_i|),
or, with token_level=True, one mean over every response token of the batch."""

import torch
from torch import Tensor

STD_EPS = 1e-4  # added to the group's standard deviation


def grpo_loss(logp: Tensor, old_logp: Tensor, ref_logp: Tensor, rewards: Tensor, mask: Tensor,
              group_size: int, clip_eps: float = 0.2, beta: float = 0.04, token_level: bool = False):
    # logp, old_logp, ref_logp: (B, T) per-token log-probs; rewards: (B,); mask: (B, T) bool
    # B = n_groups * group_size; rows g*G .. g*G+G-1 are the G answers to prompt g
    B, T = logp.shape
    # sampled before this update or from the frozen reference model: constants, no gradient
    old_logp, ref_logp, rewards = old_logp.detach(), ref_logp.detach(), rewards.detach()
    G = group_size
    # 1. outcome advantages: normalise each reward within its group (sample std, divides by G - 1)
    r = rewards.view(B // G, G)  # (n_groups, G)
    adv = (r - r.mean(dim=1, keepdim=True)) / (r.std(dim=1, keepdim=True) + STD_EPS)
    adv = adv.view(B)  # (B,) one advantage per answer, shared by all its tokens
    # 2. clipped surrogate per token; old_logp is a constant (sampled before this update)
    ratio = torch.exp(logp - old_logp)  # (B, T) pi_theta / pi_old
    surr1 = ratio * adv[:, None]
    surr2 = torch.clamp(ratio, 1.0 - clip_eps, 1.0 + clip_eps) * adv[:, None]
    surrogate = torch.minimum(surr1, surr2)  # (B, T) pessimistic bound
    # 3. k3 estimate of KL(pi_theta || pi_ref): exp(ref - logp) - (ref - logp) - 1 >= 0
    d = ref_logp - logp
    kl = torch.exp(d) - d - 1.0  # (B, T)
    per_token = -(surrogate - beta * kl)  # (B, T) we minimise the negative objective
    m = mask.to(per_token.dtype)
    if token_level:
        # one mean over all response tokens of the batch (long answers weigh more)
        return (per_token * m).sum() / m.sum(), adv
    # mean over each answer's own tokens, then over answers (= over groups of equal size G)
    per_seq = (per_token * m).sum(dim=1) / m.sum(dim=1)  # (B,)
    return per_seq.mean(), adv
