"""Cases for clip-loss: the worked example, a batch of one, a batch with two identical texts, the
scales CLIP uses (1/0.07 at initialisation, 100 at the clamp), and seeded random batches with
embeddings of various norms (normalisation must matter)."""

import numpy as np

from mianjing.problems.case import Case

LOG_INIT = float(np.log(1 / 0.07))  # CLIP's initial logit scale
LOG_MAX = float(np.log(100.0))      # CLIP clamps the scale at 100


def f32(a) -> np.ndarray:
    return np.asarray(a, dtype=np.float64).astype(np.float32).astype(np.float64)


def emb(rng, n, d):
    """Rows with norms from 0.3 to 10, so a missing normalisation shows."""
    x = rng.standard_normal((n, d))
    return f32(x * rng.uniform(0.3, 10.0, size=(n, 1)))


def make(img, txt, scale):
    return {"image_emb": f32(img), "text_emb": f32(txt), "logit_scale": f32(np.array(scale))}


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", make(np.array([[1.0, 0.0], [0.0, 1.0]]), np.array([[1.0, 0.0], [1.0, 1.0]]), 0.0),
             hidden=False),
        Case("example-2", make(np.array([[2.0, 0.0], [0.0, 3.0], [1.0, 1.0]]),
                               np.array([[1.0, 0.1], [0.0, 1.0], [1.0, 1.0]]), LOG_INIT), hidden=False),
        Case("edge-batch-1", make(emb(rng, 1, 8), emb(rng, 1, 8), LOG_INIT), note="N = 1: the loss is 0"),
        Case("edge-duplicate-texts", make(emb(rng, 4, 6), np.repeat(emb(rng, 2, 6), 2, axis=0), 1.0),
             note="texts 0 and 1 identical, as are 2 and 3"),
        Case("edge-max-scale", make(emb(rng, 6, 16), emb(rng, 6, 16), LOG_MAX), note="logit scale 100 (CLIP's clamp)"),
        Case("edge-aligned", make(*(lambda e: (e, e * rng.uniform(0.5, 2.0, size=(5, 1))))(emb(rng, 5, 12)), LOG_INIT),
             note="every text a rescaled copy of its image"),
        Case("edge-negative-log-scale", make(emb(rng, 4, 3), emb(rng, 4, 3), -1.0), note="logit_scale = -1"),
    ]
    for k in range(6):
        n, d = int(rng.integers(2, 17)), int(rng.integers(2, 33))
        scale = float(rng.choice([0.0, LOG_INIT, LOG_MAX, float(rng.uniform(0, 4.6))]))
        out.append(Case(f"random-{k + 1}", make(emb(rng, n, d), emb(rng, n, d), scale)))
    return out
