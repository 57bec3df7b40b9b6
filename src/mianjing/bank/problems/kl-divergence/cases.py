"""Cases for kl-divergence: the worked example, near-identical distributions, far-apart ones,
logits whose probabilities underflow, and seeded random rows.

The exact values and their gradients are compared with the reference. The estimators come from the
submission's own samples, so they are checked by what must hold whatever the samples are:
  - shape (N, num_samples), float32, finite;
  - k2 = k1^2 / 2 and k3 = exp(-k1) - 1 + k1 sample by sample (all three use the same x);
  - the mean of each over the samples is within 5 standard errors of its expectation under P,
    computed exactly from the logits (E[k1] = E[k3] = KL(P||Q), E[k2] = E_P[(log r)^2] / 2).
A correct solution fails a 5-sigma test with probability below 1e-6 per row; samples drawn from the
wrong distribution or a biased formula miss by many standard errors on the chosen cases."""

import numpy as np

from mianjing.checkers import CheckResult
from mianjing.checkers.allclose import check_array
from mianjing.checkers.grad import check_grad
from mianjing.problems.case import Case

Z = 5.0  # standard errors allowed


def f32(a) -> np.ndarray:
    return np.asarray(a, dtype=np.float64).astype(np.float32).astype(np.float64)


def case(p, q, rng, S=4000):
    return {"p_logits": f32(p), "q_logits": f32(q), "num_samples": int(S),
            "sample_seed": int(rng.integers(0, 2**31 - 1))}


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", case([[0.0, 0.0]], [[np.log(3.0), 0.0]], rng, S=8), hidden=False),
        Case("example-2", case([[2.0, 0.0, -1.0], [0.0, 0.0, 0.0]], [[0.0, 0.0, 0.0], [0.0, 0.0, 0.0]], rng, S=2000),
             hidden=False),
        Case("edge-identical", case(*(lambda a: (a, a.copy()))(rng.standard_normal((3, 6))), rng),
             note="P = Q: every KL and every estimate is 0"),
        Case("edge-close", case(*(lambda a: (a, a + 0.05 * rng.standard_normal(a.shape)))(rng.standard_normal((4, 10))),
                                rng, S=6000), note="Q a small perturbation of P (the regime where k3 shines)"),
        Case("edge-far", case(rng.standard_normal((3, 8)) * 3, rng.standard_normal((3, 8)) * 3, rng, S=20000),
             note="P and Q far apart (KL around 1 to 10)"),
        Case("edge-underflow", case(np.array([[0.0, -200.0, 1.0, -150.0], [300.0, 0.0, 0.0, 0.0]]),
                                    np.array([[0.0, 0.0, -1.0, 0.0], [0.0, 1.0, 0.0, -2.0]]), rng, S=4000),
             note="logit gaps of 150 to 300: some probabilities underflow to 0 in float32"),
        Case("edge-two-classes", case(rng.standard_normal((5, 2)) * 2, rng.standard_normal((5, 2)) * 2, rng, S=8000)),
    ]
    for k in range(4):
        N, C = int(rng.integers(1, 6)), int(rng.integers(2, 30))
        scale = float(rng.choice([0.5, 1.0, 2.0]))
        out.append(Case(f"random-{k + 1}", case(rng.standard_normal((N, C)) * scale,
                                                rng.standard_normal((N, C)) * scale, rng,
                                                S=int(rng.choice([2000, 5000])))))
    return out


def _log_softmax(z):
    z = z - z.max(axis=-1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=-1, keepdims=True))


def moments(p_logits, q_logits):
    """Exact mean and standard deviation under P of k1, k2, k3, per row."""
    logp, logq = _log_softmax(p_logits), _log_softmax(q_logits)
    p = np.exp(logp)
    log_r = logq - logp
    ks = {"k1": -log_r, "k2": log_r ** 2 / 2, "k3": np.expm1(log_r) - log_r}
    res = {}
    for name, k in ks.items():
        k = np.where(p > 0, k, 0.0)  # classes P never draws
        mean = (p * k).sum(-1)
        var = np.maximum((p * k ** 2).sum(-1) - mean ** 2, 0.0)
        res[name] = (mean, np.sqrt(var))
    return res


def check(case: Case, expected, got) -> CheckResult:
    hidden = case.hidden
    for name in ("kl_pq", "kl_qp"):
        res = check_array(name, expected[name], got.get(name), rtol=1e-4, atol=1e-5, float_dtype="float32",
                          hidden=hidden)
        if not res.ok:
            return res
    for name in ("grad.p_logits", "grad.q_logits"):
        res = check_grad(name, expected[name], got.get(name), rtol=1e-4, atol=1e-5, float_dtype="float32",
                         hidden=hidden)
        if not res.ok:
            return res

    N = case.inputs["p_logits"].shape[0]
    S = case.inputs["num_samples"]
    ks = {}
    for name in ("k1", "k2", "k3"):
        k = got.get(name)
        if not isinstance(k, np.ndarray):
            return CheckResult.failed(f"{name}: expected a tensor of shape {(N, S)}, got {type(k).__name__}")
        if k.dtype != np.float32:
            return CheckResult.failed(f"{name}: dtype {k.dtype}, expected float32")
        if k.shape != (N, S):
            return CheckResult.failed(f"{name}: shape {k.shape}, expected (N, num_samples) = {(N, S)}")
        if not np.isfinite(k).all():
            return CheckResult.failed(f"{name}: non-finite values (samples must come from P, where p(x) > 0)")
        ks[name] = k.astype(np.float64)
    k1, k2, k3 = ks["k1"], ks["k2"], ks["k3"]
    # one set of samples: k2 and k3 are functions of the same log r as k1
    bad = np.abs(k2 - k1 ** 2 / 2) > 1e-4 + 1e-3 * np.abs(k1 ** 2 / 2)
    if bad.any():
        i = tuple(int(v) for v in np.argwhere(bad)[0])
        return CheckResult.failed(f"k2 is not (log r)^2 / 2 of the same sample as k1 (first at index {i}: "
                                  f"k1 = {k1[i]:.6g}, k2 = {k2[i]:.6g})")
    k3_from_k1 = np.expm1(-k1) + k1
    bad = np.abs(k3 - k3_from_k1) > 1e-4 + 1e-3 * np.abs(k3_from_k1)
    if bad.any():
        i = tuple(int(v) for v in np.argwhere(bad)[0])
        return CheckResult.failed(f"k3 is not (r - 1) - log r of the same sample as k1, with log r = -k1 "
                                  f"(first at index {i}: k1 = {k1[i]:.6g}, k3 = {k3[i]:.6g})")
    mom = moments(case.inputs["p_logits"], case.inputs["q_logits"])
    for name, k in ks.items():
        mean, sd = mom[name]
        got_mean = k.mean(axis=-1)
        tol = Z * sd / np.sqrt(S) + 1e-4 + 1e-3 * np.abs(mean)
        off = np.abs(got_mean - mean) > tol
        if off.any():
            n = int(np.flatnonzero(off)[0])
            return CheckResult.failed(
                f"{name}: the mean over the {S} samples of row {n} is {got_mean[n]:.5g}; its expectation under "
                f"x ~ P is {mean[n]:.5g} (standard error {sd[n] / np.sqrt(S):.3g}): off by "
                f"{abs(got_mean[n] - mean[n]) / max(sd[n] / np.sqrt(S), 1e-12):.1f} standard errors"
            )
    return CheckResult.passed()
