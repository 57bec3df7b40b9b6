"""Adds the document-to-query direction (positives choosing their query), as CLIP does."""
import torch
import torch.nn.functional as F


def info_nce(query, pos, hard_neg, temperature):
    N, D = query.shape
    q = F.normalize(query, dim=-1)
    docs = pos if hard_neg is None else torch.cat([pos, hard_neg.reshape(-1, D)])
    d = F.normalize(docs, dim=-1)
    scores = q @ d.T / temperature
    labels = torch.arange(N)
    return (F.cross_entropy(scores, labels) + F.cross_entropy(scores[:, :N].T, labels)) / 2
