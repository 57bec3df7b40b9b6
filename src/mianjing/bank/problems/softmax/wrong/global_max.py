"""Subtracts the max of the whole tensor: a row whose entries all sit 2e4 below it underflows to
exp(...) = 0 everywhere, and 0 / 0 is NaN."""
import torch


def stable_softmax(x, dim=-1):
    finite = x[torch.isfinite(x)]
    m = finite.max().detach() if finite.numel() else x.new_zeros(())
    z = x - m
    s = torch.exp(z).sum(dim=dim, keepdim=True)
    logp = z - torch.log(s)
    return torch.exp(logp), logp
