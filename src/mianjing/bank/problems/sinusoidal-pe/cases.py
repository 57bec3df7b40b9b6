"""Cases for sinusoidal-pe: the worked example, tiny and long tables, another base, random sizes."""

import numpy as np

from mianjing.problems.case import Case


def _case(name, seq_len, d_model, base=10000.0, hidden=True, note=""):
    return Case(name, {"seq_len": seq_len, "d_model": d_model, "base": base}, hidden=hidden, note=note)


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        _case("example-1", 3, 4, hidden=False),
        _case("example-2", 2, 6, hidden=False),
        _case("edge-one-position", 1, 8, note="a single position (0)"),
        _case("edge-d2", 5, 2, note="d_model = 2: one sine and one cosine"),
        _case("edge-long", 64, 64, note="64 positions, d_model = 64"),
        _case("edge-small-base", 16, 16, base=100.0, note="base = 100"),
    ]
    for k in range(4):
        out.append(_case(f"random-{k + 1}", int(rng.integers(2, 49)), 2 * int(rng.integers(1, 33)),
                         base=float(rng.choice([10000.0, 1000.0]))))
    return out
