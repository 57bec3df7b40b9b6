"""Cases for vit-patch-embed: the worked example, a non-square image, one patch covering the whole
image, 1 x 1 patches, three channels (the flattening order inside a patch shows), and seeded random
configurations. Parameters are random, so every one of them matters."""

import numpy as np

from mianjing.problems.case import Case


def _case(rng, b, c, h, w, p, d):
    n = (h // p) * (w // p)
    return {
        "init": {"image_size": [h, w], "patch_size": p, "in_channels": c, "embed_dim": d},
        "params": {
            "proj.weight": rng.standard_normal((d, c, p, p)) / p,
            "proj.bias": rng.standard_normal(d),
            "cls_token": rng.standard_normal((1, 1, d)),
            "pos_embed": rng.standard_normal((1, 1 + n, d)),
        },
        "x": rng.standard_normal((b, c, h, w)),
    }


def cases(rng: np.random.Generator) -> list[Case]:
    weight = np.zeros((2, 1, 2, 2))
    weight[0, 0, 0, 0] = 1.0  # feature 0: the patch's top-left pixel
    weight[1, 0] = 1.0  # feature 1: the sum of the patch
    pos = np.zeros((1, 5, 2))
    pos[0, 0] = [100.0, 100.0]
    pos[0, 1:, 0] = [0.1, 0.2, 0.3, 0.4]
    ex = {
        "init": {"image_size": [4, 4], "patch_size": 2, "in_channels": 1, "embed_dim": 2},
        "params": {"proj.weight": weight, "proj.bias": np.zeros(2), "cls_token": np.array([[[-1.0, -1.0]]]),
                   "pos_embed": pos},
        "x": np.arange(16, dtype=np.float64).reshape(1, 1, 4, 4),
    }
    out = [Case("example-1", ex, hidden=False)]
    out.append(Case("edge-non-square", _case(rng, 2, 3, 6, 10, 2, 8), note="H = 6, W = 10: a 3 x 5 patch grid"))
    out.append(Case("edge-one-patch", _case(rng, 2, 2, 4, 4, 4, 6), note="the patch is the whole image (N = 1)"))
    out.append(Case("edge-pixel-patches", _case(rng, 1, 3, 3, 4, 1, 5), note="patch_size = 1"))
    out.append(Case("edge-rgb", _case(rng, 2, 3, 8, 8, 4, 16), note="3 channels, 4 x 4 patches"))
    for k in range(5):
        p = int(rng.choice([1, 2, 3, 4]))
        gh, gw = int(rng.integers(1, 5)), int(rng.integers(1, 5))
        out.append(Case(f"random-{k + 1}", _case(rng, int(rng.integers(1, 4)), int(rng.integers(1, 4)),
                                                 gh * p, gw * p, p, int(rng.integers(2, 17)))))
    return out
