"""Exact KL from probabilities: p * (log p - log q) with p = softmax. A probability that underflows
to 0 makes log p = -inf and 0 * (-inf) = NaN."""
import torch


def kl_divergence(p_logits, q_logits, num_samples, generator):
    p, q = torch.softmax(p_logits, -1), torch.softmax(q_logits, -1)
    kl_pq = (p * (torch.log(p) - torch.log(q))).sum(-1)
    kl_qp = (q * (torch.log(q) - torch.log(p))).sum(-1)
    x = torch.multinomial(p.detach(), num_samples, replacement=True, generator=generator)
    logp, logq = torch.log_softmax(p_logits, -1).detach(), torch.log_softmax(q_logits, -1).detach()
    log_r = (logq - logp).gather(1, x)
    return kl_pq, kl_qp, -log_r, log_r ** 2 / 2, log_r.exp() - 1 - log_r
