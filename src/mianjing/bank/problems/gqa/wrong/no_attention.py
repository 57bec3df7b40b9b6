"""Skips the attention weights: every token just passes its own value vector on."""
import math

import torch
import torch.nn as nn


class GroupedQueryAttention(nn.Module):
    def __init__(self, d_model, n_heads, n_kv_heads):
        super().__init__()
        self.n_heads, self.n_kv_heads = n_heads, n_kv_heads
        self.d_head = d_model // n_heads
        self.q_proj = nn.Linear(d_model, n_heads * self.d_head, bias=False)
        self.k_proj = nn.Linear(d_model, n_kv_heads * self.d_head, bias=False)
        self.v_proj = nn.Linear(d_model, n_kv_heads * self.d_head, bias=False)
        self.o_proj = nn.Linear(n_heads * self.d_head, d_model, bias=False)

    def forward(self, x, causal=True):
        B, T, _ = x.shape
        H, KV, dh = self.n_heads, self.n_kv_heads, self.d_head
        q = self.q_proj(x).view(B, T, H, dh).transpose(1, 2)
        k = self.k_proj(x).view(B, T, KV, dh).transpose(1, 2)
        v = self.v_proj(x).view(B, T, KV, dh).transpose(1, 2)
        k = k[:, :, None].expand(B, KV, H // KV, T, dh).reshape(B, H, T, dh)  # REPEAT
        v = v[:, :, None].expand(B, KV, H // KV, T, dh).reshape(B, H, T, dh)  # REPEAT
        att = q @ k.transpose(-2, -1) / math.sqrt(dh)  # SCALE
        if causal:
            att = att.masked_fill(torch.triu(torch.ones(T, T, dtype=torch.bool), diagonal=1), float("-inf"))  # CAUSAL
        y = v  # ATTEND
        return self.o_proj(y.transpose(1, 2).reshape(B, T, H * dh))
