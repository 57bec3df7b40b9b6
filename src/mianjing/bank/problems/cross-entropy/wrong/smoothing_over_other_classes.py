"""Label smoothing with 1 - eps on the target and eps / (C - 1) on each other class (the target
gets no share of eps): a different target distribution from PyTorch's (1 - eps) * onehot + eps / C."""
import torch


def cross_entropy(logits, target, ignore_index=-100, label_smoothing=0.0):
    C = logits.shape[-1]
    z, y = logits.reshape(-1, C), target.reshape(-1)
    keep = y != ignore_index
    logp = torch.log_softmax(z, dim=-1)
    q = torch.full_like(logp, label_smoothing / (C - 1) if C > 1 else 0.0)
    q.scatter_(1, torch.where(keep, y, 0)[:, None], 1.0 - label_smoothing)
    per = -(q * logp).sum(-1)
    return (per * keep).sum() / keep.sum()
