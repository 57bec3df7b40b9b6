"""RMSNorm (Zhang & Sennrich, 2019, "Root Mean Square Layer Normalization", eq. 4)."""

import torch
from torch import Tensor


def rms_norm(x: Tensor, weight: Tensor, eps: float = 1e-6) -> Tensor:
    # x: (..., d); the statistics are taken over the last dimension only
    ms = x.pow(2).mean(dim=-1, keepdim=True)  # (..., 1) mean of squares
    return x * torch.rsqrt(ms + eps) * weight  # eps inside the root; weight broadcasts over (..., d)
