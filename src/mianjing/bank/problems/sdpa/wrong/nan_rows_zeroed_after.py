"""Lets softmax produce NaN on fully masked rows and cleans the forward with nan_to_num.

The forward is right; the backward of softmax still multiplies by the NaN weights, so q and k get
NaN gradients on those rows.
"""
import math

import torch


def sdpa(q, k, v, attn_mask=None, scale=None):
    scale = 1.0 / math.sqrt(q.size(-1)) if scale is None else scale
    scores = q @ k.transpose(-2, -1) * scale
    if attn_mask is not None:
        if attn_mask.dtype == torch.bool:
            scores = scores.masked_fill(~attn_mask, float("-inf"))
        else:
            scores = scores + attn_mask
    w = torch.nan_to_num(torch.softmax(scores, dim=-1), nan=0.0)
    return w @ v
