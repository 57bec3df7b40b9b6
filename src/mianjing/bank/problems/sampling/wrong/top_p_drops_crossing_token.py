"""Nucleus = tokens whose inclusive cumulative probability is < top_p: the crossing token is lost."""
import torch


def sample(logits, u, temperature=1.0, top_k=0, top_p=1.0):
    if temperature == 0:
        t = logits.argmax(-1)
        return t, torch.zeros_like(logits).scatter_(1, t[:, None], 1.0)
    z = logits / temperature
    if 0 < top_k < z.shape[-1]:
        kth = torch.topk(z, top_k, dim=-1).values[:, -1:]
        z = z.masked_fill(z < kth, float("-inf"))
    probs = torch.softmax(z, -1)
    if top_p < 1.0:
        sp, idx = torch.sort(probs, dim=-1, descending=True, stable=True)
        remove = torch.cumsum(sp, -1) >= top_p
        remove[:, 0] = False  # keep at least one
        probs = probs.masked_fill(remove.scatter(1, idx, remove), 0.0)
        probs = probs / probs.sum(-1, keepdim=True)
    cdf = torch.cumsum(probs, -1)
    t = (cdf <= u[:, None]).sum(-1).clamp(max=probs.shape[-1] - 1)
    return t, probs
