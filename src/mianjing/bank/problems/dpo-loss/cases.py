"""Cases for dpo-loss: the worked examples, large margins of both signs (stable log-sigmoid), beta and
label-smoothing variants, a batch of one, and seeded random batches of sequence log-probs."""

import numpy as np

from mianjing.problems.case import Case


def _batch(rng, b, spread=5.0):
    base = -rng.uniform(5.0, 60.0, size=(4, b))  # summed log-probs of whole responses are negative
    noise = rng.standard_normal((4, b)) * spread
    pc, pr, rc, rr = base + noise
    return {"policy_chosen_logps": pc, "policy_rejected_logps": pr, "ref_chosen_logps": rc,
            "ref_rejected_logps": rr}


def cases(rng: np.random.Generator) -> list[Case]:
    ex = {"policy_chosen_logps": np.array([-10.0, -8.0]), "policy_rejected_logps": np.array([-12.0, -7.0]),
          "ref_chosen_logps": np.array([-11.0, -8.0]), "ref_rejected_logps": np.array([-11.0, -8.0])}
    out = [
        Case("example-1", {**ex, "beta": 0.1, "label_smoothing": 0.0}, hidden=False),
        Case("example-2", {**ex, "beta": 0.1, "label_smoothing": 0.1}, hidden=False),
    ]
    # margins of +-2000 log-prob units with beta = 0.5: |z| = 1000, sigmoid underflows in float32 and float64
    big = {"policy_chosen_logps": np.array([-100.0, -3000.0, -50.0]),
           "policy_rejected_logps": np.array([-2100.0, -1000.0, -49.0]),
           "ref_chosen_logps": np.array([-100.0, -1000.0, -50.0]),
           "ref_rejected_logps": np.array([-100.0, -1000.0, -50.0])}
    out.append(Case("edge-huge-margins", {**big, "beta": 0.5, "label_smoothing": 0.0},
                    note="|beta * margin| = 1000 in both directions"))
    out.append(Case("edge-huge-margins-smoothed", {**big, "beta": 0.5, "label_smoothing": 0.2},
                    note="huge margins with label smoothing: both log-sigmoid terms must be stable"))
    same = _batch(rng, 4)
    same["ref_chosen_logps"] = same["policy_chosen_logps"].copy()
    same["ref_rejected_logps"] = same["policy_rejected_logps"].copy()
    out.append(Case("edge-policy-equals-reference", {**same, "beta": 0.1, "label_smoothing": 0.0},
                    note="at initialisation the policy is the reference: loss = log 2"))
    out.append(Case("edge-batch-of-one", {**_batch(rng, 1), "beta": 0.3, "label_smoothing": 0.0}))
    out.append(Case("edge-large-beta", {**_batch(rng, 5), "beta": 2.0, "label_smoothing": 0.0}))
    out.append(Case("edge-small-beta", {**_batch(rng, 5), "beta": 0.01, "label_smoothing": 0.05}))
    for k in range(6):
        b = int(rng.integers(2, 17))
        out.append(Case(f"random-{k + 1}", {
            **_batch(rng, b, spread=float(rng.choice([1.0, 5.0, 20.0]))),
            "beta": float(rng.choice([0.05, 0.1, 0.2, 0.5])),
            "label_smoothing": float(rng.choice([0.0, 0.0, 0.1, 0.25])),
        }))
    return out
