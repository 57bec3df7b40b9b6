import math

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor


class DecoderBlock(nn.Module):
    """One GPT-2 block. The module and parameter names are fixed (the judge loads weights by name)."""

    def __init__(self, d_model: int, n_heads: int, layer_norm_eps: float = 1e-5):
        super().__init__()
        assert d_model % n_heads == 0
        self.n_heads = n_heads
        self.ln_1 = nn.LayerNorm(d_model, eps=layer_norm_eps)
        self.attn = nn.Module()
        self.attn.c_attn = nn.Linear(d_model, 3 * d_model)  # q, k, v stacked in this order
        self.attn.c_proj = nn.Linear(d_model, d_model)
        self.ln_2 = nn.LayerNorm(d_model, eps=layer_norm_eps)
        self.mlp = nn.Module()
        self.mlp.c_fc = nn.Linear(d_model, 4 * d_model)
        self.mlp.c_proj = nn.Linear(4 * d_model, d_model)

    def forward(self, x: Tensor) -> Tensor:
        """x: (B, T, d_model) -> (B, T, d_model)."""
        raise NotImplementedError
