"""Tiled exact attention with the online softmax (Dao et al., 2022, "FlashAttention", algorithm 1;
Milakov & Gimelshein, 2018, "Online normalizer calculation for softmax"). Memory is O(T * tile),
never O(T^2): each query tile keeps a running max m, a running normaliser l and an unnormalised
output acc, rescaled whenever a new key tile raises the max."""

import math

import torch
from torch import Tensor

TILE = 256  # query rows and key columns per tile


def flash_attention(q: Tensor, k: Tensor, v: Tensor, causal: bool = False) -> Tensor:
    # q: (..., Lq, d)  k: (..., Lk, d)  v: (..., Lk, dv); causal needs Lq == Lk
    Lq, d = q.shape[-2], q.shape[-1]
    Lk = k.shape[-2]
    scale = 1.0 / math.sqrt(d)
    out = q.new_empty(q.shape[:-1] + (v.shape[-1],))  # (..., Lq, dv)
    for i0 in range(0, Lq, TILE):
        qi = q[..., i0:i0 + TILE, :] * scale  # (..., br, d)
        br = qi.shape[-2]
        m = qi.new_full(qi.shape[:-1] + (1,), float("-inf"))  # (..., br, 1) running row max
        l = qi.new_zeros(qi.shape[:-1] + (1,))  # (..., br, 1) running sum of exp(s - m)
        acc = qi.new_zeros(qi.shape[:-1] + (v.shape[-1],))  # (..., br, dv) unnormalised output
        for j0 in range(0, Lk, TILE):
            if causal and j0 > i0 + br - 1:
                break  # this key tile and all later ones are in every row's future
            s = qi @ k[..., j0:j0 + TILE, :].transpose(-2, -1)  # (..., br, bc): one tile of scores
            if causal:
                rows = torch.arange(i0, i0 + br)[:, None]
                cols = torch.arange(j0, j0 + s.shape[-1])[None, :]
                s = s.masked_fill(cols > rows, float("-inf"))  # a query sees keys at or before it
            m_new = torch.maximum(m, s.amax(dim=-1, keepdim=True))  # finite: key 0 is always visible
            p = torch.exp(s - m_new)  # (..., br, bc)
            alpha = torch.exp(m - m_new)  # rescales what was accumulated under the old max
            l = alpha * l + p.sum(dim=-1, keepdim=True)
            acc = alpha * acc + p @ v[..., j0:j0 + TILE, :]
            m = m_new
        out[..., i0:i0 + br, :] = acc / l
    return out
