"""kl-divergence harness: builds the seeded torch.Generator the submission samples with, calls the
entry, and back-propagates a random upstream gradient through the two exact KL values only (the
estimators come from sampling and are checked statistically by cases.check)."""

from mianjing.judge.harness import HarnessError, backward, tensorize


def run(entry, inputs, dtype, seed):
    import torch

    p = tensorize(inputs["p_logits"], dtype).requires_grad_(True)
    q = tensorize(inputs["q_logits"], dtype).requires_grad_(True)
    gen = torch.Generator().manual_seed(int(inputs["sample_seed"]))
    result = entry(p_logits=p, q_logits=q, num_samples=int(inputs["num_samples"]), generator=gen)
    if not isinstance(result, (tuple, list)) or len(result) != 5:
        raise HarnessError("expected a tuple of 5 tensors (kl_pq, kl_qp, k1, k2, k3)")
    kl_pq, kl_qp, k1, k2, k3 = result
    backward([kl_pq, kl_qp], seed)
    return {"kl_pq": kl_pq, "kl_qp": kl_qp, "k1": k1, "k2": k2, "k3": k3,
            "grad.p_logits": p.grad, "grad.q_logits": q.grad}
