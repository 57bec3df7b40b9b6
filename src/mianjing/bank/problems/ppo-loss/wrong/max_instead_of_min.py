"""Takes the larger surrogate: the clip no longer limits how far a good step is pushed."""
import torch


def ppo_loss(logits, actions, old_logprobs, advantages, values, old_values, returns, mask,
             clip_eps=0.2, value_clip_eps=0.2, vf_coef=0.5, ent_coef=0.01):
    m = mask.float()
    lp_all = torch.log_softmax(logits, -1)
    lp = lp_all.gather(-1, actions[..., None])[..., 0]
    ratio = (lp - old_logprobs).exp()
    surr = torch.max(ratio * advantages, ratio.clamp(1 - clip_eps, 1 + clip_eps) * advantages)
    pg = -(surr * m).sum() / m.sum()
    vc = old_values + (values - old_values).clamp(-value_clip_eps, value_clip_eps)
    vl = torch.max((values - returns) ** 2, (vc - returns) ** 2)
    v = 0.5 * (vl * m).sum() / m.sum()
    ent_tok = -(lp_all.exp() * lp_all).sum(-1)
    ent = (ent_tok * m).sum() / m.sum()
    return pg + vf_coef * v - ent_coef * ent, pg, v, ent
