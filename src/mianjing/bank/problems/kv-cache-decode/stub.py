import math

import torch
from torch import Tensor


def decode_step(x_new: Tensor, cache: dict, proj, n_heads: int) -> Tensor:
    """x_new: (B, s, D), the s new tokens. cache: the same dict at every call of one sequence (empty
    at the first). proj.q / proj.k / proj.v / proj.o: (..., D) -> (..., D). Return (B, s, D)."""
    raise NotImplementedError
