"""InfoNCE with in-batch negatives and shared hard negatives, as used to train text embedding models
(DPR, E5, BGE; sentence-transformers' MultipleNegativesRankingLoss with triplets).

Query i must pick its own positive among all candidates of the batch: the N positives (the other
queries' positives are in-batch negatives) followed by all N*K hard negatives.
"""

import torch
import torch.nn.functional as F
from torch import Tensor


def info_nce(query: Tensor, pos: Tensor, hard_neg: Tensor | None, temperature: float) -> Tensor:
    # query, pos: (N, D); hard_neg: (N, K, D) or None
    N, D = query.shape
    docs = pos if hard_neg is None else torch.cat([pos, hard_neg.reshape(-1, D)], dim=0)  # (N + N*K, D)
    q = F.normalize(query, dim=-1)                 # cosine similarity = dot product of unit vectors
    d = F.normalize(docs, dim=-1)
    scores = q @ d.T / temperature                 # (N, N + N*K)
    labels = torch.arange(N)                       # the positive of query i sits at column i
    return F.cross_entropy(scores, labels)         # mean over the N queries
