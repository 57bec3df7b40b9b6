"""Cases for longest-substring-no-repeat: the examples, window edge cases, random strings over
small and large alphabets (ASCII and beyond), and a complexity series of long strings whose
answer is long, so that restarting the scan at every index is quadratic."""

import numpy as np

from mianjing.problems.case import Case

ASCII = [chr(c) for c in range(32, 127)]
# distinct non-ASCII code points (Latin, Greek, Cyrillic, ..., CJK), no surrogates
WIDE_START = 0x100


def _rand(rng: np.random.Generator, n: int, alphabet: list[str]) -> str:
    return "".join(alphabet[i] for i in rng.integers(0, len(alphabet), size=n))


def _long_answer(rng: np.random.Generator, n: int) -> str:
    """n characters: shuffled blocks of n // 4 distinct wide characters, so the answer is about n / 4."""
    block = n // 4
    chars = [chr(WIDE_START + i) for i in range(block)]
    out = []
    while len(out) < n:
        out.extend(chars[i] for i in rng.permutation(block))
    return "".join(out[:n])


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"s": "xyzxyzzy"}, hidden=False),
        Case("example-2", {"s": "qqqq"}, hidden=False),
        Case("example-3", {"s": "dvvwvx"}, hidden=False),
        Case("example-4", {"s": ""}, hidden=False),
        Case("example-5", {"s": "面试面经题"}, hidden=False),
        Case("edge-single", {"s": "x"}),
        Case("edge-abba", {"s": "abba"}, note="an old occurrence left of the window must not move it back"),
        Case("edge-tmmzuxt", {"s": "tmmzuxt"}),
        Case("edge-spaces", {"s": "a b c a"}, note="spaces are characters too"),
        Case("edge-all-distinct", {"s": "".join(ASCII)}, note="every printable ASCII character once"),
        Case("edge-answer-at-end", {"s": "aab" + "cdefghij"}),
        Case("edge-emoji", {"s": "🙂🙃🙂x😀"}, note="characters outside the Basic Multilingual Plane"),
    ]
    for k in range(4):
        out.append(Case(f"random-small-alphabet-{k + 1}",
                        {"s": _rand(rng, int(rng.integers(1, 60)), list("abcde"))}))
    for k in range(4):
        out.append(Case(f"random-ascii-{k + 1}", {"s": _rand(rng, int(rng.integers(50, 400)), ASCII)}))
    for k in range(3):
        wide = [chr(WIDE_START + i) for i in range(int(rng.integers(20, 3000)))]
        out.append(Case(f"random-unicode-{k + 1}", {"s": _rand(rng, int(rng.integers(50, 2000)), wide)}))
    for k, n in enumerate((8_000, 16_000, 32_000, 64_000)):
        out.append(Case(f"large-{k + 1}", {"s": _long_answer(rng, n)}, size=n,
                        note=f"{n} characters, answer about {n // 4}"))
    return out
