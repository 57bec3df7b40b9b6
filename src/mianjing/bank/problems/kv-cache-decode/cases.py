"""Cases for kv-cache-decode: the worked example, a single prefill (plain causal attention),
token-by-token decoding from the first token, chunks after a prefix (where the causal mask must be
aligned to the end), one head, and seeded random schedules.

`check` compares the projection row counts first, so a cache that recomputes the past is told
which step and which projection did too much work; then the outputs fall back to the default
comparison."""

import numpy as np

from mianjing.checkers import CheckResult
from mianjing.problems.case import Case

NAMES = ("q", "k", "v", "o")


def _case(rng, b, d, n_heads, steps):
    t = sum(steps)
    return {"x": rng.standard_normal((b, t, d)), "wq": rng.standard_normal((d, d)) / np.sqrt(d),
            "wk": rng.standard_normal((d, d)) / np.sqrt(d), "wv": rng.standard_normal((d, d)) / np.sqrt(d),
            "wo": rng.standard_normal((d, d)) / np.sqrt(d), "n_heads": n_heads, "steps": steps,
            # a different offset per call on keys and values: a key computed again in a later call
            # is not the one the reference cached (see harness.py)
            "k_offsets": rng.standard_normal((len(steps), d)), "v_offsets": rng.standard_normal((len(steps), d))}


def cases(rng: np.random.Generator) -> list[Case]:
    eye = np.eye(2)
    ex = {"x": np.array([[[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]]), "wq": eye, "wk": eye, "wv": eye, "wo": eye,
          "n_heads": 1, "steps": [2, 1]}
    out = [Case("example-1", ex, hidden=False)]
    out.append(Case("edge-prefill-only", _case(rng, 2, 16, 4, [7]), note="one call with the whole sequence"))
    out.append(Case("edge-token-by-token", _case(rng, 2, 16, 2, [1] * 8), note="eight calls of one token"))
    out.append(Case("edge-chunks-after-prefix", _case(rng, 1, 8, 2, [4, 3, 1, 2, 1]),
                    note="multi-token chunks after a prefix: the causal mask must be aligned to the end"))
    out.append(Case("edge-one-head", _case(rng, 3, 8, 1, [2, 1, 1, 1])))
    out.append(Case("edge-many-heads", _case(rng, 1, 32, 8, [5, 1, 1, 1, 1]), note="8 heads of size 4"))
    for k in range(5):
        steps = [int(rng.integers(1, 7))] + [int(s) for s in rng.choice([1, 1, 1, 2, 3], size=int(rng.integers(2, 7)))]
        n_heads = int(rng.choice([1, 2, 4]))
        out.append(Case(f"random-{k + 1}", _case(rng, int(rng.integers(1, 4)), n_heads * int(rng.choice([2, 4, 8])),
                                                 n_heads, steps)))
    return out


def check(case: Case, expected, got):
    """Counts first (a diagnostic for honest mistakes: they are kept in the worker, which a hostile
    submission controls), then the outputs, which the per-call offsets make depend on the cache."""
    exp_rows, got_rows = expected["rows"], got.get("rows")
    if got_rows == exp_rows:
        return None  # counts are right: compare the outputs as usual
    if not (isinstance(got_rows, list) and len(got_rows) == len(exp_rows)
            and all(isinstance(g, list) and len(g) == 4 and all(type(n) is int for n in g) for g in got_rows)):
        return CheckResult.failed("the projection counts could not be read")
    steps = case.inputs["steps"]
    for i, (e, g) in enumerate(zip(exp_rows, got_rows)):
        if e != g:
            j = next(j for j in range(4) if e[j] != g[j])
            return CheckResult.failed(
                f"step {i + 1} ({steps[i]} new token(s), {sum(steps[:i])} cached): proj.{NAMES[j]} was applied to "
                f"{g[j]} token rows, expected {e[j]} (batch x new tokens). "
                + ("Past keys and values must come from the cache, not be recomputed."
                   if g[j] > e[j] else "Every new token must go through each projection exactly once.")
            )
    return CheckResult.failed("the projection counts differ")
