"""Masks ignored tokens out of the sum but divides by every token: padding dilutes the loss."""
import torch


def cross_entropy(logits, target, ignore_index=-100, label_smoothing=0.0):
    C = logits.shape[-1]
    z, y = logits.reshape(-1, C), target.reshape(-1)
    keep = y != ignore_index
    logp = torch.log_softmax(z, dim=-1)
    nll = -logp.gather(1, torch.where(keep, y, 0)[:, None]).squeeze(1)
    per = (1 - label_smoothing) * nll + label_smoothing * (-logp.mean(-1))
    return (per * keep).sum() / y.numel()
