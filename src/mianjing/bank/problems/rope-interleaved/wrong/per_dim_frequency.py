"""theta indexed by the dimension k (base^(-k/d)) rather than by the pair: the two members of a pair
are rotated by different angles, which is no longer a rotation."""
import torch


def apply_rope_interleaved(x, positions=None, base=10000.0):
    t, d = x.size(-2), x.size(-1)
    if positions is None:
        positions = torch.arange(t)
    inv_freq = base ** (-torch.arange(0, d, dtype=x.dtype) / d)  # (d,)
    angles = positions.to(x.dtype)[:, None] * inv_freq[None, :]  # (T, d)
    cos, sin = angles.cos(), angles.sin()
    rotated = torch.stack([-x[..., 1::2], x[..., 0::2]], dim=-1).flatten(-2)
    return x * cos + rotated * sin
