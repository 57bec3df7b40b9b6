"""Cases for search-rotated: the examples, tiny arrays, every rotation of a small array, random
arrays queried with present and absent targets, and a complexity series of large arrays each
queried with thousands of targets."""

import numpy as np

from mianjing.problems.case import Case

QUERIES = 3000  # calls per large case
GRID0, STEP = -10**9, 7919  # values are drawn from GRID0 + STEP * k, so off-grid numbers are absent


def _rotated(rng: np.random.Generator, n: int, k: int | None = None) -> list[int]:
    vals = np.sort(rng.choice(np.arange(GRID0, 10**9, STEP), size=n, replace=False))
    if k is None:
        k = int(rng.integers(0, n))
    return [int(v) for v in np.concatenate([vals[k:], vals[:k]])]


def _targets(rng: np.random.Generator, nums: list[int], q: int) -> list[int]:
    """About half present (including both ends), half absent (between, below and above all values)."""
    out = [nums[0], nums[-1], min(nums), max(nums), min(nums) - 1, max(nums) + 1]
    for _ in range(q - len(out)):
        u = rng.random()
        if u < 0.5:
            out.append(nums[int(rng.integers(0, len(nums)))])
        elif u < 0.75:
            out.append(nums[int(rng.integers(0, len(nums)))] + 1)  # between two values: absent
        else:
            t = int(rng.integers(-10**9, 10**9))
            out.append(t + 1 if (t - GRID0) % STEP == 0 else t)  # off the grid of values: absent
    return out


def _case(name: str, nums: list[int], targets: list[int], **kw) -> Case:
    return Case(name, {"nums": nums, "targets": targets}, **kw)


def cases(rng: np.random.Generator) -> list[Case]:
    base = [0, 1, 2, 4, 5, 6, 7]
    out = [
        _case("example-1", [5, 7, 9, 11, 1, 2, 4], [2], hidden=False),
        _case("example-2", [5, 7, 9, 11, 1, 2, 4], [6], hidden=False),
        _case("example-3", [3], [8], hidden=False),
        _case("example-4", [8, 2, 6], [8], hidden=False),
        _case("edge-single-found", [1], [1]),
        _case("edge-two-rotated", [3, 1], [1, 3, 2, 0, 4]),
        _case("edge-two-sorted", [1, 3], [1, 3, 2, 0, 4]),
        _case("edge-not-rotated", list(range(1, 11)), list(range(0, 12)), note="an array that is not rotated"),
        _case("edge-negative", [-3, -1, 8, -20, -9], [-20, -9, -3, -1, 8, 0, -2, 9, -21]),
    ]
    for k in range(len(base)):
        rot = base[k:] + base[:k]
        out.append(_case(f"edge-rotation-{k}", rot, list(range(-1, 9)), note=f"[0..7] without 3, rotated by {k}"))
    for k in range(8):
        n = int(rng.integers(1, 200))
        nums = _rotated(rng, n)
        out.append(_case(f"random-{k + 1}", nums, _targets(rng, nums, 60)))
    for k, n in enumerate((4096, 8192, 16384, 32768, 65536)):  # 65536: a linear scan is 2-3x over the limit
        nums = _rotated(rng, n)
        out.append(_case(f"large-{k + 1}", nums, _targets(rng, nums, QUERIES), size=n,
                         note=f"{n} numbers, {QUERIES} calls"))
    return out
