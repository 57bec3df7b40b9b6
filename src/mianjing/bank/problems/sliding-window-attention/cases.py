"""Cases for sliding-window attention: the worked example, windows of 1 (each token sees only itself),
2, shorter than, equal to and longer than the sequence, several heads and leading dimensions, and a
long sequence with a window much shorter than it."""

import numpy as np

from mianjing.problems.case import Case


def _qkv(rng, lead, t, d, dv, window, spread=1.0):
    return {"q": rng.standard_normal(lead + (t, d)) * spread, "k": rng.standard_normal(lead + (t, d)) * spread,
            "v": rng.standard_normal(lead + (t, dv)), "window": int(window)}


def cases(rng: np.random.Generator) -> list[Case]:
    q = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [1.0, -1.0]])
    v = np.array([[1.0], [2.0], [3.0], [4.0]])
    out = [
        Case("example-1", {"q": q, "k": q, "v": v, "window": 2}, hidden=False),
        Case("example-2", {"q": q, "k": q, "v": v, "window": 8}, hidden=False),
        Case("edge-window-1", _qkv(rng, (2,), 9, 4, 3, 1), note="window = 1: every token sees only itself"),
        Case("edge-window-2", _qkv(rng, (2, 2), 11, 8, 4, 2), note="window = 2"),
        Case("edge-window-equals-length", _qkv(rng, (3,), 10, 8, 8, 10), note="window = T: plain causal"),
        Case("edge-window-longer", _qkv(rng, (2,), 7, 8, 5, 50), note="window much longer than T: plain causal"),
        Case("edge-window-one-short", _qkv(rng, (2,), 12, 8, 4, 11), note="window = T - 1: only the last query loses a key"),
        Case("edge-single-token", _qkv(rng, (2,), 1, 4, 4, 3), note="T = 1"),
        Case("edge-long-sequence", _qkv(rng, (1, 2), 300, 16, 8, 32), note="T = 300, window = 32"),
    ]
    for k in range(6):
        lead = tuple(int(s) for s in rng.integers(1, 4, size=int(rng.integers(0, 3))))
        t = int(rng.integers(2, 60))
        window = int(rng.integers(1, t + 5))
        d = int(rng.choice([4, 8, 16]))
        out.append(Case(f"random-{k + 1}", _qkv(rng, lead, t, d, int(rng.integers(1, 9)), window)))
    return out
