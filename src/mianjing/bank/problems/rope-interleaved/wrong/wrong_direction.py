"""Signs of the sine terms swapped: a rotation by -m*theta."""
import torch


def apply_rope_interleaved(x, positions=None, base=10000.0):
    t, d = x.size(-2), x.size(-1)
    if positions is None:
        positions = torch.arange(t)
    inv_freq = base ** (-torch.arange(0, d, 2, dtype=x.dtype) / d)
    angles = positions.to(x.dtype)[:, None] * inv_freq[None, :]
    cos, sin = angles.cos(), angles.sin()
    x_even, x_odd = x[..., 0::2], x[..., 1::2]
    return torch.stack([x_even * cos + x_odd * sin, x_odd * cos - x_even * sin], dim=-1).flatten(-2)
