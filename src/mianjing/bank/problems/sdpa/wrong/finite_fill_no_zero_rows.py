"""Uses a large finite negative fill value and never zeroes fully masked rows."""
import math

import torch


def sdpa(q, k, v, attn_mask=None, scale=None):
    scale = 1.0 / math.sqrt(q.size(-1)) if scale is None else scale
    scores = q @ k.transpose(-2, -1) * scale
    if attn_mask is not None:
        if attn_mask.dtype == torch.bool:
            scores = scores.masked_fill(~attn_mask, -1e9)
        else:
            scores = scores + attn_mask.clamp_min(-1e9)
    return torch.softmax(scores, dim=-1) @ v
