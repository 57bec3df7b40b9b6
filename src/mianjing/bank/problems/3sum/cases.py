"""Cases for 3sum: the examples, all zeros, repeated values used twice, no solution, negatives only,
extremes, random arrays with many repeats, and a complexity series on which the O(n^2) two-pointer
scan passes and trying all triples does not.

Triplets may come in any order and the values in a triplet in any order; `check` compares both
sides as sorted lists of sorted triplets and names the first problem (a duplicate, a wrong sum, a
missing triplet)."""

from collections import Counter

import numpy as np

from mianjing.checkers import CheckResult
from mianjing.problems.case import Case

TOP = 10**5


def _ints(a) -> list[int]:
    return [int(v) for v in a]


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"nums": [-2, 0, 1, 1, 2, -1, -3]}, hidden=False),
        Case("example-2", {"nums": [1, 2, -4]}, hidden=False),
        Case("example-3", {"nums": [0, 0, 0]}, hidden=False),
        Case("edge-many-zeros", {"nums": [0] * 10}, note="one triplet, however many zeros"),
        Case("edge-repeats", {"nums": [-2, 0, 0, 2, 2, -2, 1, 1, -1]}, note="equal second and third values"),
        Case("edge-value-twice", {"nums": [-1, -1, 2, 2, -4]}, note="[-1, -1, 2] and [-4, 2, 2]"),
        Case("edge-negatives-only", {"nums": [-3, -2, -1, -5]}),
        Case("edge-positives-only", {"nums": [1, 2, 3, 4]}),
        Case("edge-extremes", {"nums": [TOP, -TOP, 0, TOP // 2, TOP // 2, -TOP]}),
        Case("edge-three-elements", {"nums": [5, -3, -2]}),
    ]
    for k in range(8):
        n = int(rng.integers(3, 40))
        hi = 6 if k < 4 else 50  # a narrow range: many repeats, many duplicate candidates
        out.append(Case(f"random-{k + 1}", {"nums": _ints(rng.integers(-hi, hi + 1, size=n))}))
    out.append(Case("random-dense", {"nums": _ints(rng.integers(-30, 31, size=300))}, note="300 values in [-30, 30]"))
    for k, n in enumerate((75, 150, 300, 600)):
        out.append(Case(f"large-{k + 1}", {"nums": _ints(rng.integers(-TOP, TOP + 1, size=n))}, size=n,
                        note=f"{n} numbers"))
    return out


def check(case: Case, expected, got) -> CheckResult:
    answer = got.get("out")
    if not isinstance(answer, list) or not all(
        isinstance(t, list) and len(t) == 3 and all(type(v) is int for v in t) for t in answer
    ):
        return CheckResult.failed("expected a list of triplets, each a list of three ints")
    available = Counter(case.inputs["nums"])
    seen: set[tuple[int, int, int]] = set()
    for t in answer:
        key = tuple(sorted(t))
        shown = "" if case.hidden else f" {list(key)}"
        if sum(key) != 0:
            return CheckResult.failed(f"a triplet{shown} sums to {sum(key)}, not 0")
        if any(Counter(key)[v] > available[v] for v in key):
            return CheckResult.failed(f"a triplet{shown} uses a value more often than nums holds it")
        if key in seen:
            return CheckResult.failed(f"the triplet{shown} is reported twice: each distinct triplet once")
        seen.add(key)
    want = {tuple(sorted(t)) for t in expected["out"]}
    missing = want - seen
    if missing:
        shown = "" if case.hidden else f", e.g. {list(min(missing))}"
        return CheckResult.failed(f"{len(missing)} of the {len(want)} triplets are missing{shown}")
    return CheckResult.passed()
