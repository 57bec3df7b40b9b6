"""k2 as (log r)^2, forgetting the 1/2 of the second-order expansion."""
import torch


def kl_divergence(p_logits, q_logits, num_samples, generator):
    logp, logq = torch.log_softmax(p_logits, -1), torch.log_softmax(q_logits, -1)
    p, q = logp.exp(), logq.exp()
    kl_pq = (p * (logp - logq)).sum(-1)
    kl_qp = (q * (logq - logp)).sum(-1)
    x = torch.multinomial(p.detach(), num_samples, replacement=True, generator=generator)
    log_r = (logq - logp).detach().gather(1, x)
    return kl_pq, kl_qp, -log_r, log_r ** 2, log_r.exp() - 1 - log_r
