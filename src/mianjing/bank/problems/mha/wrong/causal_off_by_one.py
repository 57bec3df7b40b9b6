"""triu with diagonal=0 also blocks the diagonal: nobody sees themselves."""
import math

import torch
import torch.nn as nn


class MultiHeadAttention(nn.Module):
    def __init__(self, d_model, n_heads):
        super().__init__()
        self.n_heads = n_heads
        self.q_proj = nn.Linear(d_model, d_model)
        self.k_proj = nn.Linear(d_model, d_model)
        self.v_proj = nn.Linear(d_model, d_model)
        self.o_proj = nn.Linear(d_model, d_model)

    def forward(self, x, key_padding_mask=None, causal=False):
        B, T, D = x.shape
        H = self.n_heads
        dh = D // H
        q = self.q_proj(x).view(B, T, H, dh).transpose(1, 2)  # SPLIT
        k = self.k_proj(x).view(B, T, H, dh).transpose(1, 2)  # SPLIT
        v = self.v_proj(x).view(B, T, H, dh).transpose(1, 2)  # SPLIT
        att = q @ k.transpose(-2, -1) / math.sqrt(dh)  # SCALE
        mask = torch.zeros(B, 1, T, T, dtype=torch.bool)  # True = blocked
        if causal:
            mask = mask | torch.triu(torch.ones(T, T, dtype=torch.bool), diagonal=0)  # CAUSAL
        if key_padding_mask is not None:
            mask = mask | key_padding_mask[:, None, None, :]  # PADDING
        att = att.masked_fill(mask, float("-inf"))
        dead = mask.all(dim=-1, keepdim=True)
        att = torch.softmax(att.masked_fill(dead, 0.0), dim=-1).masked_fill(dead, 0.0)
        y = (att @ v).transpose(1, 2).reshape(B, T, D)
        return self.o_proj(y)
