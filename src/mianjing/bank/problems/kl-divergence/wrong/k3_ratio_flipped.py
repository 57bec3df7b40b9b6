"""k3 built from r = p(x)/q(x) instead of q(x)/p(x): (r - 1) - log r is still >= 0, but
E_P[p/q] != 1, so the estimator is biased."""
import torch


def kl_divergence(p_logits, q_logits, num_samples, generator):
    logp, logq = torch.log_softmax(p_logits, -1), torch.log_softmax(q_logits, -1)
    p, q = logp.exp(), logq.exp()
    kl_pq = (p * (logp - logq)).sum(-1)
    kl_qp = (q * (logq - logp)).sum(-1)
    x = torch.multinomial(p.detach(), num_samples, replacement=True, generator=generator)
    log_ratio = (logp - logq).detach().gather(1, x)  # log p - log q
    k1 = log_ratio
    k2 = log_ratio ** 2 / 2
    k3 = log_ratio.exp() - 1 - log_ratio
    return kl_pq, kl_qp, k1, k2, k3
