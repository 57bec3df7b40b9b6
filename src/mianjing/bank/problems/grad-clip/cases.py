"""Cases for grad-clip: the worked examples, a norm below the threshold (no change), parameters
without gradients, an all-zero gradient, the 1- and inf-norms, one parameter dominating, and seeded
random parameter sets. The reference equals torch.nn.utils.clip_grad_norm_ on every case (checked
when the problem was written)."""

import numpy as np

from mianjing.problems.case import Case


def f32(a) -> np.ndarray:
    return np.asarray(a, dtype=np.float64).astype(np.float32).astype(np.float64)


def make(rng, shapes, max_norm, norm_type=2.0, scale=1.0, none=(), grads=None):
    if grads is None:
        grads = [f32(rng.standard_normal(s) * scale) for s in shapes]
    grads = [None if i in none else np.asarray(g, float) for i, g in enumerate(grads)]
    params = [f32(rng.standard_normal(np.shape(g) if g is not None else s))
              for g, s in zip(grads, shapes or [np.shape(g) for g in grads])]
    return {"params": params, "grads": grads, "max_norm": float(max_norm),
            "norm_type": "inf" if norm_type == float("inf") else float(norm_type)}


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", make(rng, [(2,), (1,)], 1.0, grads=[[3.0, 4.0], [12.0]]), hidden=False),
        Case("example-2", make(rng, [(2,), (1,)], 20.0, grads=[[3.0, 4.0], [12.0]]), hidden=False),
        Case("example-3", make(rng, [(2,), (2,)], 1.0, norm_type=float("inf"), grads=[[3.0, -4.0], [1.0, 2.0]]),
             hidden=False),
        Case("edge-below-threshold", make(rng, [(4, 3), (5,)], 100.0), note="total norm well below max_norm"),
        Case("edge-missing-grads", make(rng, [(3,), (2, 2), (4,)], 0.5, scale=2.0, none=(1,)),
             note="one parameter has .grad = None"),
        Case("edge-zero-grads", make(rng, [(3,), (2,)], 1.0, scale=0.0), note="every gradient is zero"),
        Case("edge-one-dominates", make(rng, None, 1.0, grads=[f32(rng.standard_normal(6) * 100),
                                                                f32(rng.standard_normal(6) * 0.01)]),
             note="one gradient 10^4 times larger than the other"),
        Case("edge-norm-1", make(rng, [(5,), (3, 2)], 2.0, norm_type=1.0), note="norm_type = 1"),
        Case("edge-norm-inf", make(rng, [(5,), (3, 2), (2,)], 0.3, norm_type=float("inf")), note="norm_type = inf"),
        Case("edge-single", make(rng, [(7,)], 0.1), note="a single parameter"),
    ]
    for k in range(6):
        n = int(rng.integers(1, 5))
        shapes = [tuple(int(s) for s in rng.integers(1, 7, size=rng.integers(1, 3))) for _ in range(n)]
        none = tuple(i for i in range(n) if n > 1 and rng.random() < 0.2)
        out.append(Case(f"random-{k + 1}", make(
            rng, shapes, float(rng.choice([0.1, 1.0, 5.0])), norm_type=float(rng.choice([2.0, 2.0, 1.0, np.inf])),
            scale=float(rng.choice([0.01, 1.0, 10.0])), none=none)))
    return out
