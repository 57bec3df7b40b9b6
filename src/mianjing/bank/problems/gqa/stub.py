import math

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor


class GroupedQueryAttention(nn.Module):
    """Grouped-query self-attention (Llama 2/3 style, no biases). Parameter names are fixed."""

    def __init__(self, d_model: int, n_heads: int, n_kv_heads: int):
        super().__init__()
        assert d_model % n_heads == 0 and n_heads % n_kv_heads == 0
        self.n_heads, self.n_kv_heads = n_heads, n_kv_heads
        self.d_head = d_model // n_heads
        self.q_proj = nn.Linear(d_model, n_heads * self.d_head, bias=False)
        self.k_proj = nn.Linear(d_model, n_kv_heads * self.d_head, bias=False)
        self.v_proj = nn.Linear(d_model, n_kv_heads * self.d_head, bias=False)
        self.o_proj = nn.Linear(n_heads * self.d_head, d_model, bias=False)

    def forward(self, x: Tensor, causal: bool = True) -> Tensor:
        """x: (B, T, d_model) -> (B, T, d_model). Query head h uses kv head h // (n_heads // n_kv_heads)."""
        raise NotImplementedError
