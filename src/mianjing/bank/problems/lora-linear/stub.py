import math

import torch
import torch.nn as nn
from torch import Tensor


class LoRALinear(nn.Module):
    """A frozen nn.Linear plus a trainable low-rank update (alpha / r) * B @ A.

    Parameters (names are fixed): base.weight (out, in), base.bias (out,) if bias,
    lora_A (r, in), lora_B (out, r).
    """

    def __init__(self, in_features: int, out_features: int, r: int, alpha: float, bias: bool = True):
        super().__init__()
        raise NotImplementedError

    def forward(self, x: Tensor) -> Tensor:
        """x: (..., in_features) -> (..., out_features)."""
        raise NotImplementedError

    def merge(self) -> None:
        """Fold the LoRA update into base.weight; forward keeps giving the same result."""
        raise NotImplementedError

    def unmerge(self) -> None:
        """Take the update back out of base.weight."""
        raise NotImplementedError
