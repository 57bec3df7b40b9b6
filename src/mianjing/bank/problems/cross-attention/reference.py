"""Encoder-decoder ("cross") attention (Vaswani et al., 2017, section 3.2.3): the decoder's states ask
the questions, the encoder's output (the memory) answers them. Same heads as self-attention, but
queries and keys come from different sequences, so the score matrix is (T, S), not square."""

import math

import torch
import torch.nn as nn
from torch import Tensor


class CrossAttention(nn.Module):
    def __init__(self, d_model: int, n_heads: int):
        super().__init__()
        assert d_model % n_heads == 0
        self.n_heads = n_heads
        self.q_proj = nn.Linear(d_model, d_model)
        self.k_proj = nn.Linear(d_model, d_model)
        self.v_proj = nn.Linear(d_model, d_model)
        self.o_proj = nn.Linear(d_model, d_model)

    def forward(self, x: Tensor, memory: Tensor, memory_key_padding_mask: Tensor | None = None) -> Tensor:
        b, t, d = x.shape
        s = memory.shape[1]
        h = self.n_heads
        dh = d // h

        q = self.q_proj(x).view(b, t, h, dh).transpose(1, 2)       # (B, H, T, dh) from the decoder
        k = self.k_proj(memory).view(b, s, h, dh).transpose(1, 2)  # (B, H, S, dh) from the encoder
        v = self.v_proj(memory).view(b, s, h, dh).transpose(1, 2)  # (B, H, S, dh)
        scores = q @ k.transpose(-2, -1) / math.sqrt(dh)           # (B, H, T, S); no causal mask: the
                                                                   # whole source is known when decoding
        if memory_key_padding_mask is not None:
            # True = padding: drop that memory column for every head and every query
            scores = scores.masked_fill(memory_key_padding_mask[:, None, None, :], float("-inf"))
        w = torch.softmax(scores, dim=-1)  # every memory has a real position, so no row is all -inf
        y = (w @ v).transpose(1, 2).reshape(b, t, d)  # concatenate the heads: (B, T, d)
        return self.o_proj(y)
