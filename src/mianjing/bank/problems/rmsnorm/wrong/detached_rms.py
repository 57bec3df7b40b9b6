"""Computes the scale without autograd: the forward matches, d/dx misses the scale's own gradient."""
import torch


def rms_norm(x, weight, eps=1e-6):
    with torch.no_grad():
        scale = torch.rsqrt(x.pow(2).mean(dim=-1, keepdim=True) + eps)
    return x * scale * weight
