"""Cases for moe-layer: the worked example, softmax and sigmoid routers, top-1 and top-k = E,
a shared expert, one token, and seeded random shapes (where some experts often get no token). Router weights are
drawn so that no token has two nearly equal scores (top-k has no ties)."""

import numpy as np

from mianjing.problems.case import Case

MARGIN = 1e-3


def _params(rng, d, ff, n_experts, shared):
    out = {"router.weight": rng.standard_normal((n_experts, d)) / np.sqrt(d)}
    names = [f"experts.{e}" for e in range(n_experts)] + (["shared"] if shared else [])
    for name in names:
        out[f"{name}.w1.weight"] = rng.standard_normal((ff, d)) / np.sqrt(d)
        out[f"{name}.w2.weight"] = rng.standard_normal((d, ff)) / np.sqrt(ff)
    return out


def _untied(x, w):
    """True when every token's router logits are at least MARGIN apart (scores keep their order)."""
    z = np.sort(x @ w.T, axis=-1)
    return z.shape[-1] < 2 or np.min(np.diff(z, axis=-1)) > MARGIN


def _case(name, rng, n, d, ff, n_experts, top_k, score, shared, note=""):
    for _ in range(200):  # redraw until top-k has no near ties
        params = _params(rng, d, ff, n_experts, shared)
        x = rng.standard_normal((n, d))
        if _untied(x, params["router.weight"]):
            break
    init = {"d_model": d, "d_ff": ff, "n_experts": n_experts, "top_k": top_k, "score": score,
            "shared_expert": shared}
    return Case(name, {"init": init, "params": params, "x": x}, note=note)


def _example():
    d, ff, E = 2, 2, 2
    params = {"router.weight": np.array([[1.0, 0.0], [0.0, 1.0]])}
    for e, s in enumerate([1.0, 2.0]):
        params[f"experts.{e}.w1.weight"] = np.eye(2) * s
        params[f"experts.{e}.w2.weight"] = np.eye(2)
    init = {"d_model": d, "d_ff": ff, "n_experts": E, "top_k": 1, "score": "softmax", "shared_expert": False}
    return {"init": init, "params": params, "x": np.array([[1.0, 0.0], [0.0, 2.0]])}


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", _example(), hidden=False),
        _case("edge-top-1-softmax", rng, 12, 8, 16, 4, 1, "softmax", False, note="top-1, softmax router"),
        _case("edge-top-2-sigmoid", rng, 12, 8, 16, 4, 2, "sigmoid", False, note="top-2, sigmoid router"),
        _case("edge-top-k-all", rng, 6, 8, 8, 3, 3, "softmax", False, note="top_k = E: every expert, gates = probs"),
        _case("edge-shared-expert", rng, 10, 8, 16, 4, 2, "softmax", True, note="a shared expert"),
        _case("edge-shared-sigmoid", rng, 10, 8, 16, 6, 3, "sigmoid", True, note="sigmoid router with a shared expert"),
        _case("edge-single-token", rng, 1, 8, 8, 4, 2, "sigmoid", False, note="N = 1"),
    ]
    for k in range(6):
        n = int(rng.integers(2, 40))
        d = int(rng.choice([4, 8, 16]))
        E = int(rng.integers(2, 9))
        top_k = int(rng.integers(1, E + 1))
        score = "softmax" if k % 2 == 0 else "sigmoid"
        out.append(_case(f"random-{k + 1}", rng, n, d, int(rng.choice([8, 16])), E, top_k, score, bool(k % 3 == 1)))
    return out
