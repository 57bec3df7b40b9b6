"""Cases for min-stack: the example, a repeated minimum popped once, the minimum popped and
restored, negatives and 32-bit extremes, random sequences, and a complexity series of long
generated sequences."""

import numpy as np

from mianjing.problems.case import Case


def _ops(seq):
    """[("push", 3), ("getMin",), ...] -> {"ops": [...], "args": [...]}."""
    return {"ops": [s[0] for s in seq], "args": [list(s[1:]) for s in seq]}


def _random(rng: np.random.Generator, n: int) -> dict:
    seq, size = [], 0
    for _ in range(n):
        r = rng.random()
        if size == 0 or r < 0.45:
            seq.append(("push", int(rng.integers(-5, 6))))
            size += 1
        elif r < 0.65:
            seq.append(("pop",))
            size -= 1
        else:
            seq.append(("getMin",) if r < 0.85 else ("top",))
    return _ops(seq)


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", _ops([("push", 3), ("push", 8), ("push", -1), ("getMin",), ("pop",), ("top",), ("getMin",)]),
             hidden=False),
        Case("edge-repeated-min", _ops([("push", 1), ("push", 1), ("pop",), ("getMin",)]), note="two copies of the minimum, one popped"),
        Case("edge-min-restored", _ops([("push", 5), ("push", 2), ("push", 7), ("pop",), ("pop",), ("getMin",), ("top",)])),
        Case("edge-extremes", _ops([("push", 2**31 - 1), ("push", -(2**31)), ("getMin",), ("pop",), ("getMin",)])),
        Case("edge-decreasing", _ops([("push", v) for v in range(5, -6, -1)] + [("getMin",), ("pop",)] * 6)),
        Case("edge-single", _ops([("push", 0), ("top",), ("getMin",)])),
    ]
    for k in range(8):
        out.append(Case(f"random-{k + 1}", _random(rng, int(rng.integers(5, 80)))))
    for k, n in enumerate((25_000, 50_000, 100_000, 200_000)):
        out.append(Case(f"large-{k + 1}", {"generate": {"n": n, "seed": int(rng.integers(0, 2**31))}}, size=n,
                        note=f"{n} operations"))
    return out
