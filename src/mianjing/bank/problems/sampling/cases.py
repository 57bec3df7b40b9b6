"""Cases for sampling: the worked examples, greedy decoding with tied maxima, top-k = 1 and = V,
a tiny top-p, huge logits, the crossing token of the nucleus, and seeded random batches.

Float32 and float64 can disagree on which side of a threshold a value falls when it sits within
rounding error of it; every generated case keeps a margin of MARGIN between each cumulative sum and
both top_p and u, redrawing u (or nudging top_p) until it does."""

import numpy as np

from mianjing.problems.case import Case

MARGIN = 1e-4


def _np_probs(logits, temperature, top_k, top_p):
    """The statement's distribution in numpy (float64) and the exclusive cumulative sums used by top-p."""
    b, v = logits.shape
    z = logits / temperature
    order = np.argsort(-z, axis=-1, kind="stable")
    rank = np.empty_like(order)
    np.put_along_axis(rank, order, np.broadcast_to(np.arange(v), (b, v)).copy(), axis=-1)
    keep = np.ones((b, v), dtype=bool)
    if 0 < top_k < v:
        keep &= rank < top_k
    z = np.where(keep, z, -np.inf)
    p = np.exp(z - z.max(axis=-1, keepdims=True))
    p /= p.sum(axis=-1, keepdims=True)
    before = np.take_along_axis(p, order, axis=-1)
    before = np.cumsum(before, axis=-1) - before
    if top_p < 1.0:
        keep &= np.take_along_axis(before < top_p, rank, axis=-1)
        p = np.where(keep, p, 0.0)
        p /= p.sum(axis=-1, keepdims=True)
    return p, before


def _distinct(logits, temperature):
    """No two scaled logits of a row so close that float32 could order them differently."""
    z = np.sort(logits / temperature, axis=-1)
    return logits.shape[-1] < 2 or np.min(np.diff(z, axis=-1)) > MARGIN


def _safe(rng, make_logits, temperature, top_k, top_p):
    """Draw logits until no two are nearly tied, then u (and nudge top_p) until no threshold is
    within MARGIN of a cumulative sum."""
    logits = make_logits()
    for _ in range(200):
        if temperature > 0 and not _distinct(logits, temperature):
            logits = make_logits()
            continue
        if temperature == 0:
            return {"logits": logits, "u": rng.random(logits.shape[0]), "temperature": 0.0,
                    "top_k": top_k, "top_p": top_p}
        p, before = _np_probs(logits, temperature, top_k, top_p)
        if top_p < 1.0 and np.min(np.abs(before - top_p)) < MARGIN:
            top_p = float(np.clip(top_p + rng.uniform(-0.02, 0.02), 0.05, 0.99))
            continue
        u = rng.random(logits.shape[0])
        if np.min(np.abs(np.cumsum(p, axis=-1) - u[:, None])) > MARGIN:
            return {"logits": logits, "u": u, "temperature": temperature, "top_k": top_k, "top_p": top_p}
    raise RuntimeError("sampling cases: could not keep the margin")


EX = np.array([[2.0, 1.0, 0.5, 3.0, -1.0]])


def cases(rng: np.random.Generator) -> list[Case]:
    def ex(u, t, k, p):
        return {"logits": EX, "u": np.array([u]), "temperature": t, "top_k": k, "top_p": p}

    out = [
        Case("example-1", ex(0.3, 1.0, 0, 1.0), hidden=False),
        Case("example-2", ex(0.3, 1.0, 3, 1.0), hidden=False),
        Case("example-3", ex(0.2, 1.0, 0, 0.8), hidden=False),
        Case("example-4", ex(0.3, 0.0, 0, 1.0), hidden=False),
        Case("example-5", ex(0.1, 0.5, 0, 1.0), hidden=False),
    ]
    tied = rng.standard_normal((4, 9))
    tied[:, 6] = tied[:, 2] = tied.max(axis=-1) + 1.0  # two equal maxima: the lower id wins
    out.append(Case("edge-greedy-ties", {"logits": tied, "u": rng.random(4), "temperature": 0.0, "top_k": 0,
                                         "top_p": 1.0}, note="temperature 0 with tied maxima"))
    out.append(Case("edge-top-k-1", _safe(rng, lambda: rng.standard_normal((5, 12)) * 2, 1.0, 1, 1.0),
                    note="top_k = 1"))
    out.append(Case("edge-top-k-all", _safe(rng, lambda: rng.standard_normal((3, 7)), 1.0, 7, 1.0),
                    note="top_k = V keeps everything"))
    out.append(Case("edge-tiny-top-p", _safe(rng, lambda: rng.standard_normal((4, 10)), 1.0, 0, 0.01),
                    note="top_p = 0.01: only the most likely token survives"))
    out.append(Case("edge-huge-logits", _safe(rng, lambda: rng.standard_normal((3, 16)) * 1e4, 0.7, 0, 1.0),
                    note="logits around +-1e4: the softmax must be stable"))
    out.append(Case("edge-huge-negative-top-k",
                    _safe(rng, lambda: rng.standard_normal((3, 16)) * 1e3 - 3e4, 1.0, 4, 1.0),
                    note="logits around -3e4 with top_k = 4: a finite stand-in for -inf such as -1e4 would "
                         "outrank every real token"))
    # one token dominates just below top_p: the next one crosses the threshold and must stay
    x = np.log(np.array([[0.55, 0.25, 0.1, 0.06, 0.04], [0.05, 0.1, 0.6, 0.2, 0.05]]))
    out.append(Case("edge-crossing-token", {"logits": x, "u": np.array([0.7, 0.3]), "temperature": 1.0,
                                            "top_k": 0, "top_p": 0.7},
                    note="cumulative 0.55 then 0.80 against top_p = 0.7"))
    # top-k first: renormalised, the best token alone reaches top_p (on the full softmax it would not);
    # renormalised masses 0.571 and 0.517 keep the statement's 1e-4 margin from top_p = 0.5
    x = np.log(np.array([[0.1, 0.4, 0.2, 0.3], [0.3, 0.28, 0.27, 0.15]]))
    out.append(Case("edge-top-k-then-top-p", {"logits": x, "u": np.array([0.35, 0.62]), "temperature": 1.0,
                                              "top_k": 2, "top_p": 0.5},
                    note="top-p applies to the distribution renormalised after top-k"))
    out.append(Case("edge-high-temperature", _safe(rng, lambda: rng.standard_normal((4, 20)) * 3, 2.5, 5, 0.9)))
    for k in range(8):
        b, v = int(rng.integers(1, 6)), int(rng.integers(2, 50))
        spread = float(rng.choice([0.5, 2.0, 5.0]))
        t = float(rng.choice([0.3, 0.7, 1.0, 1.5]))
        top_k = int(rng.choice([0, 0, int(rng.integers(1, v + 1))]))
        top_p = float(rng.choice([1.0, 0.5, 0.9, 0.95]))
        out.append(Case(f"random-{k + 1}", _safe(rng, lambda: rng.standard_normal((b, v)) * spread, t, top_k, top_p)))
    return out
