"""Rotates every call's tokens from position 0: decode steps get the prefill's first positions."""
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
        past = cache["c_kv"].shape[1] if "c_kv" in cache else 0
        pos = torch.arange(s)
        c, kr = self.w_dkv(x), rope(self.w_kr(x), pos, self.base)
        if past:
            c = torch.cat([cache["c_kv"], c], 1)
            kr = torch.cat([cache["k_rope"], kr], 1)
        cache["c_kv"], cache["k_rope"] = c, kr
        T = c.shape[1]
        k = torch.cat([self.w_uk(c).view(B, T, H, dh).transpose(1, 2), kr[:, None].expand(B, H, T, dr)], -1)
        v = self.w_uv(c).view(B, T, H, dh).transpose(1, 2)
        q = torch.cat([self.w_q(x).view(B, s, H, dh).transpose(1, 2),
                       rope(self.w_qr(x).view(B, s, H, dr).transpose(1, 2), pos, self.base)], -1)
        sc = (q @ k.transpose(-2, -1) / math.sqrt(dh + dr)).masked_fill(torch.arange(T)[None] > (past + pos)[:, None], float("-inf"))
        y = torch.softmax(sc, -1) @ v
        return self.w_o(y.transpose(1, 2).reshape(B, s, H * dh))
