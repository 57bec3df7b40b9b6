"""Cases for gae: the worked examples, rows of different lengths with garbage in the padding, dones
in the middle of a row (several episodes), a row that ends with and without done, a row with no
real step, gamma = lam = 1 (Monte-Carlo), lam = 0 (one-step TD), and seeded random batches.

Everything past a row's real steps (rewards, dones, values after the bootstrap column) is filled
with large random garbage: a solution that reads it goes visibly wrong."""

import numpy as np

from mianjing.problems.case import Case


def f32(a) -> np.ndarray:
    return np.asarray(a, dtype=np.float64).astype(np.float32).astype(np.float64)


def make(rng, lengths, T, gamma, lam, p_done=0.15, last_done=None):
    B = len(lengths)
    rewards = f32(rng.standard_normal((B, T)))
    values = f32(rng.standard_normal((B, T + 1)))
    dones = rng.random((B, T)) < p_done
    mask = np.zeros((B, T), dtype=bool)
    for b, L in enumerate(lengths):
        mask[b, :L] = True
        if L and last_done is not None:
            dones[b, L - 1] = last_done[b]
        rewards[b, L:] = f32(rng.uniform(50, 100, size=T - L))       # garbage in the padding
        values[b, L + 1:] = f32(rng.uniform(50, 100, size=T - L))    # values[b, L] is the bootstrap
        dones[b, L:] = rng.random(T - L) < 0.5
    return {"rewards": rewards, "values": values, "dones": dones, "mask": mask, "gamma": float(gamma),
            "lam": float(lam)}


def cases(rng: np.random.Generator) -> list[Case]:
    ex1 = {"rewards": np.array([[1.0, 0.0, 2.0]]), "values": np.array([[0.5, 1.0, 1.5, 2.0]]),
           "dones": np.array([[False, False, False]]), "mask": np.array([[True, True, True]]),
           "gamma": 0.9, "lam": 0.8}
    ex2 = {"rewards": np.array([[1.0, 1.0, 1.0], [1.0, 7.0, 7.0]]),
           "values": np.array([[0.0, 0.0, 0.0, 0.0], [0.5, 2.0, 9.0, 9.0]]),
           "dones": np.array([[False, True, False], [False, True, True]]),
           "mask": np.array([[True, True, True], [True, False, False]]),
           "gamma": 1.0, "lam": 1.0}
    out = [
        Case("example-1", ex1, hidden=False),
        Case("example-2", ex2, hidden=False),
        Case("edge-uneven-lengths", make(rng, [8, 1, 5, 3], 8, 0.99, 0.95, last_done=[True, False, False, True]),
             note="rows with 8, 1, 5 and 3 real steps"),
        Case("edge-empty-row", make(rng, [4, 0, 2], 4, 0.99, 0.95), note="a row with no real step"),
        Case("edge-many-dones", make(rng, [10, 10], 10, 0.9, 0.9, p_done=0.5), note="done on about half the steps"),
        Case("edge-all-done", make(rng, [6, 4], 6, 0.99, 0.95, p_done=1.0), note="every step ends an episode"),
        Case("edge-monte-carlo", make(rng, [7, 5, 2], 7, 1.0, 1.0), note="gamma = lam = 1"),
        Case("edge-td0", make(rng, [6, 3], 6, 0.95, 0.0), note="lam = 0: A = delta"),
        Case("edge-no-done-bootstrap", make(rng, [5, 3], 6, 0.99, 0.95, p_done=0.0, last_done=[False, False]),
             note="no episode ends: every row bootstraps from values[b, L_b]"),
    ]
    for k in range(6):
        B, T = int(rng.integers(1, 6)), int(rng.integers(1, 25))
        lengths = [int(rng.integers(0, T + 1)) for _ in range(B)]
        out.append(Case(f"random-{k + 1}", make(rng, lengths, T, float(rng.choice([0.9, 0.99, 1.0])),
                                                float(rng.choice([0.0, 0.9, 0.95, 1.0])),
                                                p_done=float(rng.choice([0.0, 0.1, 0.3])))))
    return out
