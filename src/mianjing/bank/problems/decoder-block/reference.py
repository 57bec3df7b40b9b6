"""One GPT-2 block (Radford et al., 2019, section 2.3; nanoGPT's Block): pre-LN, so each sublayer
sees a normalised copy of the residual stream and adds its output back to the stream itself.

    x = x + attn(ln_1(x))     causal multi-head self-attention
    x = x + mlp(ln_2(x))      Linear(d, 4d) -> GELU (tanh approximation) -> Linear(4d, d)
"""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor


class DecoderBlock(nn.Module):
    def __init__(self, d_model: int, n_heads: int, layer_norm_eps: float = 1e-5):
        super().__init__()
        assert d_model % n_heads == 0
        self.n_heads = n_heads
        self.ln_1 = nn.LayerNorm(d_model, eps=layer_norm_eps)
        self.attn = nn.Module()
        self.attn.c_attn = nn.Linear(d_model, 3 * d_model)  # q, k, v stacked in this order
        self.attn.c_proj = nn.Linear(d_model, d_model)
        self.ln_2 = nn.LayerNorm(d_model, eps=layer_norm_eps)
        self.mlp = nn.Module()
        self.mlp.c_fc = nn.Linear(d_model, 4 * d_model)
        self.mlp.c_proj = nn.Linear(4 * d_model, d_model)

    def attention(self, h: Tensor) -> Tensor:
        b, t, d = h.shape
        nh, dh = self.n_heads, d // self.n_heads
        q, k, v = self.attn.c_attn(h).split(d, dim=2)  # each (B, T, d)
        q = q.view(b, t, nh, dh).transpose(1, 2)  # (B, H, T, dh)
        k = k.view(b, t, nh, dh).transpose(1, 2)
        v = v.view(b, t, nh, dh).transpose(1, 2)
        scores = q @ k.transpose(-2, -1) / math.sqrt(dh)  # (B, H, T, T)
        future = torch.ones(t, t, dtype=torch.bool).triu(1)  # key j > query i
        scores = scores.masked_fill(future, float("-inf"))  # the diagonal stays: no row is empty
        y = torch.softmax(scores, dim=-1) @ v  # (B, H, T, dh)
        y = y.transpose(1, 2).reshape(b, t, d)  # concatenate the heads
        return self.attn.c_proj(y)

    def forward(self, x: Tensor) -> Tensor:
        # x: (B, T, d); pre-LN: the residual stream x itself is never normalised in place
        x = x + self.attention(self.ln_1(x))
        x = x + self.mlp.c_proj(F.gelu(self.mlp.c_fc(self.ln_2(x)), approximate="tanh"))
        return x
