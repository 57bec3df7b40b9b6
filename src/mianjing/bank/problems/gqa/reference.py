"""Grouped-query attention (Ainslie et al., 2023), written as Llama does it: K/V heads are repeated
so that each one serves a contiguous group of query heads."""

import math

import torch
import torch.nn as nn
from torch import Tensor


class GroupedQueryAttention(nn.Module):
    def __init__(self, d_model: int, n_heads: int, n_kv_heads: int):
        super().__init__()
        assert d_model % n_heads == 0 and n_heads % n_kv_heads == 0
        self.n_heads, self.n_kv_heads = n_heads, n_kv_heads
        self.d_head = d_model // n_heads
        self.q_proj = nn.Linear(d_model, n_heads * self.d_head, bias=False)
        self.k_proj = nn.Linear(d_model, n_kv_heads * self.d_head, bias=False)
        self.v_proj = nn.Linear(d_model, n_kv_heads * self.d_head, bias=False)
        self.o_proj = nn.Linear(n_heads * self.d_head, d_model, bias=False)

    def forward(self, x: Tensor, causal: bool = True) -> Tensor:
        b, t, _ = x.shape
        h, hkv, dh = self.n_heads, self.n_kv_heads, self.d_head
        q = self.q_proj(x).view(b, t, h, dh).transpose(1, 2)  # (B, H, T, dh)
        k = self.k_proj(x).view(b, t, hkv, dh).transpose(1, 2)  # (B, Hkv, T, dh)
        v = self.v_proj(x).view(b, t, hkv, dh).transpose(1, 2)  # (B, Hkv, T, dh)

        # kv head j serves query heads j*g ... j*g + g - 1: repeat each kv head g times in place
        g = h // hkv
        k = k.repeat_interleave(g, dim=1)  # (B, H, T, dh): kv heads 0,0,..,1,1,..
        v = v.repeat_interleave(g, dim=1)

        scores = q @ k.transpose(-2, -1) / math.sqrt(dh)  # (B, H, T, T)
        if causal:
            future = torch.triu(torch.ones(t, t, dtype=torch.bool), diagonal=1)  # j > i
            scores = scores.masked_fill(future, float("-inf"))  # the diagonal stays: no row is empty
        w = torch.softmax(scores, dim=-1)
        y = (w @ v).transpose(1, 2).reshape(b, t, h * dh)  # concatenate the heads in order
        return self.o_proj(y)
