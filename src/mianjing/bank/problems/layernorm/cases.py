"""Cases for layernorm: the worked example, constant and tiny rows, eps that matters, and random shapes."""

import numpy as np

from mianjing.problems.case import Case


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"x": np.array([[1.0, 2.0, 3.0, 4.0]]), "weight": np.ones(4), "bias": np.zeros(4),
                           "eps": 1e-5}, hidden=False),
        Case("example-2", {"x": rng.standard_normal((2, 5)), "weight": rng.standard_normal(5),
                           "bias": rng.standard_normal(5), "eps": 1e-5}, hidden=False),
    ]
    x = rng.standard_normal((3, 8))
    x[1] = 2.5  # a constant row: variance 0, only eps keeps it finite
    out.append(Case("edge-constant-row", {"x": x, "weight": rng.standard_normal(8), "bias": rng.standard_normal(8),
                                          "eps": 1e-5}, note="one row is constant (variance 0)"))
    # variance comparable to eps: separates eps inside and outside the root
    out.append(Case("edge-tiny-values", {"x": rng.standard_normal((4, 16)) * 3e-3, "weight": np.ones(16),
                                         "bias": np.zeros(16), "eps": 1e-5}, note="values around 3e-3, eps = 1e-5"))
    out.append(Case("edge-large-eps", {"x": rng.standard_normal((2, 3, 6)), "weight": rng.standard_normal(6),
                                       "bias": rng.standard_normal(6), "eps": 0.1}))
    # small d: unbiased and biased variance differ by a factor d/(d-1) = 1.5
    # (not d = 2: there LN(x) = ±w + b and the gradient of x is only eps-sized rounding noise)
    out.append(Case("edge-d3", {"x": np.array([-1.0, 0.0, 1.0]) + 0.3 * rng.standard_normal((5, 3)), "weight": rng.standard_normal(3),
                                "bias": rng.standard_normal(3), "eps": 1e-5}, note="feature size 3"))
    out.append(Case("edge-one-row", {"x": rng.standard_normal((1, 7)) * 4.0 + 10.0, "weight": rng.standard_normal(7),
                                     "bias": rng.standard_normal(7), "eps": 1e-5},
                    note="a single row with a large mean"))
    for k in range(6):
        lead = tuple(int(s) for s in rng.integers(1, 5, size=int(rng.integers(1, 4))))
        d = int(rng.integers(4, 65))
        # the offset scales with the spread: a mean far larger than the spread only measures
        # float32 cancellation, not the candidate's formula
        out.append(Case(f"random-{k + 1}", {
            "x": (rng.standard_normal(lead + (d,)) + float(rng.normal())) * float(rng.choice([0.1, 1.0, 10.0])),
            "weight": rng.standard_normal(d),
            "bias": rng.standard_normal(d),
            "eps": float(rng.choice([1e-5, 1e-6])),
        }))
    return out
