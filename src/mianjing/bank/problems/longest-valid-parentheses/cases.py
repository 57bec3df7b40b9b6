"""Cases for longest-valid-parentheses: the examples, empty and one-character strings, runs that are
separated by a stray character, nested and sequential runs, a surplus of '(' before a valid run,
random strings, and a complexity series."""

import numpy as np

from mianjing.problems.case import Case


def _random(rng: np.random.Generator, n: int, p_open: float = 0.5) -> str:
    return "".join("(" if v < p_open else ")" for v in rng.random(n))


def _long_valid_runs(rng: np.random.Generator, n: int) -> str:
    """Balanced blocks joined by occasional stray ')': long valid runs, so every start scans far."""
    parts, size = [], 0
    while size < n:
        k = int(rng.integers(50, 400))
        block = "(" * k + ")" * k if rng.random() < 0.5 else "()" * k
        parts.append(block)
        size += len(block)
        if rng.random() < 0.2:
            parts.append(")")
            size += 1
    return "".join(parts)[:n]


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"s": "())"}, hidden=False),
        Case("example-2", {"s": "())(())"}, hidden=False),
        Case("example-3", {"s": ")("}, hidden=False),
        Case("edge-one-char", {"s": "("}),
        Case("edge-nested", {"s": "((()))"}),
        Case("edge-sequence", {"s": "()(())"}),
        Case("edge-separated", {"s": "()(()"}, note="two runs separated by an unmatched '('"),
        Case("edge-separated-close", {"s": "())()"}, note="two runs separated by an unmatched ')'"),
        Case("edge-open-surplus", {"s": "(((()"}, note="a valid run inside a surplus of '('"),
        Case("edge-all-close", {"s": ")))"}),
        Case("edge-valid-whole", {"s": "(()())(())"}),
    ]
    for k in range(8):
        out.append(Case(f"random-{k + 1}", {"s": _random(rng, int(rng.integers(1, 60)), 0.5 if k < 4 else 0.6)}))
    for k, n in enumerate((3_750, 7_500, 15_000, 30_000)):
        out.append(Case(f"large-{k + 1}", {"s": _long_valid_runs(rng, n)}, size=n, note=f"{n} characters"))
    return out
