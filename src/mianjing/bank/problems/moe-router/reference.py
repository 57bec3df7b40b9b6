"""Top-k MoE routing (Shazeer et al., 2017; GShard, Lepikhin et al., 2020; Switch Transformer, Fedus
et al., 2021): softmax router, top-k experts per token with renormalised gates, expert capacity with
first-choices-first priority, and the load-balancing loss E * sum_i f_i * P_i."""

import math

import torch
import torch.nn.functional as F
from torch import Tensor


def moe_router(logits: Tensor, top_k: int, capacity_factor: float):
    # logits: (N, E) router scores of N tokens over E experts
    N, E = logits.shape
    probs = torch.softmax(logits, dim=-1)  # (N, E)
    top_p, top_i = probs.topk(top_k, dim=-1)  # (N, k) best experts first
    gates = top_p / top_p.sum(dim=-1, keepdim=True)  # (N, k) renormalised over the chosen experts

    # capacity: slots per expert; first choices of all tokens (in token order) are served first,
    # then second choices, and so on; an assignment that finds its expert full is dropped
    capacity = math.ceil(capacity_factor * N * top_k / E)
    used = torch.zeros(E, dtype=torch.int64)  # slots taken so far per expert
    kept = torch.zeros(N, top_k, dtype=torch.bool)
    for j in range(top_k):
        onehot = F.one_hot(top_i[:, j], E)  # (N, E) this rank's assignments
        slot = (torch.cumsum(onehot, dim=0) - 1 + used) * onehot  # (N, E) slot index in the expert
        kept[:, j] = slot.sum(dim=-1) < capacity
        used += onehot.sum(dim=0)
    # dense (N, E) outputs: the gate of each kept assignment, and where tokens go
    combine = torch.zeros_like(probs).scatter_add(1, top_i, gates * kept)  # dropped ones keep weight 0
    dispatch = torch.zeros(N, E, dtype=torch.bool).scatter(1, top_i, kept)

    # load balancing: f_i = share of the N*k assignments that chose expert i (before capacity; a count,
    # no gradient), P_i = mean router probability of expert i (differentiable); 1.0 when uniform
    f = F.one_hot(top_i, E).sum(dim=(0, 1)).to(probs.dtype) / (N * top_k)  # (E,)
    P = probs.mean(dim=0)  # (E,)
    aux_loss = E * (f * P).sum()
    return combine, dispatch, aux_loss
