"""Tensors against a float64 reference: dtype, shape, finiteness, then |got - ref| <= atol + rtol |ref|."""

from __future__ import annotations

import numpy as np

from .result import CheckResult


def _index(flat: int, shape: tuple[int, ...]) -> tuple[int, ...]:
    return tuple(int(i) for i in np.unravel_index(flat, shape)) if shape else ()


def check_array(name: str, expected: np.ndarray, got: object, *, rtol: float, atol: float,
                float_dtype: str, hidden: bool) -> CheckResult:
    if not isinstance(got, np.ndarray):
        return CheckResult.failed(
            f"{name}: expected a tensor of shape {tuple(expected.shape)}, got {_describe(got)}"
        )
    # dtype: floats must come back in the working dtype; ints and bools by kind
    if expected.dtype.kind == "f":
        if got.dtype != np.dtype(float_dtype):
            return CheckResult.failed(f"{name}: dtype {got.dtype}, expected {float_dtype}")
    elif expected.dtype.kind in "iu":
        if got.dtype.kind not in "iu":
            return CheckResult.failed(f"{name}: dtype {got.dtype}, expected an integer tensor")
    elif expected.dtype.kind == "b" and got.dtype.kind != "b":
        return CheckResult.failed(f"{name}: dtype {got.dtype}, expected a bool tensor")
    if got.shape != expected.shape:
        hint = ""
        if got.ndim != expected.ndim:
            hint = " (a dimension was added or dropped: check broadcasting and keepdim)"
        elif got.size == expected.size:
            hint = " (same number of elements: a transpose or reshape is off)"
        return CheckResult.failed(f"{name}: shape {tuple(got.shape)}, expected {tuple(expected.shape)}{hint}")
    if expected.dtype.kind != "f":
        bad = np.flatnonzero(got.reshape(-1) != expected.reshape(-1))
        if bad.size:
            i = _index(int(bad[0]), expected.shape)
            detail = "" if hidden else f": got {got[i].item()!r}, expected {expected[i].item()!r}"
            return CheckResult.failed(f"{name}: {bad.size} of {expected.size} values differ; first at index {i}{detail}")
        return CheckResult.passed()

    exp = expected.astype(np.float64)
    g = got.astype(np.float64)
    # NaN/Inf policy: a non-finite value must sit where the reference has the same non-finite value
    exp_fin, got_fin = np.isfinite(exp), np.isfinite(g)
    same_nonfinite = (~exp_fin) & (~got_fin) & ((np.isnan(exp) & np.isnan(g)) | (exp == g))
    bad_nonfinite = (exp_fin != got_fin) | ((~exp_fin) & ~same_nonfinite)
    if bad_nonfinite.any():
        flat = int(np.flatnonzero(bad_nonfinite.reshape(-1))[0])
        i = _index(flat, exp.shape)
        values = "" if hidden else f": got {float(g[i])!r}, expected {float(exp[i])!r}"
        return CheckResult.failed(
            f"{name}: {int(bad_nonfinite.sum())} non-finite value(s) where they should not be; "
            f"first at index {i}{values}"
        )
    both = exp_fin & got_fin
    with np.errstate(invalid="ignore", over="ignore"):
        diff = np.where(both, np.abs(g - exp), 0.0)
    tol = atol + rtol * np.abs(np.where(both, exp, 0.0))
    bad = diff > tol
    if bad.any():
        flat = int(np.flatnonzero(bad.reshape(-1))[0])
        i = _index(flat, exp.shape)
        rel = diff / np.maximum(np.abs(np.where(both, exp, 0.0)), 1e-12)
        values = "" if hidden else f": got {g[i]:.6g}, expected {exp[i]:.6g}"  # hidden: never a value
        return CheckResult.failed(
            f"{name}: {int(bad.sum())} of {exp.size} values off; max abs error {diff.max():.3g}, "
            f"max rel error {rel[bad].max():.3g} (tolerance atol={atol:g}, rtol={rtol:g}); "
            f"first at index {i}{values}"
        )
    return CheckResult.passed()


def _describe(value: object) -> str:
    if value is None:
        return "None"
    if isinstance(value, list):
        return f"a list of length {len(value)}"
    return f"a {type(value).__name__}"
