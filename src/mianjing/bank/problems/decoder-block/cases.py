"""Cases for decoder-block: the worked example, one token, one head, many heads, a large residual
stream (LayerNorm must not be applied to it in place), and seeded random shapes. Parameters are named
as the statement fixes them (GPT-2's module names, nn.Linear layout)."""

import numpy as np

from mianjing.problems.case import Case


def _params(rng, d):
    return {
        "ln_1.weight": 1.0 + 0.2 * rng.standard_normal(d), "ln_1.bias": 0.1 * rng.standard_normal(d),
        "attn.c_attn.weight": rng.standard_normal((3 * d, d)) / np.sqrt(d),
        "attn.c_attn.bias": 0.1 * rng.standard_normal(3 * d),
        "attn.c_proj.weight": rng.standard_normal((d, d)) / np.sqrt(d), "attn.c_proj.bias": 0.1 * rng.standard_normal(d),
        "ln_2.weight": 1.0 + 0.2 * rng.standard_normal(d), "ln_2.bias": 0.1 * rng.standard_normal(d),
        "mlp.c_fc.weight": rng.standard_normal((4 * d, d)) / np.sqrt(d), "mlp.c_fc.bias": 0.1 * rng.standard_normal(4 * d),
        "mlp.c_proj.weight": rng.standard_normal((d, 4 * d)) / np.sqrt(4 * d),
        "mlp.c_proj.bias": 0.1 * rng.standard_normal(d),
    }


def _case(name, rng, b, t, d, h, x_scale=1.0, note="", hidden=True):
    return Case(name, {"init": {"d_model": d, "n_heads": h}, "params": _params(rng, d),
                       "x": rng.standard_normal((b, t, d)) * x_scale}, hidden=hidden, note=note)


def _example():
    d = 4
    z = np.zeros
    params = {"ln_1.weight": np.ones(d), "ln_1.bias": z(d), "attn.c_attn.weight": np.concatenate([np.eye(d)] * 3),
              "attn.c_attn.bias": z(3 * d), "attn.c_proj.weight": np.eye(d), "attn.c_proj.bias": z(d),
              "ln_2.weight": np.ones(d), "ln_2.bias": z(d), "mlp.c_fc.weight": z((4 * d, d)),
              "mlp.c_fc.bias": z(4 * d), "mlp.c_proj.weight": z((d, 4 * d)), "mlp.c_proj.bias": np.ones(d)}
    return {"init": {"d_model": d, "n_heads": 1}, "params": params,
            "x": np.array([[[1.0, 0.0, 0.0, 0.0], [0.0, 2.0, 0.0, 0.0]]])}


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", _example(), hidden=False),
        _case("edge-single-token", rng, 2, 1, 8, 2, note="T = 1: the token attends only to itself"),
        _case("edge-one-head", rng, 2, 5, 8, 1, note="a single head"),
        _case("edge-many-heads", rng, 1, 6, 32, 8, note="8 heads of size 4"),
        _case("edge-large-residual", rng, 2, 4, 16, 4, x_scale=50.0,
              note="a residual stream of size ~50: the output keeps it, LayerNorm only feeds the sublayers"),
    ]
    for k in range(6):
        b, t = int(rng.integers(1, 4)), int(rng.integers(2, 12))
        d = int(rng.choice([8, 16, 32]))
        h = int(rng.choice([hh for hh in (1, 2, 4, 8) if d % hh == 0]))
        out.append(_case(f"random-{k + 1}", rng, b, t, d, h))
    return out
