import torch
from torch import Tensor


def ppo_loss(logits: Tensor, actions: Tensor, old_logprobs: Tensor, advantages: Tensor, values: Tensor,
             old_values: Tensor, returns: Tensor, mask: Tensor, clip_eps: float = 0.2,
             value_clip_eps: float = 0.2, vf_coef: float = 0.5, ent_coef: float = 0.01
             ) -> tuple[Tensor, Tensor, Tensor, Tensor]:
    """logits: (B, T, V) float32; actions: (B, T) int64; mask: (B, T) bool (True = real token);
    the rest (B, T) float32.

    Return (loss, policy_loss, value_loss, entropy), four 0-dim tensors, each term a mean over the
    real tokens of the whole batch; loss = policy_loss + vf_coef * value_loss - ent_coef * entropy.
    """
    raise NotImplementedError
