"""Multi-head latent attention (DeepSeek-V2, Liu et al., 2024, section 2.1; also DeepSeek-V3) with a
KV cache. Keys and values are rebuilt from a small shared latent c_kv (low-rank joint compression);
position information goes through a separate, decoupled RoPE key k_rope shared by all heads. The
cache holds only c_kv and k_rope: (d_latent + d_rope) numbers per token instead of 2 * H * d_head.

Simplifications stated in the problem: queries are not compressed (as in DeepSeek-V2-Lite), and
there is no RMSNorm on the latent."""

import math

import torch
import torch.nn as nn
from torch import Tensor


def rope(x: Tensor, positions: Tensor, base: float) -> Tensor:
    # x: (..., T, d) with d even; rotate-half pairing: dim i pairs with dim i + d/2
    d = x.shape[-1]
    inv_freq = base ** (-torch.arange(0, d // 2, dtype=x.dtype) * 2 / d)  # (d/2,)
    angles = positions.to(x.dtype)[:, None] * inv_freq[None, :]  # (T, d/2)
    cos = torch.cat([angles.cos(), angles.cos()], dim=-1)  # (T, d)
    sin = torch.cat([angles.sin(), angles.sin()], dim=-1)
    x1, x2 = x[..., : d // 2], x[..., d // 2:]
    return x * cos + torch.cat([-x2, x1], dim=-1) * sin


class MLA(nn.Module):
    def __init__(self, d_model: int, n_heads: int, d_head: int, d_latent: int, d_rope: int,
                 rope_base: float = 10000.0):
        super().__init__()
        self.h, self.dh, self.dr, self.base = n_heads, d_head, d_rope, rope_base
        self.w_dkv = nn.Linear(d_model, d_latent, bias=False)  # down: h -> c_kv (cached)
        self.w_uk = nn.Linear(d_latent, n_heads * d_head, bias=False)  # up: c_kv -> content keys
        self.w_uv = nn.Linear(d_latent, n_heads * d_head, bias=False)  # up: c_kv -> values
        self.w_kr = nn.Linear(d_model, d_rope, bias=False)  # h -> the shared RoPE key (cached)
        self.w_q = nn.Linear(d_model, n_heads * d_head, bias=False)  # content queries
        self.w_qr = nn.Linear(d_model, n_heads * d_rope, bias=False)  # RoPE queries, one per head
        self.w_o = nn.Linear(n_heads * d_head, d_model, bias=False)

    def forward(self, x: Tensor, cache: dict) -> Tensor:
        # x: (B, s, D) new tokens; cache: {} at first, then {"c_kv": (B, T, d_c), "k_rope": (B, T, d_r)}
        B, s, _ = x.shape
        H, dh, dr = self.h, self.dh, self.dr
        past = cache["c_kv"].shape[1] if "c_kv" in cache else 0
        pos = torch.arange(past, past + s)  # absolute positions of the new tokens

        c_kv = self.w_dkv(x)  # (B, s, d_c)
        k_rope = rope(self.w_kr(x), pos, self.base)  # (B, s, d_r), rotated before it is cached
        if past:
            c_kv = torch.cat([cache["c_kv"], c_kv], dim=1)  # (B, T, d_c)
            k_rope = torch.cat([cache["k_rope"], k_rope], dim=1)  # (B, T, d_r)
        cache["c_kv"], cache["k_rope"] = c_kv, k_rope  # nothing else is cached
        T = c_kv.shape[1]

        # rebuild per-head keys and values from the latent
        k_c = self.w_uk(c_kv).view(B, T, H, dh).transpose(1, 2)  # (B, H, T, dh)
        v = self.w_uv(c_kv).view(B, T, H, dh).transpose(1, 2)  # (B, H, T, dh)
        k_r = k_rope[:, None].expand(B, H, T, dr)  # (B, H, T, dr) the same for every head
        k = torch.cat([k_c, k_r], dim=-1)  # (B, H, T, dh + dr)

        q_c = self.w_q(x).view(B, s, H, dh).transpose(1, 2)  # (B, H, s, dh)
        q_r = rope(self.w_qr(x).view(B, s, H, dr).transpose(1, 2), pos, self.base)  # (B, H, s, dr)
        q = torch.cat([q_c, q_r], dim=-1)  # (B, H, s, dh + dr)

        scores = q @ k.transpose(-2, -1) / math.sqrt(dh + dr)  # (B, H, s, T)
        allowed = torch.arange(T)[None, :] <= pos[:, None]  # (s, T) causal, aligned to the end
        scores = scores.masked_fill(~allowed, float("-inf"))
        y = torch.softmax(scores, dim=-1) @ v  # (B, H, s, dh)
        return self.w_o(y.transpose(1, 2).reshape(B, s, H * dh))  # (B, s, D)
