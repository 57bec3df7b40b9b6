import torch
from torch import Tensor


def grpo_loss(logp: Tensor, old_logp: Tensor, ref_logp: Tensor, rewards: Tensor, mask: Tensor,
              group_size: int, clip_eps: float = 0.2, beta: float = 0.04, token_level: bool = False):
    """logp, old_logp, ref_logp: (B, T) per-token log-probs under the current, old and reference
    policies; rewards: (B,), one per answer; mask: (B, T) bool, True on response tokens.
    Consecutive blocks of `group_size` rows answer the same prompt.
    Return (loss: scalar tensor, advantages: (B,))."""
    raise NotImplementedError
