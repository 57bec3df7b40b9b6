import math

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor


class SelfAttention(nn.Module):
    """Multi-head self-attention with nn.MultiheadAttention's parameter layout (write forward yourself)."""

    def __init__(self, d_model: int, nhead: int):
        super().__init__()
        self.nhead = nhead
        self.in_proj_weight = nn.Parameter(torch.empty(3 * d_model, d_model))  # rows: W_q, W_k, W_v
        self.in_proj_bias = nn.Parameter(torch.zeros(3 * d_model))
        self.out_proj = nn.Linear(d_model, d_model)

    def forward(self, x: Tensor, key_padding_mask: Tensor | None = None) -> Tensor:
        """x: (B, T, d_model); key_padding_mask: (B, T) bool, True = padding. Returns (B, T, d_model)."""
        raise NotImplementedError


class TransformerEncoderLayer(nn.Module):
    """One encoder layer, equal to nn.TransformerEncoderLayer(d_model, nhead, dim_feedforward,
    dropout=0.0, activation="relu", layer_norm_eps, batch_first=True, norm_first)."""

    def __init__(self, d_model: int, nhead: int, dim_feedforward: int, norm_first: bool = False,
                 layer_norm_eps: float = 1e-5):
        super().__init__()
        self.norm_first = norm_first
        self.self_attn = SelfAttention(d_model, nhead)
        self.linear1 = nn.Linear(d_model, dim_feedforward)
        self.linear2 = nn.Linear(dim_feedforward, d_model)
        self.norm1 = nn.LayerNorm(d_model, eps=layer_norm_eps)
        self.norm2 = nn.LayerNorm(d_model, eps=layer_norm_eps)

    def forward(self, src: Tensor, src_key_padding_mask: Tensor | None = None) -> Tensor:
        """src: (B, T, d_model) -> (B, T, d_model)."""
        raise NotImplementedError
