"""Multi-head causal self-attention decoded with a KV cache: each call projects only the new tokens,
appends their keys and values to the cache, and attends from the new queries to everything cached.
The result equals full causal attention over the whole sequence, at a cost per step that is linear,
not quadratic, in the length so far."""

import math

import torch
from torch import Tensor


def decode_step(x_new: Tensor, cache: dict, proj, n_heads: int) -> Tensor:
    # x_new: (B, s, D) the s new tokens; cache: {} on the first call, then whatever we stored
    B, s, D = x_new.shape
    hd = D // n_heads

    def heads(t):  # (B, s, D) -> (B, H, s, hd)
        return t.view(B, s, n_heads, hd).transpose(1, 2)

    q, k, v = heads(proj.q(x_new)), heads(proj.k(x_new)), heads(proj.v(x_new))  # new tokens only
    if "k" in cache:
        k = torch.cat([cache["k"], k], dim=2)  # (B, H, T, hd), T = past + s
        v = torch.cat([cache["v"], v], dim=2)
    cache["k"], cache["v"] = k, v
    T = k.shape[2]
    past = T - s
    scores = q @ k.transpose(-2, -1) / math.sqrt(hd)  # (B, H, s, T)
    # new token i sits at absolute position past + i and sees keys 0 .. past + i
    allowed = torch.arange(T)[None, :] <= (past + torch.arange(s))[:, None]  # (s, T)
    scores = scores.masked_fill(~allowed, float("-inf"))
    y = torch.softmax(scores, dim=-1) @ v  # (B, H, s, hd)
    y = y.transpose(1, 2).reshape(B, s, D)  # heads back side by side
    return proj.o(y)
