"""Runnable checks for the data cards: data mixing, distillation data rules, anomaly detection.

Each function recomputes a claim from its definition (numpy only) and asserts.
"""

from __future__ import annotations

import re


def temperature_sampling_mix() -> None:
    """Mixing by p_i proportional to n_i^alpha (mT5 uses alpha = 0.3): alpha = 1 samples in
    proportion to size, alpha = 0 uniformly, in between up-weights the small source. Also the
    replay arithmetic: to make general data 20% of an epoch of 40k domain samples you add 10k."""
    import numpy as np

    n = np.array([1_000_000.0, 50_000.0])  # general, domain

    def mix(alpha):
        w = n**alpha
        return w / w.sum()

    assert np.allclose(mix(1.0), n / n.sum())
    assert np.allclose(mix(0.0), [0.5, 0.5])
    p03 = mix(0.3)
    assert n[1] / n.sum() < p03[1] < 0.5  # small source up-weighted but not to parity
    assert abs(p03[1] - 50_000**0.3 / (1_000_000**0.3 + 50_000**0.3)) < 1e-12
    # the card's figures: the domain share is 4.8% at alpha=1, about 29% at 0.3, 50% at 0
    assert round(100 * mix(1.0)[1], 1) == 4.8 and round(100 * p03[1]) == 29 and mix(0.0)[1] == 0.5
    # fraction f of general data in a mix with D domain samples: G = f D / (1 - f)
    D, f = 40_000, 0.2
    G = f * D / (1 - f)
    assert G == 10_000 and G / (G + D) == f


def kimi_length_penalty() -> None:
    """Kimi k1.5 §2.3.3 length reward over the k sampled answers to one prompt:
    lambda = 0.5 - (len - min_len) / (max_len - min_len); a correct answer gets lambda, a wrong one
    min(0, lambda). The shortest correct answer gets +0.5, the longest -0.5, a wrong answer is never
    rewarded for being short."""
    lengths = [120, 400, 800, 1600, 3000]
    correct = [True, False, True, False, True]
    lo, hi = min(lengths), max(lengths)

    def reward(length, ok):
        lam = 0.5 - (length - lo) / (hi - lo)
        return lam if ok else min(0.0, lam)

    rs = [reward(L, c) for L, c in zip(lengths, correct)]
    assert rs[0] == 0.5 and rs[4] == -0.5
    assert rs[1] == 0.0  # short but wrong: no bonus
    assert rs[3] < 0  # long and wrong: penalised
    assert all(r <= 0 for r, c in zip(rs, correct) if not c)
    # among correct answers, shorter always scores higher
    rc = [r for r, c in zip(rs, correct) if c]
    assert rc == sorted(rc, reverse=True)
    # when every answer has the same length the paper sets the penalty to zero (avoid 0/0)
    assert hi != lo


_THINK_ANSWER = re.compile(r"\A<think>\n(?P<think>.+?)\n</think>\n<answer>\n(?P<answer>.+?)\n</answer>\Z", re.S)


def think_answer_format_filter() -> None:
    """A format rule for distillation/RL data: exactly one <think>...</think> followed by one
    <answer>...</answer>, nothing outside; samples that fail are dropped (or get format reward 0)."""
    good = "<think>\n2+2: add the units.\n</think>\n<answer>\n4\n</answer>"
    bad = [
        "<answer>\n4\n</answer>",  # no reasoning
        "<think>\nx\n</think>\n<answer>\n4\n</answer>\nextra",  # trailing text
        "<think>\nx\n</think>\n<think>\ny\n</think>\n<answer>\n4\n</answer>",  # two think blocks
        "<think>\nx\n<answer>\n4\n</answer>",  # unclosed think
    ]

    def ok(s):
        m = _THINK_ANSWER.match(s)
        return bool(m) and "<think>" not in m.group("think") and "</think>" not in m.group("answer")

    assert ok(good) and _THINK_ANSWER.match(good).group("answer") == "4"
    assert not any(ok(b) for b in bad)


def robust_zscore_finds_injected_anomalies() -> None:
    """MAD * 1.4826 estimates sigma for normal data (1/Phi^-1(3/4)); a robust z-score
    (x - median) / (1.4826 MAD) flags injected outliers that inflate the plain std enough to hide
    themselves from the classic z-score (masking)."""
    import numpy as np
    from statistics import NormalDist

    assert abs(1 / NormalDist().inv_cdf(0.75) - 1.4826) < 1e-4
    rng = np.random.default_rng(0)
    x = rng.normal(0, 1, 200_000)
    mad = np.median(np.abs(x - np.median(x)))
    assert abs(1.4826 * mad - 1.0) < 0.01
    # a column with 2% gross outliers
    y = rng.normal(10, 1, 1000)
    bad = rng.choice(1000, 20, replace=False)
    y[bad] = 10 + rng.uniform(4, 6, 20) * rng.choice([-1, 1], 20)
    z = (y - y.mean()) / y.std()
    med = np.median(y)
    rz = (y - med) / (1.4826 * np.median(np.abs(y - med)))
    flagged_classic = set(np.where(np.abs(z) > 3.5)[0])
    flagged_robust = set(np.where(np.abs(rz) > 3.5)[0])
    assert set(bad) <= flagged_robust and len(flagged_robust - set(bad)) <= 2
    assert len(set(bad) - flagged_classic) > 0  # the plain z-score misses some (masking)


def isolation_depth_shorter_for_outliers() -> None:
    """Isolation Forest idea (Liu et al. 2008): random axis-parallel splits isolate an outlier in
    fewer splits than an inlier; the average path length c(n) = 2 H(n-1) - 2 (n-1)/n normalises it."""
    import numpy as np

    rng = np.random.default_rng(0)
    X = rng.normal(0, 1, size=(255, 8))
    X = np.vstack([X, np.full((1, 8), 6.0)])  # one outlier, index 255

    def depth(x, data, d=0, limit=12):
        if len(data) <= 1 or d >= limit:
            return d
        j = rng.integers(data.shape[1])
        lo, hi = data[:, j].min(), data[:, j].max()
        if lo == hi:
            return d
        s = rng.uniform(lo, hi)
        side = data[:, j] < s
        return depth(x, data[side] if x[j] < s else data[~side], d + 1, limit)

    def mean_depth(i, trees=150):
        return np.mean([depth(X[i], X[rng.choice(len(X), 128, replace=False)] if i != 255 else np.vstack([X[rng.choice(255, 127, replace=False)], X[255:]])) for _ in range(trees)])

    out_d = mean_depth(255)
    in_d = np.mean([mean_depth(i, 40) for i in range(5)])
    assert out_d < 0.6 * in_d, (out_d, in_d)
    H = lambda n: sum(1 / k for k in range(1, n + 1))  # noqa: E731
    c = 2 * H(127) - 2 * 127 / 128
    assert 8.8 < c < 8.95  # c(128): average path length of an unsuccessful BST search over 128 points
    assert out_d < c < in_d + 2  # the outlier's depth is well below c(n)
