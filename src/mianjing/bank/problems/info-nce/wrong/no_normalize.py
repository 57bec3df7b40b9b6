"""Dot products of raw embeddings instead of cosine similarities."""
import torch
import torch.nn.functional as F


def info_nce(query, pos, hard_neg, temperature):
    N, D = query.shape
    q = query
    docs = pos if hard_neg is None else torch.cat([pos, hard_neg.reshape(-1, D)])
    d = docs
    scores = q @ d.T / temperature
    return F.cross_entropy(scores, torch.arange(N))
