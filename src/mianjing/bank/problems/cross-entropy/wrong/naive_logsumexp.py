"""log-softmax as z - log(sum(exp(z))) with no max shift: exp(100) overflows float32."""
import torch


def cross_entropy(logits, target, ignore_index=-100, label_smoothing=0.0):
    C = logits.shape[-1]
    z, y = logits.reshape(-1, C), target.reshape(-1)
    keep = y != ignore_index
    logp = z - torch.log(torch.exp(z).sum(-1, keepdim=True))
    nll = -logp.gather(1, torch.where(keep, y, 0)[:, None]).squeeze(1)
    per = (1 - label_smoothing) * nll + label_smoothing * (-logp.mean(-1))
    per = torch.where(keep, per, torch.zeros_like(per))
    return per.sum() / keep.sum()
