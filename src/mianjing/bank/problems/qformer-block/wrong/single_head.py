"""Ignores n_heads: one attention head of width d_model in both attentions."""
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class Attention(nn.Module):
    def __init__(self, d_model, n_heads, d_kv):
        super().__init__()
        self.h = n_heads
        self.q_proj = nn.Linear(d_model, d_model)
        self.k_proj = nn.Linear(d_kv, d_model)
        self.v_proj = nn.Linear(d_kv, d_model)
        self.o_proj = nn.Linear(d_model, d_model)

    def forward(self, x, kv, causal=False, heads=None):
        h = self.h if heads is None else heads
        B, Lq, D = x.shape
        Lk, hd = kv.shape[1], D // h
        q = self.q_proj(x).view(B, Lq, h, hd).transpose(1, 2)
        k = self.k_proj(kv).view(B, Lk, h, hd).transpose(1, 2)
        v = self.v_proj(kv).view(B, Lk, h, hd).transpose(1, 2)
        s = q @ k.transpose(-2, -1) / math.sqrt(hd)
        if causal:
            s = s.masked_fill(torch.ones(Lq, Lk, dtype=torch.bool).triu(1), float("-inf"))
        return self.o_proj((torch.softmax(s, -1) @ v).transpose(1, 2).reshape(B, Lq, D))


class FFN(nn.Module):
    def __init__(self, d, f):
        super().__init__()
        self.fc1, self.fc2 = nn.Linear(d, f), nn.Linear(f, d)

    def forward(self, x):
        return self.fc2(F.gelu(self.fc1(x)))


class QFormerBlock(nn.Module):
    def __init__(self, d_model, n_heads, n_queries, d_image, d_ffn, eps=1e-12):
        super().__init__()
        self.queries = nn.Parameter(torch.zeros(n_queries, d_model))
        self.self_attn = Attention(d_model, n_heads, d_model)
        self.norm1 = nn.LayerNorm(d_model, eps=eps)
        self.cross_attn = Attention(d_model, n_heads, d_image)
        self.norm2 = nn.LayerNorm(d_model, eps=eps)
        self.ffn = FFN(d_model, d_ffn)
        self.norm3 = nn.LayerNorm(d_model, eps=eps)

    def forward(self, image_feats):
        h = self.queries.unsqueeze(0).expand(image_feats.shape[0], -1, -1)
        h = self.norm1(h + self.self_attn(h, h, heads=1))
        h = self.norm2(h + self.cross_attn(h, image_feats, heads=1))
        return self.norm3(h + self.ffn(h))
