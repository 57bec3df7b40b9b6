"""Multi-head self-attention (Vaswani et al., 2017, section 3.2.2), nanoGPT-style, with masks."""

import math

import torch
import torch.nn as nn
from torch import Tensor


class MultiHeadAttention(nn.Module):
    def __init__(self, d_model: int, n_heads: int):
        super().__init__()
        assert d_model % n_heads == 0
        self.n_heads = n_heads
        self.q_proj = nn.Linear(d_model, d_model)
        self.k_proj = nn.Linear(d_model, d_model)
        self.v_proj = nn.Linear(d_model, d_model)
        self.o_proj = nn.Linear(d_model, d_model)

    def forward(self, x: Tensor, key_padding_mask: Tensor | None = None, causal: bool = False) -> Tensor:
        b, t, d = x.shape
        h = self.n_heads
        dh = d // h

        def split(z: Tensor) -> Tensor:  # (B, T, d) -> (B, H, T, dh)
            return z.view(b, t, h, dh).transpose(1, 2)

        q, k, v = split(self.q_proj(x)), split(self.k_proj(x)), split(self.v_proj(x))
        scores = q @ k.transpose(-2, -1) / math.sqrt(dh)  # (B, H, T, T): scale by the head size

        allowed = torch.ones(t, t, dtype=torch.bool)  # (query i, key j)
        if causal:
            allowed = torch.tril(allowed)  # j <= i: the diagonal stays visible
        allowed = allowed.expand(b, 1, t, t)
        if key_padding_mask is not None:
            allowed = allowed & ~key_padding_mask[:, None, None, :]  # True = padding: drop that key column
        scores = scores.masked_fill(~allowed, float("-inf"))

        # safe softmax: a query with no visible key gets all-zero weights (not NaN)
        row_max = scores.amax(dim=-1, keepdim=True).detach()
        row_max = torch.where(torch.isfinite(row_max), row_max, torch.zeros_like(row_max))
        w = torch.exp(scores - row_max)
        denom = w.sum(dim=-1, keepdim=True)
        w = w / torch.where(denom > 0, denom, torch.ones_like(denom))

        y = w @ v  # (B, H, T, dh)
        y = y.transpose(1, 2).reshape(b, t, d)  # merge heads back: (B, T, d)
        return self.o_proj(y)
