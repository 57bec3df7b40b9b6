"""Population standard deviation (unbiased=False): off by sqrt(G / (G - 1))."""
import torch


def grpo_loss(logp, old_logp, ref_logp, rewards, mask, group_size, clip_eps=0.2, beta=0.04, token_level=False):
    B = logp.shape[0]
    r = rewards.view(-1, group_size)
    adv = ((r - r.mean(dim=1, keepdim=True)) / (r.std(dim=1, keepdim=True, unbiased=False) + 1e-4)).view(B)
    ratio = torch.exp(logp - old_logp)
    s = torch.minimum(ratio * adv[:, None], torch.clamp(ratio, 1 - clip_eps, 1 + clip_eps) * adv[:, None])
    d = ref_logp - logp
    per_token = -(s - beta * (torch.exp(d) - d - 1))
    m = mask.float()
    if token_level:
        return (per_token * m).sum() / m.sum(), adv
    return ((per_token * m).sum(1) / m.sum(1)).mean(), adv
