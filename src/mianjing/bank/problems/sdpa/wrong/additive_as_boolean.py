"""Reads a float mask as a 0/1 keep-mask instead of adding it to the scores."""
import math

import torch


def sdpa(q, k, v, attn_mask=None, scale=None):
    scale = 1.0 / math.sqrt(q.size(-1)) if scale is None else scale
    scores = q @ k.transpose(-2, -1) * scale
    if attn_mask is not None:
        keep = attn_mask if attn_mask.dtype == torch.bool else attn_mask == 0
        scores = scores.masked_fill(~keep, float("-inf"))
    dead = torch.isneginf(scores).all(dim=-1, keepdim=True)
    w = torch.softmax(scores.masked_fill(dead, 0.0), dim=-1).masked_fill(dead, 0.0)
    return w @ v
