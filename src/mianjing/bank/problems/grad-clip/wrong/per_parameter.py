"""Clips each gradient by its own norm (max_norm per parameter), and returns the largest of them."""
import torch


def clip_grad_norm(params, max_norm, norm_type=2.0):
    norms = []
    for p in params:
        if p.grad is None:
            continue
        g = p.grad
        n = g.abs().max() if norm_type == float("inf") else g.abs().pow(norm_type).sum().pow(1.0 / norm_type)
        g.mul_(torch.clamp(max_norm / (n + 1e-6), max=1.0))
        norms.append(n)
    return torch.stack(norms).max() if norms else torch.tensor(0.0)
