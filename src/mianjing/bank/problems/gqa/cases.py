"""Cases for gqa: the worked example, MQA (one kv head) and MHA (kv heads = heads), groups of 2, 3
and 4, causal and bidirectional, and seeded random shapes.

Module mode: inputs["init"] are the constructor arguments, inputs["params"] the weights by name."""

import numpy as np

from mianjing.problems.case import Case


def _params(rng, d, h, hkv):
    dh = d // h
    s = 1.0 / np.sqrt(d)
    return {
        "q_proj.weight": rng.standard_normal((h * dh, d)) * s,
        "k_proj.weight": rng.standard_normal((hkv * dh, d)) * s,
        "v_proj.weight": rng.standard_normal((hkv * dh, d)) * s,
        "o_proj.weight": rng.standard_normal((d, h * dh)) / np.sqrt(h * dh),
    }


def _case(name, rng, b, t, d, h, hkv, causal=True, hidden=True, note=""):
    return Case(name, {"init": {"d_model": d, "n_heads": h, "n_kv_heads": hkv},
                       "params": _params(rng, d, h, hkv),
                       "x": rng.standard_normal((b, t, d)), "causal": causal},
                hidden=hidden, note=note or f"{h} query heads, {hkv} kv heads")


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"init": {"d_model": 2, "n_heads": 2, "n_kv_heads": 1},
                           "params": {"q_proj.weight": np.eye(2), "k_proj.weight": np.array([[1.0, 1.0]]),
                                      "v_proj.weight": np.array([[1.0, -1.0]]), "o_proj.weight": np.eye(2)},
                           "x": np.array([[[1.0, 0.0], [0.0, 2.0]]]), "causal": True}, hidden=False),
        _case("example-2", rng, 1, 3, 8, 4, 2, hidden=False),
        _case("edge-mqa", rng, 2, 6, 16, 4, 1, note="MQA: one kv head shared by 4 query heads"),
        _case("edge-mha", rng, 2, 5, 16, 4, 4, note="MHA: as many kv heads as query heads"),
        _case("edge-groups-of-2", rng, 2, 6, 16, 4, 2),
        _case("edge-groups-of-3", rng, 1, 7, 24, 6, 2, note="6 query heads, 2 kv heads (groups of 3)"),
        _case("edge-groups-of-4-bidirectional", rng, 2, 5, 32, 8, 2, causal=False,
              note="8 query heads, 2 kv heads, no causal mask"),
        _case("edge-many-kv-heads", rng, 1, 6, 32, 8, 4, note="8 query heads, 4 kv heads"),
        _case("edge-single-token", rng, 3, 1, 16, 4, 2, note="T = 1"),
    ]
    shapes = [(4, 2), (8, 2), (8, 4), (6, 3), (6, 2), (4, 1), (8, 8)]
    for k in range(6):
        h, hkv = shapes[int(rng.integers(0, len(shapes)))]
        dh = int(rng.choice([2, 4, 8]))
        out.append(_case(f"random-{k + 1}", rng, int(rng.integers(1, 4)), int(rng.integers(2, 13)), h * dh,
                         h, hkv, causal=bool(k % 3 != 2)))
    return out
