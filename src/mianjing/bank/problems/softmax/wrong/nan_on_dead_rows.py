"""The usual max-shifted softmax with no special case: in a row that is entirely -inf, the max is
-inf and x - max is -inf - (-inf) = NaN."""
import torch


def stable_softmax(x, dim=-1):
    m = x.amax(dim=dim, keepdim=True).detach()
    z = x - m
    logp = z - torch.log(torch.exp(z).sum(dim=dim, keepdim=True))
    return torch.exp(logp), logp
