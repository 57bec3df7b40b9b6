"""Caches the hidden states and re-projects the whole prefix at every step: right outputs, no saving."""
import math

import torch


def decode_step(x_new, cache, proj, n_heads):
    B, s, D = x_new.shape
    hd = D // n_heads
    x_all = torch.cat([cache["x"], x_new], dim=1) if "x" in cache else x_new
    cache["x"] = x_all
    T = x_all.shape[1]
    q = proj.q(x_new).view(B, s, n_heads, hd).transpose(1, 2)
    k = proj.k(x_all).view(B, T, n_heads, hd).transpose(1, 2)
    v = proj.v(x_all).view(B, T, n_heads, hd).transpose(1, 2)
    scores = q @ k.transpose(-2, -1) / math.sqrt(hd)
    allowed = torch.arange(T)[None, :] <= (T - s + torch.arange(s))[:, None]
    y = torch.softmax(scores.masked_fill(~allowed, float("-inf")), -1) @ v
    return proj.o(y.transpose(1, 2).reshape(B, s, D))
