"""A test case, as a problem's `cases.py` builds it."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Case:
    """One call of the submission.

    name:   stable id shown to the user ("example-1", "edge-fully-masked", "random-3", "large-4").
    inputs: keyword arguments: numpy arrays or JSON values (int, float, str, bool, None, lists, dicts).
            In `module` harness mode, "init" holds constructor kwargs and "params" parameter arrays.
    hidden: hidden cases are described (shapes, flags, `note`), never dumped to the user.
    size:   the input size n of a scaling case (algorithm problems): used for time limits and the
            growth exponent. Cases with a size form the complexity series.
    note:   a short description shown instead of the inputs for hidden cases ("all-masked row").
    rtol, atol: per-case tolerance overrides.
    """

    name: str
    inputs: dict[str, Any]
    hidden: bool = True
    size: int | None = None
    note: str = ""
    rtol: float | None = None
    atol: float | None = None
    meta: dict[str, Any] = field(default_factory=dict)
