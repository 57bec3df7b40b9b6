"""Shifts by the max (so softmax is right) but takes log-softmax as log(softmax): a probability that
underflows to 0 (exp(-1e4)) gives -inf where the true log-probability is about -1e4."""
import torch


def stable_softmax(x, dim=-1):
    m = x.amax(dim=dim, keepdim=True)
    m = torch.where(torch.isneginf(m), torch.zeros_like(m), m)
    e = torch.exp(x - m)
    s = e.sum(dim=dim, keepdim=True)
    p = torch.where(s > 0, e / torch.where(s > 0, s, torch.ones_like(s)), torch.zeros_like(e))
    return p, torch.log(p)
