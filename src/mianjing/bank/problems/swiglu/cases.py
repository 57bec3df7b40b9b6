"""Cases for swiglu: the worked example, odd sizes, large activations, and random shapes.

Module mode: inputs["init"] are the constructor arguments, inputs["params"] the weights by name."""

import numpy as np

from mianjing.problems.case import Case


def _params(rng, d_model, d_ff, scale=None):
    s_in = 1.0 / np.sqrt(d_model) if scale is None else scale
    s_ff = 1.0 / np.sqrt(d_ff) if scale is None else scale
    return {
        "w1.weight": rng.standard_normal((d_ff, d_model)) * s_in,
        "w3.weight": rng.standard_normal((d_ff, d_model)) * s_in,
        "w2.weight": rng.standard_normal((d_model, d_ff)) * s_ff,
    }


def _case(name, rng, lead, d_model, d_ff, hidden=True, note="", x_scale=1.0, w_scale=None):
    return Case(name, {
        "init": {"d_model": d_model, "d_ff": d_ff},
        "params": _params(rng, d_model, d_ff, w_scale),
        "x": rng.standard_normal(lead + (d_model,)) * x_scale,
    }, hidden=hidden, note=note)


def cases(rng: np.random.Generator) -> list[Case]:
    eye = np.eye(2)
    out = [
        Case("example-1", {"init": {"d_model": 2, "d_ff": 2},
                           "params": {"w1.weight": eye, "w3.weight": eye, "w2.weight": eye},
                           "x": np.array([[1.0, -1.0]])}, hidden=False),
        _case("example-2", rng, (2, 3), 4, 8, hidden=False),
        _case("edge-wide-activations", rng, (2, 5), 8, 16, x_scale=3.0,
              note="pre-activations of size ~3: the SiLU tails matter"),
        _case("edge-d-ff-smaller", rng, (3,), 16, 4, note="d_ff < d_model"),
        _case("edge-single-token", rng, (1, 1), 32, 64, note="one token"),
    ]
    for k in range(6):
        lead = tuple(int(s) for s in rng.integers(1, 5, size=int(rng.integers(1, 3))))
        d_model = int(rng.choice([4, 8, 16, 32, 48]))
        d_ff = int(rng.integers(1, 4)) * d_model + int(rng.integers(0, 5))
        out.append(_case(f"random-{k + 1}", rng, lead, d_model, d_ff))
    return out
