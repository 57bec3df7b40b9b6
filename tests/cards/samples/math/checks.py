"""Checks of the sample cards (tests only)."""

import numpy as np


def kl_equals_ce_minus_entropy() -> None:
    """KL(p||q) = H(p, q) - H(p) on random distributions."""
    rng = np.random.default_rng(0)
    for _ in range(20):
        p = rng.random(7) + 1e-3
        q = rng.random(7) + 1e-3
        p, q = p / p.sum(), q / q.sum()
        kl = float(np.sum(p * np.log(p / q)))
        ce = float(-np.sum(p * np.log(q)))
        h = float(-np.sum(p * np.log(p)))
        assert kl >= 0
        assert abs(kl - (ce - h)) < 1e-12, (kl, ce, h)


def vit_patches_224_16() -> None:
    """A 224x224 image cut into 16x16 patches gives 196 patches."""
    img = np.zeros((224, 224, 3))
    patches = img.reshape(14, 16, 14, 16, 3).transpose(0, 2, 1, 3, 4).reshape(-1, 16 * 16 * 3)
    assert patches.shape[0] == (224 // 16) ** 2 == 196
