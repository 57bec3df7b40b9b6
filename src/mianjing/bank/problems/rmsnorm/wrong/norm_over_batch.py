"""Takes the statistic over dim 0 (the batch) instead of the feature dimension."""
import torch


def rms_norm(x, weight, eps=1e-6):
    return x * torch.rsqrt(x.pow(2).mean(dim=0, keepdim=True) + eps) * weight
