"""Means per sequence, then over sequences: short responses weigh as much as long ones."""
import torch


def ppo_loss(logits, actions, old_logprobs, advantages, values, old_values, returns, mask,
             clip_eps=0.2, value_clip_eps=0.2, vf_coef=0.5, ent_coef=0.01):
    m = mask.float()
    rows = m.sum(-1) > 0
    def mm(x):
        return ((x * m).sum(-1)[rows] / m.sum(-1)[rows]).mean()
    lp_all = torch.log_softmax(logits, -1)
    lp = lp_all.gather(-1, actions[..., None])[..., 0]
    ratio = (lp - old_logprobs).exp()
    surr = torch.min(ratio * advantages, ratio.clamp(1 - clip_eps, 1 + clip_eps) * advantages)
    pg = -mm(surr)
    vc = old_values + (values - old_values).clamp(-value_clip_eps, value_clip_eps)
    vl = torch.max((values - returns) ** 2, (vc - returns) ** 2)
    v = 0.5 * mm(vl)
    ent_tok = -(lp_all.exp() * lp_all).sum(-1)
    ent = mm(ent_tok)
    return pg + vf_coef * v - ent_coef * ent, pg, v, ent
