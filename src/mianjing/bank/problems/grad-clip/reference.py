"""Clip gradients by their global norm, as torch.nn.utils.clip_grad_norm_ does.

The norm is taken over all gradients together, as if they were one long vector, so clipping only
rescales the whole update and never changes its direction. For the p-norm that is the p-norm of the
per-parameter p-norms: (sum_i ||g_i||_p^p)^(1/p); for p = inf, the largest |entry|.
"""

import torch
from torch import Tensor


def clip_grad_norm(params: list[Tensor], max_norm: float, norm_type: float = 2.0) -> Tensor:
    grads = [p.grad for p in params if p.grad is not None]   # parameters without a gradient are skipped
    if not grads:
        return torch.tensor(0.0)
    norms = torch.stack([g.detach().abs().max() if norm_type == float("inf")
                         else g.detach().abs().pow(norm_type).sum().pow(1.0 / norm_type)
                         for g in grads])                     # (n_params,) one norm per gradient
    if norm_type == float("inf"):
        total = norms.max()
    else:
        total = norms.pow(norm_type).sum().pow(1.0 / norm_type)
    # scale factor <= 1; the 1e-6 keeps an all-zero gradient from dividing by zero
    coef = torch.clamp(max_norm / (total + 1e-6), max=1.0)
    for g in grads:
        g.mul_(coef)                                          # in place: the optimiser reads p.grad
    return total                                              # the norm *before* clipping
