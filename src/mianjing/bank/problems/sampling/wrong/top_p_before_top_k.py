"""Both filters computed on the same full softmax: the nucleus ignores top-k's renormalisation."""
import torch


def sample(logits, u, temperature=1.0, top_k=0, top_p=1.0):
    if temperature == 0:
        t = logits.argmax(-1)
        return t, torch.zeros_like(logits).scatter_(1, t[:, None], 1.0)
    full = torch.softmax(logits / temperature, -1)
    sp, idx = torch.sort(full, dim=-1, descending=True, stable=True)
    remove = torch.zeros_like(sp, dtype=torch.bool)
    if 0 < top_k < full.shape[-1]:
        remove[:, top_k:] = True
    if top_p < 1.0:
        remove |= (torch.cumsum(sp, -1) - sp) >= top_p
    probs = full.masked_fill(remove.scatter(1, idx, remove), 0.0)
    probs = probs / probs.sum(-1, keepdim=True)
    cdf = torch.cumsum(probs, -1)
    last = probs.shape[-1] - 1 - torch.flip(probs > 0, [1]).long().argmax(-1)
    t = torch.minimum((cdf <= u[:, None]).sum(-1), last)
    return t, probs
