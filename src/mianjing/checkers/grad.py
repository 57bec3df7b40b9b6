"""Gradients: present where they must be, absent where they must not be, and equal in value."""

from __future__ import annotations

from typing import Any

import numpy as np

from .allclose import check_array
from .result import CheckResult


def check_grad(name: str, expected: Any, got: Any, *, rtol: float, atol: float, float_dtype: str,
               hidden: bool) -> CheckResult:
    target = name[len("grad."):]
    if expected is None:
        return CheckResult.passed() if got is None else CheckResult.failed(f"{target} should get no gradient")
    if got is None:
        return CheckResult.failed(
            f"no gradient reached {target}: the output does not depend on it through autograd "
            "(detached, in-place on a leaf, or computed outside torch?)"
        )
    res = check_array(f"gradient of {target}", np.asarray(expected), got, rtol=rtol, atol=atol,
                      float_dtype=float_dtype, hidden=hidden)
    return res


def check_nograd(name: str, got: Any) -> CheckResult:
    target = name[len("nograd."):]
    if got is False:
        return CheckResult.passed()
    return CheckResult.failed(f"{target} must not receive a gradient (it should be frozen or detached)")
