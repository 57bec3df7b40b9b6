import torch
from torch import Tensor


def clip_grad_norm(params: list[Tensor], max_norm: float, norm_type: float = 2.0) -> Tensor:
    """Scale every p.grad in place so that the norm of all gradients together is at most max_norm.

    Returns the total norm before clipping, as a 0-dim tensor. Parameters whose .grad is None are
    skipped. norm_type may be float('inf').
    """
    raise NotImplementedError
