"""Masks the keys where src_key_padding_mask is False (reads True as 'real token')."""

import math

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor


class SelfAttention(nn.Module):
    def __init__(self, d_model: int, nhead: int):
        super().__init__()
        self.nhead = nhead
        self.in_proj_weight = nn.Parameter(torch.empty(3 * d_model, d_model))  # rows: W_q, W_k, W_v
        self.in_proj_bias = nn.Parameter(torch.zeros(3 * d_model))
        self.out_proj = nn.Linear(d_model, d_model)

    def forward(self, x: Tensor, key_padding_mask: Tensor | None = None) -> Tensor:
        b, t, d = x.shape
        h = self.nhead
        dh = d // h
        qkv = F.linear(x, self.in_proj_weight, self.in_proj_bias)  # (B, T, 3d)
        q, k, v = qkv.split(d, dim=-1)  # PyTorch's order: q, then k, then v

        def heads(z: Tensor) -> Tensor:  # (B, T, d) -> (B, H, T, dh)
            return z.view(b, t, h, dh).transpose(1, 2)

        q, k, v = heads(q), heads(k), heads(v)
        scores = q @ k.transpose(-2, -1) / math.sqrt(dh)  # (B, H, T, T)
        if key_padding_mask is not None:
            # True = padding: that key is never attended to (every sequence has a real token)
            scores = scores.masked_fill(~key_padding_mask[:, None, None, :], float("-inf"))
        y = torch.softmax(scores, dim=-1) @ v  # (B, H, T, dh)
        return self.out_proj(y.transpose(1, 2).reshape(b, t, d))


class TransformerEncoderLayer(nn.Module):
    def __init__(self, d_model: int, nhead: int, dim_feedforward: int, norm_first: bool = False,
                 layer_norm_eps: float = 1e-5):
        super().__init__()
        self.norm_first = norm_first
        self.self_attn = SelfAttention(d_model, nhead)
        self.linear1 = nn.Linear(d_model, dim_feedforward)
        self.linear2 = nn.Linear(dim_feedforward, d_model)
        self.norm1 = nn.LayerNorm(d_model, eps=layer_norm_eps)
        self.norm2 = nn.LayerNorm(d_model, eps=layer_norm_eps)

    def _ff(self, x: Tensor) -> Tensor:
        return self.linear2(F.relu(self.linear1(x)))

    def forward(self, src: Tensor, src_key_padding_mask: Tensor | None = None) -> Tensor:
        x = src  # (B, T, d_model)
        if self.norm_first:
            # pre-LN: normalise the input of each sublayer; the residual carries the raw x
            x = x + self.self_attn(self.norm1(x), src_key_padding_mask)
            x = x + self._ff(self.norm2(x))
        else:
            # post-LN (the 2017 paper): normalise after each residual addition
            x = self.norm1(x + self.self_attn(x, src_key_padding_mask))
            x = self.norm2(x + self._ff(x))
        return x
