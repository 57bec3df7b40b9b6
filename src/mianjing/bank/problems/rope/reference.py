"""RoPE (Su et al., RoFormer, 2021) in the rotate-half layout used by GPT-NeoX and Llama."""

import torch
from torch import Tensor


def rotate_half(x: Tensor) -> Tensor:
    # (x1, x2) -> (-x2, x1), where x1 is the first half of the last dimension and x2 the second
    x1, x2 = x.chunk(2, dim=-1)
    return torch.cat([-x2, x1], dim=-1)


def apply_rope(x: Tensor, positions: Tensor | None = None, base: float = 10000.0) -> Tensor:
    # x: (..., T, d); dimension i (i < d/2) is paired with dimension i + d/2
    t, d = x.size(-2), x.size(-1)
    if positions is None:
        positions = torch.arange(t)
    inv_freq = base ** (-torch.arange(0, d, 2, dtype=x.dtype) / d)  # (d/2,) theta_i = base^(-2i/d)
    angles = positions.to(x.dtype)[:, None] * inv_freq[None, :]  # (T, d/2)
    angles = torch.cat([angles, angles], dim=-1)  # (T, d): pair i and i + d/2 share an angle
    return x * angles.cos() + rotate_half(x) * angles.sin()  # broadcasts over the leading dims
