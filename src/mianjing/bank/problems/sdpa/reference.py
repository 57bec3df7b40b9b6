"""Scaled dot-product attention (Vaswani et al., 2017, eq. 1) with masks and a safe softmax."""

import math

import torch
from torch import Tensor


def sdpa(q: Tensor, k: Tensor, v: Tensor, attn_mask: Tensor | None = None, scale: float | None = None) -> Tensor:
    # q: (..., Lq, d)  k: (..., Lk, d)  v: (..., Lk, dv)
    if scale is None:
        scale = 1.0 / math.sqrt(q.size(-1))
    scores = (q @ k.transpose(-2, -1)) * scale  # (..., Lq, Lk)
    if attn_mask is not None:
        if attn_mask.dtype == torch.bool:
            scores = scores.masked_fill(~attn_mask, float("-inf"))  # True = may attend
        else:
            scores = scores + attn_mask  # additive bias; -inf removes a key
    # safe softmax over the keys: a row that is entirely -inf gives weights 0 (not NaN)
    row_max = scores.amax(dim=-1, keepdim=True).detach()  # softmax is shift-invariant
    row_max = torch.where(torch.isfinite(row_max), row_max, torch.zeros_like(row_max))
    w = torch.exp(scores - row_max)  # exp(-inf) = 0 exactly
    denom = w.sum(dim=-1, keepdim=True)
    w = w / torch.where(denom > 0, denom, torch.ones_like(denom))  # fully masked row: 0 / 1
    return w @ v  # (..., Lq, dv)
