"""Right distribution, but u is looked up in the sorted order (best token first)."""
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
    sp, idx = torch.sort(probs, dim=-1, descending=True, stable=True)
    if top_p < 1.0:
        remove = (torch.cumsum(sp, -1) - sp) >= top_p
        probs = probs.masked_fill(remove.scatter(1, idx, remove), 0.0)
        probs = probs / probs.sum(-1, keepdim=True)
        sp = probs.gather(1, idx)
    j = (torch.cumsum(sp, -1) <= u[:, None]).sum(-1).clamp(max=probs.shape[-1] - 1)
    return idx.gather(1, j[:, None]).squeeze(1), probs
