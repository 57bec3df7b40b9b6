"""Cases for valid-parentheses: the examples, single brackets, crossings, unclosed openers, closers
with no opener, deep nesting, random valid and invalid strings, and a complexity series of deeply
nested strings."""

import numpy as np

from mianjing.problems.case import Case

OPEN, CLOSE = "([{", ")]}"


def _valid(rng: np.random.Generator, pairs: int) -> str:
    """A random well-formed string with `pairs` pairs, mixing nesting and sequence."""
    out, stack = [], []
    while pairs or stack:
        if pairs and (not stack or rng.random() < 0.55):
            k = int(rng.integers(0, 3))
            out.append(OPEN[k])
            stack.append(k)
            pairs -= 1
        else:
            out.append(CLOSE[stack.pop()])
    return "".join(out)


def _spoil(rng: np.random.Generator, s: str) -> str:
    i = int(rng.integers(0, len(s)))
    return s[:i] + "([{)]}"[int(rng.integers(0, 6))] + s[i + 1:]


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"s": "[]"}, hidden=False),
        Case("example-2", {"s": "{}()[]"}, hidden=False),
        Case("example-3", {"s": "{)"}, hidden=False),
        Case("example-4", {"s": "[{}]"}, hidden=False),
        Case("edge-crossing", {"s": "([)]"}, note="balanced counts, crossing pairs"),
        Case("edge-one-opener", {"s": "{"}),
        Case("edge-one-closer", {"s": "]"}, note="a closer with nothing to close"),
        Case("edge-unclosed", {"s": "(()"}),
        Case("edge-closer-first", {"s": ")("}),
        Case("edge-deep", {"s": "{[(" * 50 + ")]}" * 50}),
    ]
    for k in range(10):
        s = _valid(rng, int(rng.integers(1, 25)))
        out.append(Case(f"random-{k + 1}", {"s": s if k % 2 == 0 else _spoil(rng, s)}))
    for k, n in enumerate((5_000, 10_000, 20_000, 40_000)):
        half = n // 2
        out.append(Case(f"large-{k + 1}", {"s": "".join(OPEN[i % 3] for i in range(half)) +
                                                "".join(CLOSE[i % 3] for i in reversed(range(half)))},
                        size=n, note=f"{n} characters, nested {half} deep"))
    return out
