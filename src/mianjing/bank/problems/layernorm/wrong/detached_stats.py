"""Statistics computed without autograd: forward matches, d/dx misses the mean and variance terms."""
import torch


def layer_norm(x, weight, bias, eps=1e-5):
    with torch.no_grad():
        mean = x.mean(dim=-1, keepdim=True)
        rstd = torch.rsqrt(x.var(dim=-1, keepdim=True, unbiased=False) + eps)
    return (x - mean) * rstd * weight + bias
