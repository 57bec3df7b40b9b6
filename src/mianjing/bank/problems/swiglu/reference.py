"""SwiGLU feed-forward block (Shazeer, 2020, "GLU Variants Improve Transformer"), as in Llama."""

import torch
import torch.nn as nn
from torch import Tensor


class SwiGLU(nn.Module):
    def __init__(self, d_model: int, d_ff: int):
        super().__init__()
        self.w1 = nn.Linear(d_model, d_ff, bias=False)  # gate: (d_ff, d_model)
        self.w3 = nn.Linear(d_model, d_ff, bias=False)  # up:   (d_ff, d_model)
        self.w2 = nn.Linear(d_ff, d_model, bias=False)  # down: (d_model, d_ff)

    def forward(self, x: Tensor) -> Tensor:
        # x: (..., d_model)
        gate = self.w1(x)  # (..., d_ff)
        gate = gate * torch.sigmoid(gate)  # SiLU (Swish with beta = 1)
        return self.w2(gate * self.w3(x))  # elementwise gating, then back to (..., d_model)
