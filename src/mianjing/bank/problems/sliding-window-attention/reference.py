"""Sliding-window attention (Beltagy et al., 2020, Longformer section 3.1; Jiang et al., 2023,
Mistral 7B section 2): causal attention in which each query sees only the last `window` keys,
itself included. Cost and KV cache per query stop growing with the sequence; stacked layers still
pass information further back, about window positions per layer."""

import math

import torch
from torch import Tensor


def sliding_window_attention(q: Tensor, k: Tensor, v: Tensor, window: int) -> Tensor:
    # q, k: (..., T, d); v: (..., T, dv)
    T, d = q.shape[-2], q.shape[-1]
    scores = q @ k.transpose(-2, -1) / math.sqrt(d)  # (..., T, T)
    i = torch.arange(T)[:, None]  # query positions
    j = torch.arange(T)[None, :]  # key positions
    # causal (j <= i) and within the window (i - j < window): window keys, the query's own included
    allowed = (j <= i) & (i - j < window)  # (T, T); the diagonal is always allowed, so no row is empty
    scores = scores.masked_fill(~allowed, float("-inf"))
    return torch.softmax(scores, dim=-1) @ v  # (..., T, dv)
