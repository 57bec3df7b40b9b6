"""ViT's input layer (Dosovitskiy et al., 2021, "An Image is Worth 16x16 Words", eq. 1): cut the image
into P x P patches, project each flattened patch linearly, prepend a learned class token, add learned
position embeddings (the class token has one too, at index 0)."""

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch import Tensor


class PatchEmbed(nn.Module):
    def __init__(self, image_size, patch_size: int, in_channels: int, embed_dim: int):
        super().__init__()
        H, W = image_size
        self.patch_size = patch_size
        self.num_patches = (H // patch_size) * (W // patch_size)  # N
        # the projection is a Conv2d with kernel = stride = patch_size; weight (D, C, P, P)
        self.proj = nn.Conv2d(in_channels, embed_dim, kernel_size=patch_size, stride=patch_size)
        self.cls_token = nn.Parameter(torch.zeros(1, 1, embed_dim))
        self.pos_embed = nn.Parameter(torch.zeros(1, 1 + self.num_patches, embed_dim))

    def forward(self, x: Tensor) -> Tensor:
        # x: (B, C, H, W)
        B = x.shape[0]
        P = self.patch_size
        # unfold: (B, C*P*P, N); each column is one patch flattened in (c, i, j) order, patches in
        # row-major order over the grid: the same as conv2d(x, W, b, stride=P).flatten(2)
        patches = F.unfold(x, kernel_size=P, stride=P)  # (B, C*P*P, N)
        w = self.proj.weight.reshape(self.proj.out_channels, -1)  # (D, C*P*P), same (c, i, j) order
        tokens = patches.transpose(1, 2) @ w.t() + self.proj.bias  # (B, N, D)
        cls = self.cls_token.expand(B, -1, -1)  # (B, 1, D)
        tokens = torch.cat([cls, tokens], dim=1)  # (B, 1 + N, D), class token first
        return tokens + self.pos_embed  # position 0 belongs to the class token
