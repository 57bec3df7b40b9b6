"""Cases for grpo-loss: the worked example in both averaging modes, a group with equal rewards
(std 0), ratios clipped on both sides, very different answer lengths, beta = 0, the on-policy first
step, and seeded random batches with binary or continuous rewards."""

import numpy as np

from mianjing.problems.case import Case

EX = {
    "logp": np.array([[-1.0, -2.0, -0.5], [-0.2, -1.5, -3.0]]),
    "old_logp": np.array([[-1.2, -2.0, -0.5], [-0.2, -1.0, -3.0]]),
    "ref_logp": np.array([[-1.0, -1.5, -0.5], [-0.5, -1.5, -3.0]]),
    "rewards": np.array([1.0, 0.0]),
    "mask": np.array([[True, True, False], [True, True, True]]),
    "group_size": 2,
}


def _mask(rng, b, t, min_len=1):
    """Each answer is a contiguous run of tokens after a prompt of random length."""
    m = np.zeros((b, t), dtype=bool)
    for i in range(b):
        length = int(rng.integers(min_len, t + 1))
        start = int(rng.integers(0, t - length + 1))
        m[i, start:start + length] = True
    return m


def _batch(rng, n_groups, g, t, drift=0.3, binary=True):
    b = n_groups * g
    logp = -rng.exponential(1.0, size=(b, t))  # per-token log-probs are <= 0
    old = logp + rng.standard_normal((b, t)) * drift
    ref = logp + rng.standard_normal((b, t)) * drift
    rewards = rng.integers(0, 2, size=b).astype(np.float64) if binary else rng.standard_normal(b) * 2.0
    return {"logp": logp, "old_logp": old, "ref_logp": ref, "rewards": rewards, "mask": _mask(rng, b, t),
            "group_size": g}


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {**EX, "clip_eps": 0.2, "beta": 0.04, "token_level": False}, hidden=False),
        Case("example-2", {**EX, "clip_eps": 0.2, "beta": 0.04, "token_level": True}, hidden=False),
    ]
    x = _batch(rng, 2, 4, 6)
    x["rewards"] = np.array([1.0, 1.0, 1.0, 1.0, 0.0, 1.0, 0.0, 0.0])
    out.append(Case("edge-equal-rewards", {**x, "clip_eps": 0.2, "beta": 0.04, "token_level": False},
                    note="the first group's rewards are all equal: std 0, advantages 0"))
    # ratios far outside [1 - eps, 1 + eps] on both sides, with positive and negative advantages
    x = _batch(rng, 1, 4, 5, binary=False)
    x["old_logp"] = x["logp"] + np.array([[0.7], [-0.7], [0.7], [-0.7]])
    x["rewards"] = np.array([2.0, 1.0, -1.0, -0.5])
    out.append(Case("edge-ratios-clipped", {**x, "clip_eps": 0.2, "beta": 0.04, "token_level": False},
                    note="ratios of about 0.5 and 2 with both signs of advantage"))
    x = _batch(rng, 2, 3, 10)
    x["mask"][:] = False
    x["mask"][0, :1] = True
    x["mask"][1, :10] = True
    x["mask"][2, 2:5] = True
    x["mask"][3, 9:] = True
    x["mask"][4, :] = True
    x["mask"][5, 3:4] = True
    x["rewards"] = np.array([1.0, 0.0, 0.0, 1.0, 1.0, 0.0])
    out.append(Case("edge-lengths-differ", {**x, "clip_eps": 0.2, "beta": 0.04, "token_level": False},
                    note="answers of 1 to 10 tokens: per-answer averaging"))
    out.append(Case("edge-lengths-differ-token-level", {**x, "clip_eps": 0.2, "beta": 0.04, "token_level": True},
                    note="answers of 1 to 10 tokens: token-level averaging"))
    out.append(Case("edge-beta-zero", {**_batch(rng, 2, 4, 5), "clip_eps": 0.2, "beta": 0.0, "token_level": False}))
    x = _batch(rng, 2, 4, 6, binary=False)
    x["old_logp"] = x["logp"].copy()
    out.append(Case("edge-on-policy", {**x, "clip_eps": 0.2, "beta": 0.04, "token_level": False},
                    note="old policy equals the current one (ratio 1)"))
    for k in range(6):
        g = int(rng.integers(2, 9))
        x = _batch(rng, int(rng.integers(1, 4)), g, int(rng.integers(3, 13)),
                   drift=float(rng.choice([0.05, 0.3, 1.0])), binary=bool(rng.integers(0, 2)))
        out.append(Case(f"random-{k + 1}", {**x, "clip_eps": float(rng.choice([0.1, 0.2, 0.28])),
                                            "beta": float(rng.choice([0.0, 0.04, 0.1])),
                                            "token_level": bool(k % 2)}))
    return out
