import torch
from torch import Tensor


def apply_rope(x: Tensor, positions: Tensor | None = None, base: float = 10000.0) -> Tensor:
    """x: (..., T, d) with d even; positions: (T,) int64, or None for 0, 1, ..., T-1.

    Rotate-half pairing: dimension i is paired with dimension i + d/2 and rotated by positions[t] * theta_i,
    theta_i = base ** (-2i / d). Returns a tensor shaped like x.
    """
    raise NotImplementedError
