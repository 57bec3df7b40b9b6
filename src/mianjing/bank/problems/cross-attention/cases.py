"""Cases for cross-attention: the worked examples, decoder and memory lengths that differ both ways,
one decoding step (T = 1), padded memories (down to one real position), one head and many heads,
large scores, and seeded random shapes. Every memory sequence has at least one real position."""

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


def _padding(lengths, s):
    pad = np.zeros((len(lengths), s), dtype=bool)
    for i, n in enumerate(lengths):
        pad[i, n:] = True
    return pad


def _case(name, rng, b, t, s, d, h, lengths=None, qk_offset=0.0, note="", rtol=None, atol=None):
    pad = None if lengths is None else _padding(lengths, s)
    params = _params(rng, d)
    # a common bias on q and k adds about qk_offset^2 * sqrt(d_head) to every score
    params["q_proj.bias"] = params["q_proj.bias"] + qk_offset
    params["k_proj.bias"] = params["k_proj.bias"] + qk_offset
    return Case(name, {"init": {"d_model": d, "n_heads": h}, "params": params,
                       "x": rng.standard_normal((b, t, d)), "memory": rng.standard_normal((b, s, d)),
                       "memory_key_padding_mask": pad}, note=note, rtol=rtol, atol=atol)


def cases(rng: np.random.Generator) -> list[Case]:
    eye = {}
    for n in NAMES:
        eye[f"{n}.weight"] = np.eye(2)
        eye[f"{n}.bias"] = np.zeros(2)
    x = np.array([[[1.0, 0.0]]])
    memory = np.array([[[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]])
    out = [
        Case("example-1", {"init": {"d_model": 2, "n_heads": 1}, "params": eye, "x": x, "memory": memory,
                           "memory_key_padding_mask": None}, hidden=False),
        Case("example-2", {"init": {"d_model": 2, "n_heads": 1}, "params": eye, "x": x, "memory": memory,
                           "memory_key_padding_mask": np.array([[False, False, True]])}, hidden=False),
        _case("edge-longer-memory", rng, 2, 3, 9, 16, 4, note="T = 3 queries, S = 9 memory positions"),
        _case("edge-shorter-memory", rng, 2, 8, 2, 8, 2, note="T = 8 queries, S = 2 memory positions"),
        _case("edge-one-decoding-step", rng, 3, 1, 7, 8, 2, lengths=[7, 3, 1], note="T = 1, padded memories"),
        _case("edge-one-real-position", rng, 2, 4, 6, 8, 2, lengths=[1, 6],
              note="a memory with a single real position: every query must copy it"),
        _case("edge-equal-lengths-padded", rng, 2, 5, 5, 16, 4, lengths=[5, 2],
              note="S = T with padding: the mask must act on memory columns, not query rows"),
        _case("edge-one-head", rng, 2, 4, 6, 8, 1, lengths=[6, 4], note="a single head"),
        _case("edge-many-heads", rng, 2, 3, 5, 32, 8, lengths=[5, 3], note="8 heads of size 4"),
        _case("edge-large-scores", rng, 2, 4, 7, 16, 2, lengths=[7, 5], qk_offset=6.0, rtol=1e-2, atol=1e-3,
              note="every score near 100: exp overflows float32 without the max shift; float32 rounding of "
                   "scores that large (about 1e-5) sets the looser tolerance"),
    ]
    for k in range(6):
        b, t, s = int(rng.integers(1, 4)), int(rng.integers(1, 10)), int(rng.integers(1, 12))
        d = int(rng.choice([8, 16, 32]))
        h = int(rng.choice([hh for hh in (1, 2, 4, 8) if d % hh == 0]))
        lengths = None if k % 3 == 0 else [int(n) for n in rng.integers(1, s + 1, size=b)]
        out.append(_case(f"random-{k + 1}", rng, b, t, s, d, h, lengths=lengths))
    return out
