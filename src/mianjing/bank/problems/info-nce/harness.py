"""info-nce harness: passes hard_neg=None when a case has none, back-propagates a random upstream
gradient through the loss, and returns the loss and the gradients of the given embeddings."""

from mianjing.judge.harness import backward, tensorize


def run(entry, inputs, dtype, seed):
    q = tensorize(inputs["query"], dtype).requires_grad_(True)
    p = tensorize(inputs["pos"], dtype).requires_grad_(True)
    n = inputs["hard_neg"]
    n = None if n is None else tensorize(n, dtype).requires_grad_(True)
    loss = entry(query=q, pos=p, hard_neg=n, temperature=float(inputs["temperature"]))
    backward([loss], seed)
    out = {"loss": loss, "grad.query": q.grad, "grad.pos": p.grad}
    if n is not None:
        out["grad.hard_neg"] = n.grad
    return out
