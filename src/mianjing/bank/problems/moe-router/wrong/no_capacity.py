"""Every chosen expert receives the token: capacity_factor is never used."""
import torch
import torch.nn.functional as F


def moe_router(logits, top_k, capacity_factor):
    N, E = logits.shape
    probs = torch.softmax(logits, -1)
    p, idx = probs.topk(top_k, -1)
    gates = p / p.sum(-1, keepdim=True)
    combine = torch.zeros_like(probs).scatter(1, idx, gates)
    dispatch = torch.zeros(N, E, dtype=torch.bool).scatter(1, idx, True)
    f = F.one_hot(idx, E).sum((0, 1)).to(probs.dtype) / (N * top_k)
    return combine, dispatch, E * (f * probs.mean(0)).sum()
