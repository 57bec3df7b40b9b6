"""Cases for ppo-loss: the worked example, ratios inside and outside the clip range with positive
and negative advantages, values that moved more than the value clip, rows of different lengths
(garbage in the padding), a fully padded row, no clipping at all (eps large), and seeded random
batches. Old log-probabilities sit near the current ones (ratios around 1, some clipped)."""

import numpy as np

from mianjing.problems.case import Case


def f32(a) -> np.ndarray:
    return np.asarray(a, dtype=np.float64).astype(np.float32).astype(np.float64)


def _log_softmax(z):
    z = z - z.max(-1, keepdims=True)
    return z - np.log(np.exp(z).sum(-1, keepdims=True))


def make(rng, B, T, V, lengths=None, drift=0.3, vdrift=0.3, **hp):
    logits = f32(rng.standard_normal((B, T, V)) * 1.5)
    actions = rng.integers(0, V, size=(B, T)).astype(np.int64)
    logp = np.take_along_axis(_log_softmax(logits), actions[..., None], -1)[..., 0]
    old_logprobs = f32(logp + rng.standard_normal((B, T)) * drift)
    advantages = f32(rng.standard_normal((B, T)))
    values = f32(rng.standard_normal((B, T)))
    old_values = f32(values + rng.standard_normal((B, T)) * vdrift)
    returns = f32(values + rng.standard_normal((B, T)))
    lengths = [int(rng.integers(1, T + 1)) for _ in range(B)] if lengths is None else lengths
    mask = np.zeros((B, T), dtype=bool)
    for b, L in enumerate(lengths):
        mask[b, :L] = True
        n = T - L
        old_logprobs[b, L:] = f32(rng.uniform(-20, 0, n))   # garbage in the padding (actions stay valid ids)
        advantages[b, L:] = f32(rng.uniform(-50, 50, n))
        old_values[b, L:] = f32(rng.uniform(-50, 50, n))
        returns[b, L:] = f32(rng.uniform(-50, 50, n))
    if not mask.any():
        mask[0, 0] = True
    d = {"logits": logits, "actions": actions, "old_logprobs": old_logprobs, "advantages": advantages,
         "values": values, "old_values": old_values, "returns": returns, "mask": mask}
    d.update({k: float(v) for k, v in hp.items()})
    return d


def example():
    # one sequence of 3 real tokens and 1 padded, vocabulary of 2, logits chosen for round numbers
    logits = np.array([[[0.0, 0.0], [0.0, 0.0], [0.0, 0.0], [5.0, -5.0]]])
    actions = np.array([[0, 1, 0, 1]])
    lp = np.log(0.5)
    return {"logits": logits, "actions": actions,
            "old_logprobs": np.array([[lp - np.log(1.5), lp, lp + np.log(2.0), -3.0]]),  # ratios 1.5, 1, 0.5
            "advantages": np.array([[1.0, -2.0, -1.0, 9.0]]),
            "values": np.array([[1.0, 0.5, 0.0, 9.0]]), "old_values": np.array([[0.5, 0.5, 0.0, 9.0]]),
            "returns": np.array([[2.0, 0.0, 1.0, 9.0]]), "mask": np.array([[True, True, True, False]]),
            "clip_eps": 0.2, "value_clip_eps": 0.2, "vf_coef": 0.5, "ent_coef": 0.01}


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", example(), hidden=False),
        Case("edge-uneven-lengths", make(rng, 4, 9, 6, lengths=[9, 1, 4, 6]), note="rows with 9, 1, 4 and 6 real tokens"),
        Case("edge-padded-row", make(rng, 3, 5, 4, lengths=[5, 0, 2]), note="one row entirely padding"),
        Case("edge-far-ratios", make(rng, 2, 8, 5, lengths=[8, 8], drift=1.5), note="many ratios far outside the clip range"),
        Case("edge-no-clip", make(rng, 2, 6, 5, lengths=[6, 3], clip_eps=10.0, value_clip_eps=100.0),
             note="eps so large nothing is clipped"),
        Case("edge-values-moved", make(rng, 3, 6, 4, lengths=[6, 6, 2], vdrift=2.0, value_clip_eps=0.1),
             note="values far from the old values"),
        Case("edge-coefficients", make(rng, 2, 7, 8, lengths=[7, 5], vf_coef=1.0, ent_coef=0.5, clip_eps=0.1),
             note="vf_coef = 1, ent_coef = 0.5, clip 0.1"),
    ]
    for k in range(6):
        B, T, V = int(rng.integers(1, 5)), int(rng.integers(1, 16)), int(rng.integers(2, 20))
        out.append(Case(f"random-{k + 1}", make(
            rng, B, T, V, drift=float(rng.choice([0.1, 0.3, 0.8])),
            clip_eps=float(rng.choice([0.1, 0.2, 0.3])), value_clip_eps=float(rng.choice([0.1, 0.2, 0.5])),
            vf_coef=float(rng.choice([0.5, 1.0])), ent_coef=float(rng.choice([0.0, 0.01, 0.1])))))
    return out
