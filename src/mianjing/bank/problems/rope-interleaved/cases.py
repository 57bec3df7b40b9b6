"""Cases for rope-interleaved: the worked example, explicit and offset positions, other bases, small and large d,
and random shapes with leading (batch, head) dimensions."""

import numpy as np

from mianjing.problems.case import Case


def _x(rng, shape):
    return rng.standard_normal(shape)


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"x": np.array([[1.0, 2.0, 3.0, 4.0], [1.0, 2.0, 3.0, 4.0]]), "positions": None,
                           "base": 10000.0}, hidden=False),
        Case("example-2", {"x": _x(rng, (1, 2, 3, 8)), "positions": None, "base": 10000.0}, hidden=False),
        Case("edge-offset-positions", {"x": _x(rng, (2, 2, 5, 16)), "positions": np.arange(7, 12),
                                       "base": 10000.0},
             note="positions 7..11, as when decoding with a KV cache"),
        Case("edge-scattered-positions", {"x": _x(rng, (3, 6, 8)), "positions": np.array([0, 3, 4, 9, 20, 31]),
                                          "base": 10000.0}, note="non-contiguous positions"),
        Case("edge-d2", {"x": _x(rng, (2, 4, 2)), "positions": None, "base": 10000.0},
             note="head dimension 2: one pair"),
        Case("edge-small-base", {"x": _x(rng, (2, 5, 8)), "positions": None, "base": 100.0}, note="base = 100"),
        Case("edge-llama3-base", {"x": _x(rng, (1, 2, 6, 32)), "positions": np.arange(3, 9), "base": 500000.0},
             note="base = 500000"),
        Case("edge-2d-input", {"x": _x(rng, (9, 64)), "positions": None, "base": 10000.0},
             note="no leading dimensions: x is (T, d)"),
    ]
    for k in range(6):
        lead = tuple(int(s) for s in rng.integers(1, 4, size=int(rng.integers(0, 3))))
        t = int(rng.integers(2, 17))
        d = int(rng.choice([4, 8, 16, 32, 64]))
        start = int(rng.integers(0, 24))
        pos = None if k % 2 == 0 else np.arange(start, start + t)
        out.append(Case(f"random-{k + 1}", {"x": _x(rng, lead + (t, d)), "positions": pos, "base": 10000.0}))
    return out
