"""Replaces the hard routing fraction f by the soft one: aux = E * sum(P_i ** 2)."""
import math

import torch
import torch.nn.functional as F


def moe_router(logits, top_k, capacity_factor):
    N, E = logits.shape
    probs = torch.softmax(logits, -1)
    p, idx = probs.topk(top_k, -1)
    gates = p / p.sum(-1, keepdim=True)
    cap = math.ceil(capacity_factor * N * top_k / E)
    used = torch.zeros(E, dtype=torch.long)
    kept = torch.zeros(N, top_k, dtype=torch.bool)
    for j in range(top_k):
        oh = F.one_hot(idx[:, j], E)
        kept[:, j] = ((torch.cumsum(oh, 0) - 1 + used) * oh).sum(-1) < cap
        used += oh.sum(0)
    combine = torch.zeros_like(probs).scatter_add(1, idx, gates * kept)
    dispatch = torch.zeros(N, E, dtype=torch.bool).scatter(1, idx, kept)
    P = probs.mean(0)
    return combine, dispatch, E * (P * P).sum()
