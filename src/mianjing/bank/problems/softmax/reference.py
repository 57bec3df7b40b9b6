"""Numerically stable softmax and log-softmax along one dimension.

softmax is shift-invariant: softmax(x) = softmax(x - c) for any c. Taking c = max(x) makes every
exponent <= 0, so exp never overflows, and the largest term is exp(0) = 1, so the sum is >= 1 and
its log never sees 0. log-softmax is computed directly as (x - m) - log(sum exp(x - m)), never as
log(softmax(x)), which would turn an underflowed probability into -inf.
"""

import torch
from torch import Tensor


def stable_softmax(x: Tensor, dim: int = -1) -> tuple[Tensor, Tensor]:
    # x: (..., n, ...), normalised along `dim`
    m = x.amax(dim=dim, keepdim=True)                 # (..., 1, ...) the largest entry of each slice
    dead = torch.isneginf(m)                          # slices that are entirely -inf
    # a dead slice would give -inf - (-inf) = NaN; shift it by 0 instead (its entries stay -inf)
    m = torch.where(dead, torch.zeros_like(m), m).detach()  # the shift is a constant: no gradient
    z = x - m                                         # every entry <= 0
    s = torch.exp(z).sum(dim=dim, keepdim=True)       # >= 1 for live slices, 0 for dead ones
    s_safe = torch.where(dead, torch.ones_like(s), s)  # log(1) = 0 keeps dead slices out of NaN
    log_probs = z - torch.log(s_safe)                  # dead slices: -inf - 0 = -inf
    probs = torch.exp(log_probs)                       # dead slices: exp(-inf) = 0
    return probs, log_probs
