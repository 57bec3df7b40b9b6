"""Cases for lora-linear: the worked example, rank 1, no bias, large alpha / r, batched inputs, and
seeded random shapes. Each case builds the module (initial state checked), loads parameters with a
non-zero B, then checks forward, gradients, merge and unmerge against the reference.

The initial lora_A is random, so it is checked by what PEFT's default guarantees: shape (r, in),
every value inside the Kaiming-uniform bound 1/sqrt(in), not all equal, and (with at least 16
values) mean and mean square within 5 standard errors of U(-b, b)'s (0 and b^2 / 3). lora_B must
be exactly zero. Everything else goes through the default comparison."""

import numpy as np

from mianjing.checkers import CheckResult
from mianjing.checkers.allclose import check_array
from mianjing.checkers.exact import check_exact
from mianjing.checkers.grad import check_grad, check_nograd
from mianjing.problems.case import Case


def f32(a) -> np.ndarray:
    return np.asarray(a, dtype=np.float64).astype(np.float32).astype(np.float64)


def make(rng, lead, d_in, d_out, r, alpha, bias=True, x=None, params=None):
    if params is None:
        params = {
            "base.weight": f32(rng.standard_normal((d_out, d_in)) / np.sqrt(d_in)),
            "lora_A": f32(rng.uniform(-1, 1, (r, d_in)) / np.sqrt(d_in)),
            "lora_B": f32(rng.standard_normal((d_out, r)) * 0.5),
        }
        if bias:
            params["base.bias"] = f32(rng.standard_normal(d_out) * 0.1)
    return {"init": {"in_features": d_in, "out_features": d_out, "r": r, "alpha": alpha, "bias": bias},
            "params": params, "x": f32(rng.standard_normal(lead + (d_in,))) if x is None else x}


def cases(rng: np.random.Generator) -> list[Case]:
    example = make(rng, (), 2, 2, 1, 2.0, bias=True, x=np.array([[1.0, 2.0]]), params={
        "base.weight": np.array([[1.0, 0.0], [0.0, 1.0]]), "base.bias": np.array([0.5, -0.5]),
        "lora_A": np.array([[1.0, 1.0]]), "lora_B": np.array([[1.0], [-1.0]])})
    out = [
        Case("example-1", example, hidden=False),
        Case("edge-rank-1", make(rng, (3,), 16, 8, 1, 1.0), note="r = 1"),
        Case("edge-no-bias", make(rng, (2, 5), 12, 10, 4, 8.0, bias=False), note="bias=False"),
        Case("edge-big-alpha", make(rng, (4,), 32, 16, 2, 64.0), note="alpha / r = 32"),
        Case("edge-alpha-equals-r", make(rng, (3,), 20, 6, 8, 8.0), note="alpha = r: scaling 1 hides alpha-vs-alpha/r"),
        Case("edge-wide", make(rng, (2,), 128, 4, 16, 32.0), note="in_features = 128, r = 16"),
    ]
    for k in range(5):
        lead = tuple(int(s) for s in rng.integers(1, 5, size=rng.integers(1, 3)))
        d_in, d_out = int(rng.integers(4, 64)), int(rng.integers(2, 48))
        r = int(rng.choice([1, 2, 4, 8]))
        alpha = float(rng.choice([1, 8, 16, 32]))
        out.append(Case(f"random-{k + 1}", make(rng, lead, d_in, d_out, r, alpha, bias=bool(rng.random() < 0.7))))
    return out


def check_init(case: Case, A, B) -> CheckResult:
    init = case.inputs["init"]
    d_in, d_out, r = init["in_features"], init["out_features"], init["r"]
    for name, arr, shape in (("lora_A", A, (r, d_in)), ("lora_B", B, (d_out, r))):
        if not isinstance(arr, np.ndarray) or arr.shape != shape:
            return CheckResult.failed(f"{name} at construction: expected shape {shape}, got "
                                      f"{getattr(arr, 'shape', type(arr).__name__)}")
        if arr.dtype != np.float32:
            return CheckResult.failed(f"{name} at construction: dtype {arr.dtype}, expected float32")
    if np.any(B != 0):
        return CheckResult.failed("lora_B must be exactly zero at construction, so the wrapped layer starts equal "
                                  f"to the base layer ({int(np.count_nonzero(B))} non-zero values)")
    a = A.astype(np.float64)
    bound = 1.0 / np.sqrt(d_in)
    if not np.isfinite(a).all() or np.abs(a).max() > bound * (1 + 1e-5):
        return CheckResult.failed(
            f"lora_A at construction has values up to {np.abs(a).max():.4g}, outside the Kaiming-uniform "
            f"(a = sqrt(5)) bound 1/sqrt(in_features) = {bound:.4g}")
    if a.size > 1 and np.all(a == a.flat[0]):
        return CheckResult.failed("lora_A at construction has all values equal: it must be random (Kaiming-uniform)")
    n = a.size
    if n >= 16:
        mean_tol = 5 * np.sqrt(bound ** 2 / 3 / n)
        ms_tol = 5 * np.sqrt(4 * bound ** 4 / 45 / n)
        if abs(a.mean()) > mean_tol:
            return CheckResult.failed(f"lora_A at construction: mean {a.mean():.4g} is far from 0 for U(-b, b), "
                                      f"b = {bound:.4g}")
        if abs((a ** 2).mean() - bound ** 2 / 3) > ms_tol:
            return CheckResult.failed(
                f"lora_A at construction: mean square {(a ** 2).mean():.4g}, expected about b^2/3 = "
                f"{bound ** 2 / 3:.4g} for Kaiming-uniform U(-b, b) with b = 1/sqrt(in_features)")
    return CheckResult.passed()


def check(case: Case, expected, got) -> CheckResult:
    res = check_init(case, got.get("init.A"), got.get("init.B"))
    if not res.ok:
        return res
    res = check_exact("requires_grad at construction", expected["init.trainable"], got.get("init.trainable"),
                      hidden=False)
    if not res.ok:
        return CheckResult.failed(res.message + " (base.weight and base.bias frozen, lora_A and lora_B trainable)")
    for name in ("nograd.param.base.weight", "nograd.param.base.bias"):
        if name in expected:
            res = check_nograd(name, got.get(name))
            if not res.ok:
                return res
    for name in ("out", "grad.x", "grad.param.lora_A", "grad.param.lora_B",
                 "weight_merged", "out_merged", "weight_unmerged", "out_unmerged"):
        if name.startswith("grad."):
            res = check_grad(name, expected[name], got.get(name), rtol=1e-4, atol=1e-5, float_dtype="float32",
                             hidden=case.hidden)
        else:
            res = check_array(name, expected[name], got.get(name), rtol=1e-4, atol=1e-5, float_dtype="float32",
                              hidden=case.hidden)
        if not res.ok:
            return res
    return CheckResult.passed()
