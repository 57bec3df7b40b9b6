import torch
from torch import Tensor


def stable_softmax(x: Tensor, dim: int = -1) -> tuple[Tensor, Tensor]:
    """Return (softmax(x), log_softmax(x)) along `dim`, both with x's shape.

    Must stay finite for entries like +-1e4, handle -inf entries, and map a slice that is entirely
    -inf to probabilities 0 and log-probabilities -inf (see the statement).
    """
    raise NotImplementedError
