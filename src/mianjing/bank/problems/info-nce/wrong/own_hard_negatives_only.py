"""Each query sees all in-batch positives but only its own K hard negatives, not the other queries'."""
import torch
import torch.nn.functional as F


def info_nce(query, pos, hard_neg, temperature):
    N, D = query.shape
    q = F.normalize(query, dim=-1)
    scores = q @ F.normalize(pos, dim=-1).T / temperature                      # (N, N)
    if hard_neg is not None:
        own = torch.einsum("nd,nkd->nk", q, F.normalize(hard_neg, dim=-1)) / temperature  # (N, K)
        scores = torch.cat([scores, own], dim=1)
    return F.cross_entropy(scores, torch.arange(N))
