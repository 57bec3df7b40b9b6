"""Forgets the min(1, .): rescales to exactly max_norm even when the gradients were smaller."""
import torch


def clip_grad_norm(params, max_norm, norm_type=2.0):
    grads = [p.grad for p in params if p.grad is not None]
    if not grads:
        return torch.tensor(0.0)
    if norm_type == float("inf"):
        total = torch.stack([g.abs().max() for g in grads]).max()
    else:
        total = torch.stack([g.abs().pow(norm_type).sum() for g in grads]).sum().pow(1.0 / norm_type)
    coef = max_norm / (total + 1e-6)
    for g in grads:
        g.mul_(coef)
    return total
