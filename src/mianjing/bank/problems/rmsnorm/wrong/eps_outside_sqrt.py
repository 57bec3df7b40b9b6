"""Adds eps after the square root; visible on rows whose mean square is comparable to eps."""
import torch


def rms_norm(x, weight, eps=1e-6):
    return x / (torch.sqrt(x.pow(2).mean(dim=-1, keepdim=True)) + eps) * weight
