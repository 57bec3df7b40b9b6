import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor


class SwiGLU(nn.Module):
    """out = w2( silu(w1 x) * (w3 x) ), three bias-free linear layers (names are fixed)."""

    def __init__(self, d_model: int, d_ff: int):
        super().__init__()
        self.w1 = nn.Linear(d_model, d_ff, bias=False)  # gate projection
        self.w3 = nn.Linear(d_model, d_ff, bias=False)  # up projection
        self.w2 = nn.Linear(d_ff, d_model, bias=False)  # down projection

    def forward(self, x: Tensor) -> Tensor:
        """x: (..., d_model) -> (..., d_model)"""
        raise NotImplementedError
