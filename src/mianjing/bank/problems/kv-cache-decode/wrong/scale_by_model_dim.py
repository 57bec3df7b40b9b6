"""Scales the scores by 1/sqrt(D) (the model width) instead of 1/sqrt(head_dim)."""
import math

import torch


def decode_step(x_new, cache, proj, n_heads):
    B, s, D = x_new.shape
    hd = D // n_heads
    q, k, v = (f(x_new).view(B, s, n_heads, hd).transpose(1, 2) for f in (proj.q, proj.k, proj.v))
    if "k" in cache:
        k = torch.cat([cache["k"], k], 2)
        v = torch.cat([cache["v"], v], 2)
    cache["k"], cache["v"] = k, v
    T = k.shape[2]
    scores = q @ k.transpose(-2, -1) / math.sqrt(D)
    allowed = torch.arange(T)[None, :] <= (T - s + torch.arange(s))[:, None]
    y = torch.softmax(scores.masked_fill(~allowed, float("-inf")), -1) @ v
    return proj.o(y.transpose(1, 2).reshape(B, s, D))
