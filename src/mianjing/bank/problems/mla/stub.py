import math

import torch
import torch.nn as nn
from torch import Tensor


class MLA(nn.Module):
    def __init__(self, d_model: int, n_heads: int, d_head: int, d_latent: int, d_rope: int,
                 rope_base: float = 10000.0):
        """Parameters (names and shapes fixed by the statement): w_dkv.weight (d_latent, d_model),
        w_uk.weight and w_uv.weight (n_heads*d_head, d_latent), w_kr.weight (d_rope, d_model),
        w_q.weight (n_heads*d_head, d_model), w_qr.weight (n_heads*d_rope, d_model),
        w_o.weight (d_model, n_heads*d_head). No biases."""
        super().__init__()
        raise NotImplementedError

    def forward(self, x: Tensor, cache: dict) -> Tensor:
        """x: (B, s, d_model) new tokens. After the call, cache holds exactly "c_kv" (B, T, d_latent)
        and "k_rope" (B, T, d_rope) for all T tokens so far. Return (B, s, d_model)."""
        raise NotImplementedError
