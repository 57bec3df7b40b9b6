"""Flattens each patch as (i, j, c), the einops 'b c (h p1) (w p2) -> b (h w) (p1 p2 c)' layout,
but multiplies by the conv weight flattened as (c, i, j): the two orders disagree when C > 1."""
import torch
import torch.nn as nn
import torch.nn.functional as F


class PatchEmbed(nn.Module):
    def __init__(self, image_size, patch_size, in_channels, embed_dim):
        super().__init__()
        H, W = image_size
        self.p = patch_size
        n = (H // patch_size) * (W // patch_size)
        self.proj = nn.Conv2d(in_channels, embed_dim, patch_size, stride=patch_size)
        self.cls_token = nn.Parameter(torch.zeros(1, 1, embed_dim))
        self.pos_embed = nn.Parameter(torch.zeros(1, 1 + n, embed_dim))

    def forward(self, x):
        B, C, H, W = x.shape
        p = self.p
        patches = x.reshape(B, C, H // p, p, W // p, p).permute(0, 2, 4, 3, 5, 1).reshape(B, -1, p * p * C)
        t = patches @ self.proj.weight.reshape(self.proj.out_channels, -1).t() + self.proj.bias
        t = torch.cat([self.cls_token.expand(B, -1, -1), t], dim=1)
        return t + self.pos_embed
