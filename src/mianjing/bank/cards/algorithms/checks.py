"""Runnable checks for the hand-written square root cards (binary search, Newton's method, the
fast inverse square root). No arguments, no return value, AssertionError when a claim fails."""

from __future__ import annotations

import math


def _isqrt_binary(x: int) -> tuple[int, int]:
    """LeetCode 69 by binary search on the answer; returns (floor(sqrt(x)), iterations)."""
    if x < 2:
        return x, 0
    lo, hi, ans, steps = 1, x // 2, 1, 0  # for x >= 2, sqrt(x) <= x/2
    while lo <= hi:
        steps += 1
        mid = (lo + hi) // 2
        if mid <= x // mid:  # mid*mid <= x, written so that it cannot overflow
            ans, lo = mid, mid + 1
        else:
            hi = mid - 1
    return ans, steps


def isqrt_binary_search() -> None:
    """Binary search on [0, x] returns floor(sqrt(x)) for every x and needs about log2(x) steps
    (at most 32 for 32-bit inputs); the test mid <= x // mid avoids overflowing mid*mid."""
    import random

    for x in list(range(0, 3000)) + [2**31 - 1, 2**31 - 2, 10**9, 2147395599, 2147395600]:
        got, steps = _isqrt_binary(x)
        assert got == math.isqrt(x), x
        assert steps <= x.bit_length(), (x, steps)
    rng = random.Random(0)
    for _ in range(2000):
        x = rng.randrange(2**31)
        got, steps = _isqrt_binary(x)
        assert got == math.isqrt(x) and steps <= 32
    # the overflow the guard avoids: in 32-bit arithmetic mid*mid wraps for mid > 46340
    import numpy as np

    mids = np.array([46340, 46341], dtype=np.int32)
    squares = mids * mids  # real int32 arithmetic, as in C or Java
    limit = np.iinfo(np.int32).max
    assert squares[0] > 0 and squares[1] < 0  # 46341^2 wrapped negative
    assert [int(m) <= limit // int(m) for m in mids] == [True, False]  # the division guard sees it coming


def _sqrt_bisect(x: float, eps: float) -> tuple[float, int]:
    lo, hi, steps = 0.0, max(1.0, x), 0
    while hi - lo > eps:
        mid = (lo + hi) / 2
        if mid * mid <= x:
            lo = mid
        else:
            hi = mid
        steps += 1
    return lo, steps


def float_sqrt_bisection() -> None:
    """Bisection on [0, max(1, x)] reaches width eps after exactly ceil(log2(max(1,x)/eps)) steps;
    the upper bound must be at least 1 because sqrt(x) > x for 0 < x < 1."""
    for x in (0.0, 1e-6, 0.25, 0.5, 2.0, 10.0, 12345.678, 1e10):
        for eps in (1e-3, 1e-6, 1e-9):
            r, steps = _sqrt_bisect(x, eps)
            assert abs(r - math.sqrt(x)) <= eps, (x, eps)
            assert steps == math.ceil(math.log2(max(1.0, x) / eps)), (x, eps, steps)
    # why hi = x alone is wrong for x < 1: the root lies outside [0, x], so bisection there misses it
    for x in (0.25, 0.5, 1e-6):
        lo, hi = 0.0, x
        for _ in range(60):
            mid = (lo + hi) / 2
            lo, hi = (mid, hi) if mid * mid < x else (lo, mid)
        assert abs(hi - math.sqrt(x)) > 0.1 * math.sqrt(x), x


def newton_quadratic_convergence() -> None:
    """Newton on f(y) = y² - a gives y ← (y + a/y)/2 with e_{k+1} = e_k² / (2 y_k): the ratio
    e_{k+1}/e_k² tends to 1/(2√a), i.e. the number of correct digits roughly doubles each step.
    Measured with 200-digit decimals."""
    from decimal import Decimal, getcontext

    getcontext().prec = 200
    for a_int in (2, 10, 12345):
        a = Decimal(a_int)
        root = a.sqrt()
        y = a if a_int > 1 else Decimal(1)
        errs = []
        for _ in range(12):
            y = (y + a / y) / 2
            errs.append(y - root)
        assert all(e >= -Decimal(10) ** -190 for e in errs)  # after one step the iterate is always >= sqrt(a) (AM-GM)
        target = 1 / (2 * root)
        ratios = [errs[k + 1] / errs[k] ** 2 for k in range(len(errs) - 1) if errs[k] > Decimal(10) ** -90]
        assert abs(ratios[-1] / target - 1) < Decimal("1e-6"), (a_int, ratios[-1], target)
        # the exact identity holds at every step
        y = Decimal(3)
        for _ in range(5):
            e = y - root
            y_next = (y + a / y) / 2
            assert abs((y_next - root) - e * e / (2 * y)) < Decimal(10) ** -150
            y = y_next
    # digits double: from y0 = 1.5 for a = 2 the errors are about 2.5e-3, 2.1e-6, 1.6e-12, 9e-25, 3e-49
    a, root = Decimal(2), Decimal(2).sqrt()
    y, digits = Decimal("1.5"), []
    for _ in range(5):
        y = (y + a / y) / 2
        digits.append(int(-(y - root).log10()))
    assert digits == [2, 5, 11, 24, 48], digits


def _isqrt_newton(n: int) -> int:
    if n < 2:
        return n
    x = 1 << ((n.bit_length() + 1) // 2)  # a power of two >= sqrt(n)
    while True:
        y = (x + n // x) // 2
        if y >= x:
            return x
        x = y


def isqrt_newton_integer() -> None:
    """Integer Newton x ← (x + n//x)//2 from a start above sqrt(n) decreases monotonically and stops
    at floor(sqrt(n)); correct for small and very large n."""
    import random

    for n in range(0, 5000):
        assert _isqrt_newton(n) == math.isqrt(n), n
    rng = random.Random(1)
    for _ in range(300):
        n = rng.getrandbits(rng.randint(1, 400))
        assert _isqrt_newton(n) == math.isqrt(n)
    # the start matters: from x = 1 the first step jumps up and the stopping test fires at once
    n, x = 100, 1
    y = (x + n // x) // 2
    assert y >= x and x != math.isqrt(n)


def _fast_rsqrt(x, magic, newton_steps):
    import numpy as np

    x = np.asarray(x, dtype=np.float32)
    i = x.view(np.int32)
    y = (np.int32(magic) - (i >> 1)).view(np.float32)
    for _ in range(newton_steps):
        y = y * (np.float32(1.5) - np.float32(0.5) * x * y * y)
    return y


def fast_inverse_sqrt_error() -> None:
    """The float32 bit trick y = 0x5F3759DF - (bits(x) >> 1) approximates 1/sqrt(x) within 3.44%;
    one Newton step y(1.5 - 0.5·x·y²) brings the worst relative error to about 0.175%, a second to
    about 5e-6. Lomont's constant 0x5F375A86 is slightly better after one step."""
    import numpy as np

    x = (np.float32(2.0) ** np.linspace(-20, 20, 400001).astype(np.float32)).astype(np.float32)
    truth = 1 / np.sqrt(x.astype(np.float64))

    def worst(magic, steps):
        return float(np.abs(_fast_rsqrt(x, magic, steps).astype(np.float64) / truth - 1).max())

    e0, e1, e2 = (worst(0x5F3759DF, s) for s in (0, 1, 2))
    assert 0.033 < e0 < 0.0345, e0
    assert 0.00170 < e1 < 0.00176, e1
    assert e2 < 1e-5
    assert worst(0x5F375A86, 1) < e1
    # the card's worked example, x = 4
    bits = int(np.float32(4.0).view(np.int32))
    assert bits == 129 * 2**23 == 1082130432
    yb = 0x5F3759DF - (bits >> 1)
    assert yb == 1056397791 and (yb >> 23) & 0xFF == 125
    y0 = float(np.int32(yb).view(np.float32))
    assert abs(y0 - 0.4831) < 1e-4 and abs(y0 / 2**-2 - 1.9324) < 1e-4
    y1 = float(_fast_rsqrt(np.float32(4.0), 0x5F3759DF, 1))
    assert abs(y1 - 0.4992) < 1e-4 and abs(y1 / 0.5 - 1) < 0.002
    # the same derivation works in double precision with a 64-bit constant
    xd = 2.0 ** np.linspace(-200, 200, 200001)
    yd = (np.int64(0x5FE6EB50C7B537A9) - (xd.view(np.int64) >> 1)).view(np.float64)
    assert float(np.abs(yd * np.sqrt(xd) - 1).max()) < 0.035
    # why it works: the bits of a positive float, read as an integer, are about 2^23·(log2(x) + 127)
    for v in (0.1, 1.0, 3.0, 1000.0):
        bits = int(np.float32(v).view(np.int32))
        assert abs(bits / 2**23 - 127 - math.log2(v)) < 0.09


def exponent_halving_start() -> None:
    """A start from the float's exponent, y0 = 2^ceil(e/2) with x = m·2^e (frexp), lies within a
    factor 2 of sqrt(x), so Newton reaches double precision in at most 6 steps for any positive x."""
    import random

    rng = random.Random(2)
    for _ in range(3000):
        x = math.ldexp(rng.random() + 0.01, rng.randint(-300, 300))
        m, e = math.frexp(x)
        y = math.ldexp(1.0, (e + 1) // 2)
        assert 0.5 <= y / math.sqrt(x) <= 2.0
        for k in range(1, 7):
            y = 0.5 * (y + x / y)
            if abs(y - math.sqrt(x)) <= 4e-16 * math.sqrt(x):
                break
        assert abs(y - math.sqrt(x)) <= 4e-16 * math.sqrt(x), (x, k)
