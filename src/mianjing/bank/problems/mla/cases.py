"""Cases for mla: the worked example, a single prefill, token-by-token decoding, chunks after a
prefix, one head, and seeded random configurations and schedules.

`check` looks at the cache first: after every call it must hold exactly "c_kv" and "k_rope"; then
the outputs and the final cache contents fall back to the default tolerance comparison."""

import numpy as np

from mianjing.checkers import CheckResult
from mianjing.problems.case import Case


def _case(rng, b, d_model, n_heads, d_head, d_latent, d_rope, steps, base=10000.0):
    def w(o, i):
        return rng.standard_normal((o, i)) / np.sqrt(i)

    return {
        "init": {"d_model": d_model, "n_heads": n_heads, "d_head": d_head, "d_latent": d_latent,
                 "d_rope": d_rope, "rope_base": base},
        "params": {"w_dkv.weight": w(d_latent, d_model), "w_uk.weight": w(n_heads * d_head, d_latent),
                   "w_uv.weight": w(n_heads * d_head, d_latent), "w_kr.weight": w(d_rope, d_model),
                   "w_q.weight": w(n_heads * d_head, d_model), "w_qr.weight": w(n_heads * d_rope, d_model),
                   "w_o.weight": w(d_model, n_heads * d_head)},
        "x": rng.standard_normal((b, sum(steps), d_model)),
        "steps": steps,
    }


def _example():
    # d_model = 2, one head, d_head = 1, d_latent = 1, d_rope = 2
    return {
        "init": {"d_model": 2, "n_heads": 1, "d_head": 1, "d_latent": 1, "d_rope": 2, "rope_base": 10000.0},
        "params": {"w_dkv.weight": np.array([[1.0, 1.0]]), "w_uk.weight": np.array([[1.0]]),
                   "w_uv.weight": np.array([[2.0]]), "w_kr.weight": np.array([[1.0, 0.0], [0.0, 1.0]]),
                   "w_q.weight": np.array([[1.0, 0.0]]), "w_qr.weight": np.array([[1.0, 0.0], [0.0, 1.0]]),
                   "w_o.weight": np.array([[1.0], [-1.0]])},
        "x": np.array([[[1.0, 0.0], [0.0, 2.0]]]),
        "steps": [1, 1],
    }


def cases(rng: np.random.Generator) -> list[Case]:
    out = [Case("example-1", _example(), hidden=False)]
    out.append(Case("edge-prefill-only", _case(rng, 2, 16, 4, 4, 6, 4, [6]), note="one call with the whole sequence"))
    out.append(Case("edge-token-by-token", _case(rng, 1, 16, 2, 8, 4, 4, [1] * 7), note="seven calls of one token"))
    out.append(Case("edge-chunks-after-prefix", _case(rng, 2, 12, 3, 4, 5, 6, [3, 2, 1, 3]),
                    note="multi-token chunks after a prefix"))
    out.append(Case("edge-one-head", _case(rng, 2, 8, 1, 8, 4, 2, [2, 1, 1])))
    out.append(Case("edge-long-positions", _case(rng, 1, 8, 2, 4, 4, 8, [20, 1, 1], base=100.0),
                    note="22 positions with rope_base = 100: rotations wrap around"))
    for k in range(5):
        h = int(rng.integers(1, 5))
        steps = [int(rng.integers(1, 6))] + [int(s) for s in rng.choice([1, 1, 2], size=int(rng.integers(1, 5)))]
        out.append(Case(f"random-{k + 1}", _case(rng, int(rng.integers(1, 4)), int(rng.choice([8, 12, 16])), h,
                                                 int(rng.choice([2, 4, 8])), int(rng.integers(2, 9)),
                                                 int(rng.choice([2, 4, 6])), steps)))
    return out


def check(case: Case, expected, got):
    want = ["c_kv", "k_rope"]
    keys = got.get("cache_keys")
    if not isinstance(keys, list):
        return CheckResult.failed("the cache could not be read")
    for i, ks in enumerate(keys):
        if ks != want:
            extra = [k for k in ks if k not in want]
            missing = [k for k in want if k not in ks]
            parts = []
            if extra:
                parts.append(f"{extra} must not be cached: MLA caches only the latent c_kv and the RoPE key k_rope "
                             "(per-head keys and values are rebuilt from c_kv at every call)")
            if missing:
                parts.append(f"{missing} missing")
            return CheckResult.failed(f"after call {i + 1} the cache holds {ks}; " + "; ".join(parts))
    return None
