"""Cases for sdpa: the worked examples, mask edge cases (fully masked rows, broadcasting, additive
biases with -inf), a custom scale, large scores, and seeded random shapes and masks."""

import numpy as np

from mianjing.problems.case import Case


def _qkv(rng, lead, lq, lk, d, dv, spread=1.0):
    return {
        "q": rng.standard_normal(lead + (lq, d)) * spread,
        "k": rng.standard_normal(lead + (lk, d)) * spread,
        "v": rng.standard_normal(lead + (lk, dv)),
    }


def _bool_mask(rng, shape, keep=0.7):
    return rng.random(shape) < keep


def _additive_mask(rng, shape, drop=0.25):
    bias = rng.standard_normal(shape)  # a finite bias, like ALiBi or a relative-position term
    return np.where(rng.random(shape) < drop, -np.inf, bias)


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"q": np.array([[1.0, 0.0]]), "k": np.array([[1.0, 0.0], [0.0, 1.0]]),
                           "v": np.array([[1.0, 2.0], [3.0, 4.0]]), "attn_mask": None, "scale": None},
             hidden=False),
        Case("example-2", {"q": np.array([[1.0, 0.0], [0.0, 1.0]]), "k": np.array([[1.0, 0.0], [0.0, 1.0]]),
                           "v": np.array([[1.0, 2.0], [3.0, 4.0]]),
                           "attn_mask": np.array([[True, False], [False, False]]), "scale": None},
             hidden=False),
        Case("example-3", {"q": np.array([[1.0, 0.0]]), "k": np.array([[1.0, 0.0], [0.0, 1.0]]),
                           "v": np.array([[1.0, 2.0], [3.0, 4.0]]),
                           "attn_mask": np.array([[0.0, -np.inf]]), "scale": None},
             hidden=False),
    ]

    # one query row with no visible key, boolean mask
    x = _qkv(rng, (2,), 4, 5, 8, 8)
    m = _bool_mask(rng, (2, 4, 5))
    m[0, 0, 0] = True
    m[1, 2, :] = False
    out.append(Case("edge-fully-masked-bool", {**x, "attn_mask": m, "scale": None},
                    note="boolean mask with one fully masked query row"))

    # the same with an additive mask that is -inf across a whole row
    x = _qkv(rng, (2,), 4, 6, 8, 4)
    m = _additive_mask(rng, (2, 4, 6))
    m[0, 1, :] = -np.inf
    m[1, :, 0] = 0.0
    m[1, 3, :] = -np.inf
    out.append(Case("edge-fully-masked-additive", {**x, "attn_mask": m, "scale": None},
                    note="additive mask with -inf over whole query rows"))

    # every row fully masked
    x = _qkv(rng, (1,), 3, 4, 4, 4)
    out.append(Case("edge-all-masked", {**x, "attn_mask": np.zeros((1, 3, 4), dtype=bool), "scale": None},
                    note="every key masked for every query"))

    # causal (lower-triangular) boolean mask broadcast over batch and heads
    t = 6
    x = _qkv(rng, (2, 3), t, t, 8, 8)
    out.append(Case("edge-causal-broadcast", {**x, "attn_mask": np.tril(np.ones((t, t), dtype=bool)), "scale": None},
                    note="causal (Lq, Lk) mask broadcast over (B, H)"))

    # additive bias that is finite everywhere (no -inf): must be added, not used as a keep-mask
    x = _qkv(rng, (2, 2), 5, 7, 8, 6)
    out.append(Case("edge-finite-bias", {**x, "attn_mask": rng.standard_normal((2, 1, 5, 7)) * 2.0, "scale": None},
                    note="finite additive bias of shape (B, 1, Lq, Lk)"))

    # key-padding style mask of shape (B, 1, 1, Lk)
    x = _qkv(rng, (3, 2), 4, 6, 8, 8)
    pad = np.ones((3, 1, 1, 6), dtype=bool)
    pad[0, ..., 4:] = False
    pad[2, ..., 1:] = False
    out.append(Case("edge-padding-broadcast", {**x, "attn_mask": pad, "scale": None},
                    note="boolean padding mask (B, 1, 1, Lk)"))

    x = _qkv(rng, (2,), 5, 5, 16, 8)
    out.append(Case("edge-custom-scale", {**x, "attn_mask": None, "scale": 0.3}, note="an explicit scale"))

    x = _qkv(rng, (2,), 4, 9, 8, 3, spread=8.0)
    out.append(Case("edge-large-scores", {**x, "attn_mask": None, "scale": None},
                    note="scores spread over hundreds: exp overflows float32 unless each row is shifted by its max"))

    for i in range(6):
        lead = tuple(int(s) for s in rng.integers(1, 4, size=int(rng.integers(0, 3))))
        lq, lk = int(rng.integers(1, 10)), int(rng.integers(1, 10))
        d, dv = int(rng.choice([4, 8, 16, 32])), int(rng.integers(1, 17))
        x = _qkv(rng, lead, lq, lk, d, dv)
        kind = ("none", "bool", "float")[i % 3]
        mask = None
        if kind == "bool":
            mask = _bool_mask(rng, lead + (lq, lk))
        elif kind == "float":
            mask = _additive_mask(rng, lead + (lq, lk))
        out.append(Case(f"random-{i + 1}", {**x, "attn_mask": mask, "scale": None}, note=f"mask: {kind}"))
    return out
