"""Cases for moe-router: the worked examples (top-1 and top-2 with drops), a router that sends every
token to one expert, a capacity so large nothing drops, first-choice priority (E = k = 2), top-k = E,
and seeded random routers. No two logits of a token are within GAP of each other, so no ranking
is decided by rounding."""

import numpy as np

from mianjing.problems.case import Case

GAP = 1e-4  # no two logits of a token closer than this: float32 and float64 rank the experts alike


def _distinct(rng, logits):
    """Redraw (with the same spread and offsets) any row whose logits are nearly tied."""
    logits = logits.copy()
    for i in range(logits.shape[0]):
        while logits.shape[1] > 1 and np.min(np.diff(np.sort(logits[i]))) < GAP:
            logits[i] += rng.standard_normal(logits.shape[1]) * 0.01
    return logits


EX = np.array([[2.0, 1.0, 0.0], [3.0, 0.0, -1.0], [1.0, 2.0, 0.0], [2.0, 0.0, 1.0]])


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"logits": EX, "top_k": 1, "capacity_factor": 1.0}, hidden=False),
        Case("example-2", {"logits": EX, "top_k": 2, "capacity_factor": 1.0}, hidden=False),
    ]
    skew = rng.standard_normal((12, 4))
    skew[:, 2] += 6.0  # every token's first choice is expert 2
    out.append(Case("edge-collapsed-router", {"logits": _distinct(rng, skew), "top_k": 2, "capacity_factor": 1.0},
                    note="all tokens prefer the same expert: most first choices are dropped"))
    out.append(Case("edge-no-drops", {"logits": _distinct(rng, rng.standard_normal((10, 5))), "top_k": 2,
                                             "capacity_factor": 8.0},
                    note="capacity larger than the number of tokens"))
    # E = k = 2, tight capacity: first choices of all tokens must be served before any second choice
    pri = rng.standard_normal((6, 2))
    pri[:3, 0] += 3.0
    pri[3:, 1] += 3.0
    out.append(Case("edge-first-choices-first", {"logits": _distinct(rng, pri), "top_k": 2, "capacity_factor": 0.5},
                    note="capacity for first choices only; second choices must wait"))
    out.append(Case("edge-top-k-equals-E", {"logits": _distinct(rng, rng.standard_normal((7, 3))), "top_k": 3,
                                            "capacity_factor": 1.0}))
    out.append(Case("edge-single-token", {"logits": _distinct(rng, rng.standard_normal((1, 6))), "top_k": 2,
                                          "capacity_factor": 1.0}, note="one token"))
    out.append(Case("edge-switch-top1", {"logits": _distinct(rng, rng.standard_normal((16, 4)) * 2), "top_k": 1,
                                         "capacity_factor": 1.25}, note="Switch Transformer: top-1, factor 1.25"))
    for k in range(6):
        n, e = int(rng.integers(2, 33)), int(rng.integers(2, 9))
        out.append(Case(f"random-{k + 1}", {
            "logits": _distinct(rng, rng.standard_normal((n, e)) * float(rng.choice([0.5, 1.0, 3.0]))),
            "top_k": int(rng.integers(1, min(e, 3) + 1)),
            "capacity_factor": float(rng.choice([0.5, 1.0, 1.25, 2.0])),
        }))
    return out
