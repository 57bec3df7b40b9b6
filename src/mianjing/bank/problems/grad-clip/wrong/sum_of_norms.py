"""Adds the per-parameter norms (||g1|| + ||g2||) instead of taking the norm of everything."""
import torch


def clip_grad_norm(params, max_norm, norm_type=2.0):
    grads = [p.grad for p in params if p.grad is not None]
    if not grads:
        return torch.tensor(0.0)
    if norm_type == float("inf"):
        total = torch.stack([g.abs().max() for g in grads]).max()
    else:
        total = torch.stack([g.abs().pow(norm_type).sum().pow(1.0 / norm_type) for g in grads]).sum()
    coef = torch.clamp(max_norm / (total + 1e-6), max=1.0)
    for g in grads:
        g.mul_(coef)
    return total
