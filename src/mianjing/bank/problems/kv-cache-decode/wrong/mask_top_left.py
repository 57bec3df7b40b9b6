"""Builds the causal mask as tril(ones(s, T)): aligned to the top-left, so a chunk after a prefix
cannot see most of the cache."""
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
    scores = q @ k.transpose(-2, -1) / math.sqrt(hd)
    if s > 1:
        scores = scores.masked_fill(torch.tril(torch.ones(s, T, dtype=torch.bool)) == 0, float("-inf"))
    y = torch.softmax(scores, -1) @ v
    return proj.o(y.transpose(1, 2).reshape(B, s, D))
