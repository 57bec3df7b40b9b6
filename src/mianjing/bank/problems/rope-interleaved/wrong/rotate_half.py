"""The Llama/NeoX rotate-half layout where interleaved pairs are asked."""
import torch


def apply_rope_interleaved(x, positions=None, base=10000.0):
    t, d = x.size(-2), x.size(-1)
    if positions is None:
        positions = torch.arange(t)
    inv_freq = base ** (-torch.arange(0, d, 2, dtype=x.dtype) / d)
    angles = positions.to(x.dtype)[:, None] * inv_freq[None, :]
    angles = torch.cat([angles, angles], dim=-1)
    x1, x2 = x.chunk(2, dim=-1)
    return x * angles.cos() + torch.cat([-x2, x1], dim=-1) * angles.sin()
