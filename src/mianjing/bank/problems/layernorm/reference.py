"""LayerNorm (Ba, Kiros & Hinton, 2016), over the last dimension, as torch.nn.LayerNorm computes it."""

import torch
from torch import Tensor


def layer_norm(x: Tensor, weight: Tensor, bias: Tensor, eps: float = 1e-5) -> Tensor:
    # x: (..., d); statistics over the last dimension only
    mean = x.mean(dim=-1, keepdim=True)  # (..., 1)
    xc = x - mean
    var = xc.pow(2).mean(dim=-1, keepdim=True)  # biased variance: divide by d, not d - 1
    return xc * torch.rsqrt(var + eps) * weight + bias  # eps inside the root
