"""Cases for cross-entropy: the worked examples, padded batches of sequences (ignore_index -100 and
a pad id that is a real class), label smoothing, logits large enough to overflow a naive exp (with and without smoothing, and
with target probabilities far below 1e-4), and
seeded random shapes. Logits are rounded to float32 so both sides see the same numbers.

When every token is ignored the loss is 0/0 = NaN (as in F.cross_entropy); there only the NaN is
checked, not the gradient."""

import numpy as np

from mianjing.checkers import CheckResult
from mianjing.problems.case import Case


def f32(a) -> np.ndarray:
    return np.asarray(a, dtype=np.float64).astype(np.float32).astype(np.float64)


def padded_targets(rng, B, T, C, ignore_index, lengths=None):
    """Targets for B sequences of length T, right-padded with ignore_index after a random length."""
    y = rng.integers(0, C, size=(B, T))
    if ignore_index in range(C):  # the pad id is a real class: keep real tokens off it
        y = np.where(y == ignore_index, (y + 1) % C, y)
    lengths = rng.integers(1, T + 1, size=B) if lengths is None else np.asarray(lengths)
    for b in range(B):
        y[b, lengths[b]:] = ignore_index
    return y.astype(np.int64)


def case(logits, target, ignore_index=-100, label_smoothing=0.0):
    return {"logits": logits, "target": np.asarray(target, dtype=np.int64), "ignore_index": int(ignore_index),
            "label_smoothing": float(label_smoothing)}


def large_unsmoothed(rng):
    """Rows shifted by up to +-200 (so exp overflows float32 without the max shift), each target the
    row's smallest logit (probability far below 1e-4), and one row whose target sits 11.5 below the
    max (probability about 1e-5, where log(p + eps) is already off)."""
    z = rng.uniform(-200, 200, size=(6, 1)) + rng.uniform(-40, 40, size=(6, 8))
    y = z.argmin(axis=1)
    z[0] = rng.uniform(-1, 1, size=8) + 150.0
    z[0, 3] = z[0].max() - 11.5
    y[0] = 3
    return f32(z), y


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", case(np.array([[2.0, 1.0, 0.0], [0.0, 0.0, 0.0]]), [0, 2]), hidden=False),
        Case("example-2", case(np.array([[2.0, 1.0, 0.0], [0.0, 0.0, 0.0], [5.0, -5.0, 0.0]]), [0, 2, -100]),
             hidden=False),
        Case("example-3", case(np.array([[2.0, 1.0, 0.0], [0.0, 0.0, 0.0]]), [0, 2], label_smoothing=0.1),
             hidden=False),
        Case("edge-pad-id-is-a-class", case(f32(rng.standard_normal((3, 6, 5))),
                                            padded_targets(rng, 3, 6, 5, 0, lengths=[6, 2, 4]), ignore_index=0,
                                            label_smoothing=0.1),
             note="ignore_index = 0, a real class id (the tokenizer's pad id)"),
        Case("edge-uneven-lengths", case(f32(rng.standard_normal((4, 10, 7)) * 2),
                                         padded_targets(rng, 4, 10, 7, -100, lengths=[10, 1, 3, 7])),
             note="sequences with 10, 1, 3 and 7 real tokens"),
        Case("edge-large-logits", case(f32(rng.uniform(-300, 300, size=(6, 9))),
                                       rng.integers(0, 9, size=6), label_smoothing=0.2),
             note="logits up to +-300: exp overflows float32 without the max shift"),
        Case("edge-large-logits-no-smoothing", case(*large_unsmoothed(rng)),
             note="logits up to about +-250 without label smoothing; target probabilities from about 1e-5 "
                  "down to far below 1e-30"),
        Case("edge-one-counted-token", case(f32(rng.standard_normal((5, 4))), [-100, -100, 3, -100, -100]),
             note="only one token is not ignored"),
        Case("edge-all-ignored", case(f32(rng.standard_normal((3, 4))), [-100, -100, -100], label_smoothing=0.1),
             note="every token ignored: 0/0"),
        Case("edge-full-smoothing", case(f32(rng.standard_normal((4, 6))), rng.integers(0, 6, size=4),
                                         label_smoothing=1.0), note="label_smoothing = 1: pure uniform target"),
        Case("edge-two-classes", case(f32(rng.standard_normal((2, 5, 2)) * 3),
                                      padded_targets(rng, 2, 5, 2, -100), label_smoothing=0.05)),
    ]
    for k in range(6):
        C = int(rng.integers(2, 40))
        eps = float(rng.choice([0.0, 0.0, 0.1, 0.3]))
        if k % 2 == 0:
            B, T = int(rng.integers(1, 5)), int(rng.integers(1, 12))
            ign = int(rng.choice([-100, 0]))
            y = padded_targets(rng, B, T, C, ign)
            logits = f32(rng.standard_normal((B, T, C)) * float(rng.choice([1.0, 5.0])))
        else:
            N = int(rng.integers(1, 30))
            ign = -100
            y = rng.integers(0, C, size=N)
            y[rng.random(N) < 0.3] = ign
            if (y == ign).all():
                y[0] = 0
            logits = f32(rng.standard_normal((N, C)) * 2)
        out.append(Case(f"random-{k + 1}", case(logits, y, ign, eps)))
    return out


def check(case: Case, expected, got) -> CheckResult | None:
    if case.name != "edge-all-ignored":
        return None
    loss = got.get("loss")
    if isinstance(loss, np.ndarray) and loss.shape == () and loss.dtype == np.float32 and np.isnan(loss):
        return CheckResult.passed()
    return CheckResult.failed(
        f"loss: expected a 0-dim float32 NaN (0/0: no token counts, as in F.cross_entropy), got "
        f"{loss!r}" + (f" of shape {loss.shape}" if isinstance(loss, np.ndarray) else "")
    )
