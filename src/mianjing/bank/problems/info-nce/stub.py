import torch
import torch.nn.functional as F
from torch import Tensor


def info_nce(query: Tensor, pos: Tensor, hard_neg: Tensor | None, temperature: float) -> Tensor:
    """query, pos: (N, D), pos[i] is query i's positive; hard_neg: (N, K, D) or None.

    Score every query against all N positives and all N*K hard negatives of the batch by cosine
    similarity / temperature; return the mean cross-entropy of picking the own positive (0-dim).
    """
    raise NotImplementedError
