"""Cases for sqrt-float: the examples, tiny and huge values, perfect squares, and random magnitudes.

The answer is checked against math.sqrt (float64) here in the controller: any r with
|r - sqrt(x)| <= 1e-6 * max(1, sqrt(x)) is accepted.
"""

import math

import numpy as np

from mianjing.checkers import CheckResult
from mianjing.problems.case import Case

REL = 1e-6


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"x": 2.0}, hidden=False),
        Case("example-2", {"x": 0.25}, hidden=False),
        Case("example-3", {"x": 0.0}, hidden=False),
        Case("example-4", {"x": 1e20}, hidden=False),
        Case("edge-one", {"x": 1.0}),
        Case("edge-just-below-one", {"x": 0.9999999}, note="just below 1"),
        Case("edge-tiny", {"x": 1e-12}, note="a tiny positive x"),
        Case("edge-smallest-normal", {"x": 2.2250738585072014e-308}, note="the smallest normal float"),
        Case("edge-max", {"x": 1e30}, note="the largest allowed x"),
        Case("edge-perfect-square", {"x": 152415787501905210.0}, note="a large perfect square"),
        Case("edge-non-square-large", {"x": 123456789012345678901234567.0}, note="x about 1.2e26"),
        Case("edge-large-non-square", {"x": 2e20}, note="x = 2e20, whose root is not a float"),
        Case("edge-large-17-digits", {"x": 98765432109876543.0}, note="x about 9.9e16"),
    ]
    for k in range(4):
        # below 1: the square root is larger than x
        out.append(Case(f"random-small-{k + 1}", {"x": float(rng.uniform(1e-9, 1.0))}))
    for k in range(6):
        exp = float(rng.uniform(-20.0, 30.0))
        out.append(Case(f"random-{k + 1}", {"x": float(rng.uniform(1.0, 10.0) * 10.0 ** math.floor(exp))}))
    return out


def check(case: Case, expected, got) -> CheckResult:
    r = got.get("out")
    x = case.inputs["x"]
    if isinstance(r, bool) or not isinstance(r, (int, float)):
        return CheckResult.failed(f"out: got {type(r).__name__} {r!r:.60}, expected a float")
    if not math.isfinite(r):
        return CheckResult.failed(f"out: got {r!r}, expected a finite float")
    s = math.sqrt(x)
    tol = REL * max(1.0, s)
    err = abs(r - s)
    if err <= tol:
        return CheckResult.passed()
    if case.hidden:  # no numbers: the error and the tolerance would tell sqrt(x), hence x
        return CheckResult.failed("out: off by more than the allowed 1e-6 * max(1, sqrt(x))")
    return CheckResult.failed(f"out: got {r!r}, sqrt({x!r}) = {s!r}; error {err:.3g} is above the allowed {tol:.3g}")
