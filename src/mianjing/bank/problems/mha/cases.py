"""Cases for mha: worked examples, right and left padding, causal with padding (fully masked query
rows), one head and d_head = 1, and seeded random shapes.

Module mode: inputs["init"] are the constructor arguments, inputs["params"] the weights by name."""

import numpy as np

from mianjing.problems.case import Case

NAMES = ("q_proj", "k_proj", "v_proj", "o_proj")


def _params(rng, d):
    s = 1.0 / np.sqrt(d)
    out = {}
    for n in NAMES:
        out[f"{n}.weight"] = rng.standard_normal((d, d)) * s
        out[f"{n}.bias"] = rng.standard_normal(d) * 0.1
    return out


def _padding(lengths, t, left=False):
    pad = np.zeros((len(lengths), t), dtype=bool)
    for i, n in enumerate(lengths):
        if left:
            pad[i, : t - n] = True
        else:
            pad[i, n:] = True
    return pad


def _case(name, rng, b, t, d, h, pad=None, causal=False, hidden=True, note="", qk_offset=0.0, rtol=None, atol=None):
    params = _params(rng, d)
    # a common bias on q and k adds about qk_offset^2 * sqrt(d_head) to every score: large scores without
    # a peaked softmax (float32 gradients then stay within tolerance)
    params["q_proj.bias"] = params["q_proj.bias"] + qk_offset
    params["k_proj.bias"] = params["k_proj.bias"] + qk_offset
    return Case(name, {"init": {"d_model": d, "n_heads": h}, "params": params,
                       "x": rng.standard_normal((b, t, d)), "key_padding_mask": pad, "causal": causal},
                hidden=hidden, note=note, rtol=rtol, atol=atol)


def cases(rng: np.random.Generator) -> list[Case]:
    eye = {}
    for n in NAMES:
        eye[f"{n}.weight"] = np.eye(2)
        eye[f"{n}.bias"] = np.zeros(2)
    x = np.array([[[1.0, 0.0], [0.0, 1.0]]])
    out = [
        Case("example-1", {"init": {"d_model": 2, "n_heads": 1}, "params": eye, "x": x,
                           "key_padding_mask": None, "causal": False}, hidden=False),
        Case("example-2", {"init": {"d_model": 2, "n_heads": 1}, "params": eye, "x": x,
                           "key_padding_mask": None, "causal": True}, hidden=False),
        Case("example-3", {"init": {"d_model": 2, "n_heads": 1}, "params": eye, "x": x,
                           "key_padding_mask": np.array([[False, True]]), "causal": False}, hidden=False),
        _case("edge-right-padding", rng, 3, 6, 16, 4, pad=_padding([6, 4, 1], 6),
              note="right padding, lengths 6, 4, 1"),
        _case("edge-left-padding-causal", rng, 2, 5, 8, 2, pad=_padding([3, 5], 5, left=True), causal=True,
              note="left padding with a causal mask: the leading padded queries see no key at all"),
        _case("edge-causal-right-padding", rng, 2, 7, 16, 2, pad=_padding([5, 2], 7), causal=True,
              note="causal and right padding together"),
        _case("edge-one-head", rng, 2, 4, 8, 1, causal=True, note="a single head"),
        _case("edge-head-dim-1", rng, 1, 5, 4, 4, note="d_head = 1"),
        _case("edge-single-token", rng, 2, 1, 8, 2, causal=True, note="T = 1"),
        _case("edge-many-heads", rng, 2, 6, 32, 8, causal=True, note="8 heads of size 4"),
        _case("edge-large-scores", rng, 2, 7, 16, 2, pad=_padding([7, 5], 7), qk_offset=6.0, rtol=1e-2, atol=1e-3,
              note="every score near 100: exp overflows float32 unless each row is shifted by its max; float32 "
                   "rounding of scores that large (about 1e-5) sets the looser tolerance"),
    ]
    for k in range(6):
        b, t = int(rng.integers(1, 4)), int(rng.integers(2, 13))
        d = int(rng.choice([8, 16, 32]))
        h = int(rng.choice([hh for hh in (1, 2, 4, 8) if d % hh == 0]))
        pad = None
        if k % 3 != 0:
            pad = _padding([int(n) for n in rng.integers(1, t + 1, size=b)], t, left=bool(k % 2))
        out.append(_case(f"random-{k + 1}", rng, b, t, d, h, pad=pad, causal=bool(k >= 3)))
    return out
