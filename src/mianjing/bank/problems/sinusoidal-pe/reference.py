"""Sinusoidal positional encoding (Vaswani et al., 2017, section 3.5)."""

import torch
from torch import Tensor


def sinusoidal_pe(seq_len: int, d_model: int, base: float = 10000.0) -> Tensor:
    # computed in float64 and rounded once at the end, so the table is exact to float32 precision
    pos = torch.arange(seq_len, dtype=torch.float64)[:, None]  # (T, 1), positions 0..T-1
    two_i = torch.arange(0, d_model, 2, dtype=torch.float64)  # (d/2,) the even dimensions 2i
    angles = pos / base ** (two_i / d_model)  # (T, d/2) m / base^(2i/d)
    pe = torch.zeros(seq_len, d_model, dtype=torch.float64)
    pe[:, 0::2] = torch.sin(angles)  # even dimensions: sine
    pe[:, 1::2] = torch.cos(angles)  # odd dimensions: cosine of the same angle
    return pe.to(torch.float32)
