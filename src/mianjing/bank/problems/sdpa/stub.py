import math

import torch
from torch import Tensor


def sdpa(q: Tensor, k: Tensor, v: Tensor, attn_mask: Tensor | None = None, scale: float | None = None) -> Tensor:
    """q: (..., Lq, d), k: (..., Lk, d), v: (..., Lk, dv) -> (..., Lq, dv).

    attn_mask broadcasts to (..., Lq, Lk): bool (True = may attend) or float (added to the scores).
    scale defaults to 1 / sqrt(d). A query row with no key it may attend to returns zeros.
    """
    raise NotImplementedError
