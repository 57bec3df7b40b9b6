import math

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor


class QFormerBlock(nn.Module):
    def __init__(self, d_model: int, n_heads: int, n_queries: int, d_image: int, d_ffn: int,
                 eps: float = 1e-12):
        """Parameter names and shapes are fixed by the statement: queries, self_attn.{q,k,v,o}_proj,
        norm1, cross_attn.{q,k,v,o}_proj, norm2, ffn.fc1, ffn.fc2, norm3 (weights and biases)."""
        super().__init__()
        raise NotImplementedError

    def forward(self, image_feats: Tensor) -> Tensor:
        """image_feats: (B, N_img, d_image) -> (B, n_queries, d_model)."""
        raise NotImplementedError
