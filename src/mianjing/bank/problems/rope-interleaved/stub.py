import torch
from torch import Tensor


def apply_rope_interleaved(x: Tensor, positions: Tensor | None = None, base: float = 10000.0) -> Tensor:
    """x: (..., T, d) with d even; positions: (T,) int64, or None for 0, 1, ..., T-1.

    Interleaved pairing: dimensions (2i, 2i+1) form pair i and are rotated by positions[t] * theta_i,
    theta_i = base ** (-2i / d). Returns a tensor shaped like x.
    """
    raise NotImplementedError
