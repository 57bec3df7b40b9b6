"""Cases for flash-attention: the worked examples, lengths that are not multiples of any tile size,
a single query, different query and key lengths, large scores (the running max matters), rows whose
scores are all very negative (the running max must start at -inf, not 0), causal
masks, and two long sequences (T = 4096) on which the full score matrix does not fit in the memory
limit (64 MB: the (T, T) float32 matrix alone is 64 MB)."""

import numpy as np

from mianjing.problems.case import Case


def _qkv(rng, lead, lq, lk, d, dv, spread=1.0):
    return {"q": rng.standard_normal(lead + (lq, d)) * spread, "k": rng.standard_normal(lead + (lk, d)) * spread,
            "v": rng.standard_normal(lead + (lk, dv))}


def _negative_scores(rng, lq, lk, d, dv):
    """Queries pointing against every key: each scaled score is about -120 +- 15, all below -100
    in practice, so a running max started at 0 makes exp(s - 0) underflow to 0 and l = 0."""
    u = np.ones(d) / np.sqrt(d)
    q = -np.sqrt(120.0 * np.sqrt(d)) * u + 0.3 * rng.standard_normal((1, lq, d))
    k = np.sqrt(120.0 * np.sqrt(d)) * u + 0.3 * rng.standard_normal((1, lk, d))
    return {"q": q, "k": k, "v": rng.standard_normal((1, lk, dv))}


def cases(rng: np.random.Generator) -> list[Case]:
    q = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    k = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    v = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    out = [
        Case("example-1", {"q": q, "k": k, "v": v, "causal": False}, hidden=False),
        Case("example-2", {"q": q, "k": k, "v": v, "causal": True}, hidden=False),
        Case("edge-single-query", {**_qkv(rng, (2,), 1, 37, 8, 8), "causal": False}, note="Lq = 1"),
        Case("edge-single-token-causal", {**_qkv(rng, (2,), 1, 1, 8, 4), "causal": True},
             note="T = 1, causal: each query sees only itself"),
        Case("edge-odd-lengths", {**_qkv(rng, (2, 2), 301, 517, 8, 8), "causal": False},
             note="Lq = 301, Lk = 517: not multiples of a power of two"),
        Case("edge-causal-odd", {**_qkv(rng, (3,), 389, 389, 8, 4), "causal": True}, note="causal, T = 389"),
        Case("edge-large-scores", {**_qkv(rng, (2,), 200, 300, 16, 8, spread=4.0), "causal": False},
             note="scores in the hundreds: exp overflows without the running max"),
        Case("edge-growing-scores", {"q": np.ones((1, 300, 4)),
                                     "k": np.linspace(0.0, 30.0, 300)[:, None] * np.ones((1, 300, 4)),
                                     "v": rng.standard_normal((1, 300, 4)), "causal": False},
             note="scores that keep growing along the keys: every new tile raises the max"),
        Case("edge-all-scores-very-negative", {**_negative_scores(rng, 70, 300, 8, 4), "causal": False},
             note="every scaled score of every row below -100: exp underflows unless the running max starts at -inf"),
        Case("edge-all-scores-very-negative-causal", {**_negative_scores(rng, 290, 290, 8, 4), "causal": True},
             note="causal, every visible scaled score below -100"),
        Case("edge-dv-differs", {**_qkv(rng, (2,), 64, 80, 16, 5), "causal": False}, note="dv != d"),
    ]
    for i in range(5):
        lead = tuple(int(s) for s in rng.integers(1, 4, size=int(rng.integers(0, 3))))
        t = int(rng.integers(1, 400))
        causal = bool(i % 2)
        lk = t if causal else int(rng.integers(1, 400))
        d = int(rng.choice([4, 8, 16]))
        out.append(Case(f"random-{i + 1}", {**_qkv(rng, lead, t, lk, d, int(rng.integers(1, 17))),
                                            "causal": causal}))
    out.append(Case("large-1", {**_qkv(rng, (1,), 4096, 4096, 8, 8), "causal": False},
                    note="T = 4096: the full score matrix does not fit in the memory limit"))
    out.append(Case("large-2", {**_qkv(rng, (1,), 4096, 4096, 8, 8), "causal": True},
                    note="T = 4096, causal: the full score matrix does not fit in the memory limit"))
    return out
