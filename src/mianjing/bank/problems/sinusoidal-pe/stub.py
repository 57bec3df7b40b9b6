import math

import torch
from torch import Tensor


def sinusoidal_pe(seq_len: int, d_model: int, base: float = 10000.0) -> Tensor:
    """Return the (seq_len, d_model) float32 table: PE[m, 2i] = sin(m / base^(2i/d)), PE[m, 2i+1] = cos(...)."""
    raise NotImplementedError
