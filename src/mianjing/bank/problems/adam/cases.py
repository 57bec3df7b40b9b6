"""Cases for adam: multi-step trajectories with given gradients. The worked examples, tiny gradients
(where eps and its placement matter), a parameter without a gradient on some steps (its own step
count lags), long runs (bias correction fading), weight decay, unusual betas, and seeded random
parameter sets. The reference equals torch.optim.Adam on every case (checked when the problem was
written, to float64 rounding)."""

import numpy as np

from mianjing.problems.case import Case



def f32(a) -> np.ndarray:
    return np.asarray(a, dtype=np.float64).astype(np.float32).astype(np.float64)


def make(rng, shapes, steps, lr=1e-3, betas=(0.9, 0.999), eps=1e-8, wd=None, gscale=1.0, skip=0.0, grads=None,
         params=None):
    params = [f32(rng.standard_normal(s)) for s in shapes] if params is None else [np.asarray(p, float) for p in params]
    if grads is None:
        grads = [f32(rng.standard_normal((steps,) + tuple(s)) * gscale) for s in shapes]
    present = [[bool(rng.random() >= skip) for _ in params] for _ in range(steps)]
    hp = {"lr": lr, "betas": list(betas), "eps": eps}
    if wd is not None:
        hp["weight_decay"] = wd
    return {"params": params, "grads": grads, "present": present, "hparams": hp}


def cases(rng: np.random.Generator) -> list[Case]:
    ex1 = make(rng, None, 3, lr=0.1, params=[[1.0, 2.0]], grads=[np.array([[0.1, -0.2]] * 3)])
    ex2 = make(rng, None, 2, lr=0.1, wd=0.5, params=[[1.0, -1.0]], grads=[np.array([[0.0, 0.0]] * 2)])
    skip = make(rng, [(3,), (2, 2)], 6, lr=0.05)
    skip["present"] = [[True, True], [True, False], [True, False], [True, True], [False, True], [True, True]]
    out = [
        Case("example-1", ex1, hidden=False),
        Case("example-2", ex2, hidden=False),
        Case("edge-tiny-grads", make(rng, [(5,), (3, 2)], 5, lr=1e-2, gscale=1e-7),
             note="gradients around 1e-7, comparable to eps"),
        Case("edge-big-eps", make(rng, [(6,)], 4, lr=0.1, eps=0.1), note="eps = 0.1"),
        Case("edge-missing-grads", skip, note="some parameters have .grad = None on some steps"),
        Case("edge-long-run", make(rng, [(4,), (2, 3)], 60, lr=3e-3, betas=(0.8, 0.99)),
             note="60 steps: bias correction fades"),
        Case("edge-zero-grads", make(rng, [(4,)], 3, lr=0.1, gscale=0.0),
             note="gradients exactly zero"),
        Case("edge-weight-decay", make(rng, [(3, 3), (5,)], 8, lr=0.05, wd=0.1), note="weight_decay = 0.1"),
        Case("edge-defaults", make(rng, [(2, 4)], 5), note="default hyperparameters"),
    ]
    for k in range(6):
        n = int(rng.integers(1, 4))
        shapes = [tuple(int(s) for s in rng.integers(1, 6, size=rng.integers(1, 3))) for _ in range(n)]
        b1, b2 = float(rng.choice([0.9, 0.8, 0.5])), float(rng.choice([0.999, 0.99, 0.9]))
        out.append(Case(f"random-{k + 1}", make(
            rng, shapes, int(rng.integers(2, 15)), lr=float(rng.choice([1e-3, 1e-2, 0.1])), betas=(b1, b2),
            eps=float(rng.choice([1e-8, 1e-6])), wd=float(rng.choice([0.0, 0.01, 0.1])),
            gscale=float(rng.choice([1e-3, 1.0, 10.0])), skip=0.15 if k % 2 else 0.0)))
    return out
