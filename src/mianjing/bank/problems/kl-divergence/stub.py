import torch
from torch import Tensor


def kl_divergence(p_logits: Tensor, q_logits: Tensor, num_samples: int,
                  generator: torch.Generator) -> tuple[Tensor, Tensor, Tensor, Tensor, Tensor]:
    """p_logits, q_logits: (N, C); row n defines P_n = softmax(p_logits[n]) and Q_n likewise.

    Return (kl_pq, kl_qp, k1, k2, k3):
      kl_pq, kl_qp: (N,) exact KL(P||Q) and KL(Q||P) per row (differentiable);
      k1, k2, k3:   (N, num_samples) the three estimators of KL(P||Q), one per sample x ~ P_n,
                    drawn with torch.multinomial(..., generator=generator).
    """
    raise NotImplementedError
