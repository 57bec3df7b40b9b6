"""Caches the decompressed per-head keys and values (an ordinary KV cache): same outputs, none of
MLA's memory saving. The cache must hold only the latent and the RoPE key."""
import math

import torch
import torch.nn as nn


def rope(x, positions, base):
    d = x.shape[-1]
    inv = base ** (-torch.arange(0, d // 2, dtype=x.dtype) * 2 / d)
    a = positions.to(x.dtype)[:, None] * inv[None, :]
    cos, sin = torch.cat([a.cos(), a.cos()], -1), torch.cat([a.sin(), a.sin()], -1)
    return x * cos + torch.cat([-x[..., d // 2:], x[..., : d // 2]], -1) * sin


class MLA(nn.Module):
    def __init__(self, d_model, n_heads, d_head, d_latent, d_rope, rope_base=10000.0):
        super().__init__()
        self.h, self.dh, self.dr, self.base = n_heads, d_head, d_rope, rope_base
        self.w_dkv = nn.Linear(d_model, d_latent, bias=False)
        self.w_uk = nn.Linear(d_latent, n_heads * d_head, bias=False)
        self.w_uv = nn.Linear(d_latent, n_heads * d_head, bias=False)
        self.w_kr = nn.Linear(d_model, d_rope, bias=False)
        self.w_q = nn.Linear(d_model, n_heads * d_head, bias=False)
        self.w_qr = nn.Linear(d_model, n_heads * d_rope, bias=False)
        self.w_o = nn.Linear(n_heads * d_head, d_model, bias=False)

    def forward(self, x, cache):
        B, s, _ = x.shape
        H, dh, dr = self.h, self.dh, self.dr
        past = cache["k"].shape[2] if "k" in cache else 0
        pos = torch.arange(past, past + s)
        c = self.w_dkv(x)
        kr = rope(self.w_kr(x), pos, self.base)
        k = torch.cat([self.w_uk(c).view(B, s, H, dh).transpose(1, 2), kr[:, None].expand(B, H, s, dr)], -1)
        v = self.w_uv(c).view(B, s, H, dh).transpose(1, 2)
        if past:
            k = torch.cat([cache["k"], k], 2)
            v = torch.cat([cache["v"], v], 2)
        cache["k"], cache["v"] = k, v
        T = k.shape[2]
        q = torch.cat([self.w_q(x).view(B, s, H, dh).transpose(1, 2),
                       rope(self.w_qr(x).view(B, s, H, dr).transpose(1, 2), pos, self.base)], -1)
        sc = (q @ k.transpose(-2, -1) / math.sqrt(dh + dr)).masked_fill(torch.arange(T)[None] > pos[:, None], float("-inf"))
        y = torch.softmax(sc, -1) @ v
        return self.w_o(y.transpose(1, 2).reshape(B, s, H * dh))
