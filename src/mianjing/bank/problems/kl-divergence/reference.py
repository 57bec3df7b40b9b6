"""KL divergence between two categorical distributions given by logits, exactly and by sampling.

Exact: KL(P||Q) = sum_x p(x) (log p(x) - log q(x)), computed from log_softmax (never log(softmax)).

Monte-Carlo, with x ~ P and log r = log q(x) - log p(x) (J. Schulman, "Approximating KL divergence",
2020), as in RLHF where P is the policy being trained and Q the reference model:
    k1 = -log r                 unbiased, high variance, can be negative
    k2 = (log r)^2 / 2          biased, low variance, >= 0
    k3 = (r - 1) - log r        unbiased (E_P[r] = 1), low variance, >= 0  (GRPO's KL penalty)
"""

import torch
from torch import Tensor


def kl_divergence(p_logits: Tensor, q_logits: Tensor, num_samples: int,
                  generator: torch.Generator) -> tuple[Tensor, Tensor, Tensor, Tensor, Tensor]:
    logp = torch.log_softmax(p_logits, dim=-1)        # (N, C) stable log-probabilities
    logq = torch.log_softmax(q_logits, dim=-1)        # (N, C)
    p, q = logp.exp(), logq.exp()
    kl_pq = (p * (logp - logq)).sum(dim=-1)           # (N,) KL(P||Q): expectation under P
    kl_qp = (q * (logq - logp)).sum(dim=-1)           # (N,) KL(Q||P): expectation under Q

    # sample from P (the policy), never from Q; no gradient flows through the sampling
    x = torch.multinomial(p.detach(), num_samples, replacement=True, generator=generator)  # (N, S)
    log_r = logq.detach().gather(1, x) - logp.detach().gather(1, x)  # (N, S) log q(x) - log p(x)
    k1 = -log_r
    k2 = log_r.pow(2) / 2
    k3 = torch.expm1(log_r) - log_r                   # (r - 1) - log r, accurate when r is near 1
    return kl_pq, kl_qp, k1, k2, k3
