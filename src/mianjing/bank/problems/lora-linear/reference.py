"""A LoRA-wrapped linear layer (Hu et al., 2021), initialised as Hugging Face PEFT does by default.

    y = x W^T + b + (alpha / r) * (x A^T) B^T        W: (out, in) frozen, A: (r, in), B: (out, r)

A starts Kaiming-uniform (a = sqrt(5), the nn.Linear default: U(-1/sqrt(in), 1/sqrt(in))) and B
starts at zero, so the wrapped layer equals the base layer at step 0 while both factors still get
gradients (dL/dA = 0 at the start because B = 0, but dL/dB = s * (dL/dy)^T (x A^T) != 0). Merging
folds the update into W for inference with no extra latency; unmerging takes it back out.
"""

import math

import torch
import torch.nn as nn
from torch import Tensor


class LoRALinear(nn.Module):
    def __init__(self, in_features: int, out_features: int, r: int, alpha: float, bias: bool = True):
        super().__init__()
        self.base = nn.Linear(in_features, out_features, bias=bias)
        self.base.weight.requires_grad_(False)                 # the pretrained weight is frozen
        if bias:
            self.base.bias.requires_grad_(False)
        self.lora_A = nn.Parameter(torch.empty(r, in_features))   # (r, in) down-projection
        self.lora_B = nn.Parameter(torch.zeros(out_features, r))  # (out, r) up-projection, zero at start
        nn.init.kaiming_uniform_(self.lora_A, a=math.sqrt(5))   # bound = 1 / sqrt(in_features)
        self.scaling = alpha / r
        self.merged = False

    def delta_weight(self) -> Tensor:
        return self.scaling * (self.lora_B @ self.lora_A)     # (out, in), the update LoRA learns

    def forward(self, x: Tensor) -> Tensor:
        # x: (..., in) -> (..., out)
        y = self.base(x)
        if not self.merged:                                     # once merged, W already holds the update
            y = y + self.scaling * (x @ self.lora_A.T) @ self.lora_B.T
        return y

    @torch.no_grad()
    def merge(self) -> None:
        if not self.merged:
            self.base.weight += self.delta_weight()
            self.merged = True

    @torch.no_grad()
    def unmerge(self) -> None:
        if self.merged:
            self.base.weight -= self.delta_weight()
            self.merged = False
