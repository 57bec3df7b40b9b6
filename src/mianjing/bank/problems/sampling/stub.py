import torch
from torch import Tensor


def sample(logits: Tensor, u: Tensor, temperature: float = 1.0, top_k: int = 0, top_p: float = 1.0):
    """logits: (B, V); u: (B,) uniform numbers in [0, 1).
    Return (tokens: (B,) int64, probs: (B, V) the final distribution the token was drawn from)."""
    raise NotImplementedError
