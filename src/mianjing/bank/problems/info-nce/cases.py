"""Cases for info-nce: the worked examples (without and with hard negatives), a batch of one, a hard
negative identical to a positive, typical embedding-model temperatures (0.01 to 0.1), and seeded
random batches with embeddings of various norms (normalisation must matter)."""

import numpy as np

from mianjing.problems.case import Case


def f32(a) -> np.ndarray:
    return np.asarray(a, dtype=np.float64).astype(np.float32).astype(np.float64)


def emb(rng, *shape):
    x = rng.standard_normal(shape)
    return f32(x * rng.uniform(0.3, 5.0, size=shape[:-1] + (1,)))


def make(q, p, n, t):
    return {"query": f32(q), "pos": f32(p), "hard_neg": None if n is None else f32(n), "temperature": float(t)}


def cases(rng: np.random.Generator) -> list[Case]:
    q2 = np.array([[1.0, 0.0], [0.0, 1.0]])
    p2 = np.array([[1.0, 0.0], [1.0, 1.0]])
    out = [
        Case("example-1", make(q2, p2, None, 0.5), hidden=False),
        Case("example-2", make(q2, p2, np.array([[[0.0, 1.0]], [[1.0, 0.0]]]), 0.5), hidden=False),
        Case("edge-batch-1-no-negatives", make(emb(rng, 1, 8), emb(rng, 1, 8), None, 0.05),
             note="N = 1 and no hard negatives: the loss is 0"),
        Case("edge-batch-1-hard", make(emb(rng, 1, 8), emb(rng, 1, 8), emb(rng, 1, 3, 8), 0.05),
             note="N = 1 with 3 hard negatives"),
        Case("edge-negative-equals-positive", (lambda p: make(emb(rng, 3, 6), p, p[:, None, :] * 2.0, 0.1))(emb(rng, 3, 6)),
             note="each hard negative is a rescaled copy of a positive"),
        Case("edge-low-temperature", make(emb(rng, 6, 16), emb(rng, 6, 16), emb(rng, 6, 2, 16), 0.01),
             note="temperature 0.01"),
    ]
    for k in range(6):
        n, d = int(rng.integers(2, 12)), int(rng.integers(4, 33))
        K = int(rng.choice([0, 1, 3]))
        t = float(rng.choice([0.02, 0.05, 0.1, 1.0]))
        out.append(Case(f"random-{k + 1}", make(emb(rng, n, d), emb(rng, n, d), emb(rng, n, K, d) if K else None, t)))
    return out
