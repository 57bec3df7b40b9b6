import torch
from torch import Tensor


def rms_norm(x: Tensor, weight: Tensor, eps: float = 1e-6) -> Tensor:
    """x: (..., d), weight: (d,). Normalise the last dimension by its root mean square, then scale."""
    raise NotImplementedError
