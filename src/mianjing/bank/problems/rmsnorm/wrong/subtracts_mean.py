"""Centres x first (LayerNorm without bias): a common mix-up between the two norms."""
import torch


def rms_norm(x, weight, eps=1e-6):
    x = x - x.mean(dim=-1, keepdim=True)
    return x / torch.sqrt(x.pow(2).mean(dim=-1, keepdim=True) + eps) * weight
