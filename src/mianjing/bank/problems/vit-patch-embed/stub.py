import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor


class PatchEmbed(nn.Module):
    def __init__(self, image_size, patch_size: int, in_channels: int, embed_dim: int):
        """image_size = (H, W). Parameters (names and shapes are fixed): proj.weight (D, C, P, P),
        proj.bias (D,), cls_token (1, 1, D), pos_embed (1, 1 + N, D)."""
        super().__init__()
        raise NotImplementedError

    def forward(self, x: Tensor) -> Tensor:
        """x: (B, C, H, W) -> (B, 1 + N, D)."""
        raise NotImplementedError
