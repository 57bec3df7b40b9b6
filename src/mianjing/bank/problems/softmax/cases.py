"""Cases for softmax: the worked examples, +-1e4 entries, -inf entries, slices that are entirely -inf,
every dimension of 1-D to 4-D tensors, and seeded random shapes.

Float inputs are rounded to float32 first, so the float32 submission and the float64 reference see
the same numbers (10000.3 is not a float32: the rounding alone would move a log-probability by 2e-4).
The gradient is not compared inside slices that are entirely -inf (the statement leaves it free)."""

import numpy as np

from mianjing.checkers import CheckResult
from mianjing.checkers.allclose import check_array
from mianjing.checkers.grad import check_grad
from mianjing.problems.case import Case

INF = np.inf


def f32(a) -> np.ndarray:
    return np.asarray(a, dtype=np.float64).astype(np.float32).astype(np.float64)


def big(rng, shape, scale=1e4):
    """Values spread over +-scale on a 1/16 grid: exact in float32, differences of thousands."""
    return np.round(rng.uniform(-scale, scale, size=shape) * 16) / 16


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"x": np.array([[1.0, 2.0, 3.0]]), "dim": -1}, hidden=False),
        Case("example-2", {"x": np.array([[1e4, 0.0, -INF], [-1e4, -1e4, -1e4]]), "dim": -1}, hidden=False),
        Case("example-3", {"x": np.array([[-INF, -INF], [0.0, -INF]]), "dim": 1}, hidden=False),
        Case("example-4", {"x": np.array([[1.0, 5.0], [3.0, 5.0]]), "dim": 0}, hidden=False),
        Case("edge-huge-positive", {"x": f32(1e4 + rng.standard_normal((3, 7))), "dim": -1},
             note="every entry near +1e4"),
        Case("edge-huge-negative", {"x": f32(-1e4 + rng.standard_normal((3, 7))), "dim": -1},
             note="every entry near -1e4"),
        Case("edge-mixed-scales", {"x": np.concatenate([big(rng, (2, 9)), big(rng, (2, 9), 1e4) - 2e4]), "dim": -1},
             note="rows spread over +-1e4 and rows near -2e4"),
        Case("edge-neg-inf-entries", {"x": _with_neg_inf(rng, f32(rng.standard_normal((4, 6, 5)) * 3), 0.3), "dim": 1},
             note="about 30% of the entries are -inf"),
        Case("edge-dead-slices", {"x": _dead(rng, f32(rng.standard_normal((5, 8))), axis=-1, rows=[1, 3]), "dim": -1},
             note="two rows entirely -inf"),
        Case("edge-dead-slices-dim0", {"x": _dead(rng, f32(rng.standard_normal((6, 4, 3))), axis=0, rows=[(0, 2)]),
                                       "dim": 0}, note="one slice along dim 0 entirely -inf"),
        Case("edge-length-1", {"x": f32(rng.standard_normal((4, 1)) * 100), "dim": -1}, note="softmax over one entry"),
        Case("edge-equal", {"x": np.full((2, 5), 7.0), "dim": -1}, note="all entries equal"),
        Case("edge-1d", {"x": big(rng, (12,), 50.0), "dim": 0}, note="a 1-D tensor"),
    ]
    for k in range(6):
        ndim = int(rng.integers(1, 5))
        shape = tuple(int(s) for s in rng.integers(1, 7, size=ndim))
        dim = int(rng.integers(-ndim, ndim))
        x = f32(rng.standard_normal(shape) * float(rng.choice([0.5, 3.0, 30.0])))
        if k % 2 == 1:
            x = _with_neg_inf(rng, x, 0.15)
        out.append(Case(f"random-{k + 1}", {"x": x, "dim": dim}))
    return out


def _with_neg_inf(rng, x, frac):
    x = x.copy()
    x[rng.random(x.shape) < frac] = -INF
    return x


def _dead(rng, x, axis, rows):
    """Set whole slices along `axis` to -inf; `rows` index the other dimensions."""
    x = np.moveaxis(x.copy(), axis, -1)
    for r in rows:
        x[r] = -INF
    return np.moveaxis(x, -1, axis)


def check(case: Case, expected, got) -> CheckResult | None:
    """Default comparison, except that the gradient inside an all -inf slice is not compared."""
    x, dim = case.inputs["x"], case.inputs["dim"]
    dead = np.all(np.isneginf(x), axis=dim, keepdims=True)
    if not dead.any():
        return None
    dead = np.broadcast_to(dead, x.shape)
    rtol, atol = 1e-4, 1e-5
    for name in ("probs", "log_probs"):
        if name not in got:
            return CheckResult.failed(f"{name}: missing from the result")
        res = check_array(name, expected[name], got[name], rtol=rtol, atol=atol, float_dtype="float32",
                          hidden=case.hidden)
        if not res.ok:
            return res
    g = got.get("grad.x")
    if isinstance(g, np.ndarray) and g.shape == x.shape:
        g = np.where(dead, 0.0, g).astype(g.dtype)
    exp = np.where(dead, 0.0, expected["grad.x"])
    return check_grad("grad.x", exp, g, rtol=rtol, atol=atol, float_dtype="float32", hidden=case.hidden)
