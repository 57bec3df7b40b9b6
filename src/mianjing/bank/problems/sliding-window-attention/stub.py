import math

import torch
from torch import Tensor


def sliding_window_attention(q: Tensor, k: Tensor, v: Tensor, window: int) -> Tensor:
    """q, k: (..., T, d); v: (..., T, dv). Causal attention in which query i sees keys
    max(0, i - window + 1) .. i. Returns (..., T, dv)."""
    raise NotImplementedError
