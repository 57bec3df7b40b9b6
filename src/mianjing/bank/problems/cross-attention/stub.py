import math

import torch
import torch.nn as nn
from torch import Tensor


class CrossAttention(nn.Module):
    """Multi-head encoder-decoder attention. The parameter names are fixed (the judge loads weights by name)."""

    def __init__(self, d_model: int, n_heads: int):
        super().__init__()
        assert d_model % n_heads == 0
        self.n_heads = n_heads
        self.q_proj = nn.Linear(d_model, d_model)
        self.k_proj = nn.Linear(d_model, d_model)
        self.v_proj = nn.Linear(d_model, d_model)
        self.o_proj = nn.Linear(d_model, d_model)

    def forward(self, x: Tensor, memory: Tensor, memory_key_padding_mask: Tensor | None = None) -> Tensor:
        """x: (B, T, d_model) decoder states (queries); memory: (B, S, d_model) encoder output (keys, values);
        memory_key_padding_mask: (B, S) bool, True = padding. Returns (B, T, d_model)."""
        raise NotImplementedError
