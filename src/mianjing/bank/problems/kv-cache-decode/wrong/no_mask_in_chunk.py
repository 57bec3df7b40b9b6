"""No mask at all: fine for single tokens, but a multi-token chunk (the prefill) sees its own future."""
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
    y = torch.softmax(q @ k.transpose(-2, -1) / math.sqrt(hd), -1) @ v
    return proj.o(y.transpose(1, 2).reshape(B, s, D))
