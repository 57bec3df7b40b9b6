"""RoPE (Su et al., RoFormer, 2021, eq. 34) with adjacent pairs (x0, x1), (x2, x3), ..., as in
RoFormer, GPT-J and Meta's original Llama code (which writes it with complex numbers)."""

import torch
from torch import Tensor


def apply_rope_interleaved(x: Tensor, positions: Tensor | None = None, base: float = 10000.0) -> Tensor:
    # x: (..., T, d); pair i is (x[2i], x[2i+1]), rotated by m * theta_i
    t, d = x.size(-2), x.size(-1)
    if positions is None:
        positions = torch.arange(t)
    inv_freq = base ** (-torch.arange(0, d, 2, dtype=x.dtype) / d)  # (d/2,) theta_i = base^(-2i/d)
    angles = positions.to(x.dtype)[:, None] * inv_freq[None, :]  # (T, d/2)
    cos, sin = angles.cos(), angles.sin()
    x_even, x_odd = x[..., 0::2], x[..., 1::2]  # (..., T, d/2) each: the two members of every pair
    out_even = x_even * cos - x_odd * sin
    out_odd = x_odd * cos + x_even * sin
    return torch.stack([out_even, out_odd], dim=-1).flatten(-2)  # re-interleave: (..., T, d)
