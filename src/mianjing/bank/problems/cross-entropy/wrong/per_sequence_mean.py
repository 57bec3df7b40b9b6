"""Averages each sequence (row of target) over its own counted tokens, then averages the rows:
a sequence with 2 real tokens weighs as much as one with 50. Equal to the token mean only when every
row has the same number of counted tokens."""
import torch


def cross_entropy(logits, target, ignore_index=-100, label_smoothing=0.0):
    C = logits.shape[-1]
    if target.dim() < 2:
        target, logits = target[None], logits[None]
    z, y = logits.reshape(-1, target.shape[-1], C), target.reshape(-1, target.shape[-1])
    keep = y != ignore_index
    logp = torch.log_softmax(z, dim=-1)
    nll = -logp.gather(2, torch.where(keep, y, 0)[..., None]).squeeze(2)
    per = (1 - label_smoothing) * nll + label_smoothing * (-logp.mean(-1))
    per = torch.where(keep, per, torch.zeros_like(per))
    rows = keep.sum(-1) > 0
    seq = per.sum(-1)[rows] / keep.sum(-1)[rows]
    return seq.mean()
