"""Walks the tokens in order and gives each one all its choices before the next token."""
import math

import torch
import torch.nn.functional as F


def moe_router(logits, top_k, capacity_factor):
    N, E = logits.shape
    probs = torch.softmax(logits, -1)
    p, idx = probs.topk(top_k, -1)
    gates = p / p.sum(-1, keepdim=True)
    cap = math.ceil(capacity_factor * N * top_k / E)
    load = [0] * E
    kept = torch.zeros(N, top_k, dtype=torch.bool)
    for t in range(N):
        for j in range(top_k):
            e = int(idx[t, j])
            if load[e] < cap:
                kept[t, j] = True
            load[e] += 1
    combine = torch.zeros_like(probs).scatter_add(1, idx, gates * kept)
    dispatch = torch.zeros(N, E, dtype=torch.bool).scatter(1, idx, kept)
    f = F.one_hot(idx, E).sum((0, 1)).to(probs.dtype) / (N * top_k)
    return combine, dispatch, E * (f * probs.mean(0)).sum()
