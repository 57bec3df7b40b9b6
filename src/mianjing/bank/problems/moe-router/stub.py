import math

import torch
import torch.nn.functional as F
from torch import Tensor


def moe_router(logits: Tensor, top_k: int, capacity_factor: float):
    """logits: (N, E). Return (combine: (N, E) float, dispatch: (N, E) bool, aux_loss: scalar)."""
    raise NotImplementedError
