"""Cases for rmsnorm: the worked example, edge rows, and seeded random shapes."""

import numpy as np

from mianjing.problems.case import Case


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"x": np.array([[1.0, 2.0, 3.0]]), "weight": np.ones(3), "eps": 1e-6}, hidden=False),
        Case("example-2", {"x": rng.standard_normal((2, 4)), "weight": rng.standard_normal(4), "eps": 1e-6},
             hidden=False),
        Case("edge-zero-row", {"x": np.zeros((2, 8)), "weight": rng.standard_normal(8), "eps": 1e-6},
             note="an all-zero input row"),
        # mean square comparable to eps: separates eps inside vs outside the root
        Case("edge-tiny-values", {"x": rng.standard_normal((3, 16)) * 1e-3, "weight": np.ones(16), "eps": 1e-5},
             note="values around 1e-3 with eps = 1e-5"),
        Case("edge-large-eps", {"x": rng.standard_normal((4, 8)), "weight": rng.standard_normal(8), "eps": 0.5}),
        Case("edge-d1", {"x": rng.standard_normal((5, 1)), "weight": rng.standard_normal(1), "eps": 1e-6},
             note="feature size 1"),
    ]
    for k in range(6):
        lead = tuple(int(s) for s in rng.integers(1, 5, size=rng.integers(1, 4)))
        d = int(rng.integers(2, 65))
        out.append(Case(f"random-{k + 1}", {
            "x": rng.standard_normal(lead + (d,)) * float(rng.choice([0.1, 1.0, 10.0])),
            "weight": rng.standard_normal(d),
            "eps": float(rng.choice([1e-6, 1e-5])),
        }))
    return out
