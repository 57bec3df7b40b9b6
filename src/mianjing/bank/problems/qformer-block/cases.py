"""Cases for qformer-block: the zero-weight example (the block reduces to LayerNorm of the queries),
a random example, one query, one head, image features wider than the model, a single image token,
and seeded random configurations. All parameters are random, so each one's gradient matters."""

import numpy as np

from mianjing.problems.case import Case


def _params(rng, d, h, nq, di, f, scale=1.0):
    def lin(o, i, prefix):
        return {f"{prefix}.weight": rng.standard_normal((o, i)) / np.sqrt(i) * scale,
                f"{prefix}.bias": rng.standard_normal(o) * 0.1}

    def norm(prefix):
        return {f"{prefix}.weight": 1.0 + 0.1 * rng.standard_normal(d), f"{prefix}.bias": 0.1 * rng.standard_normal(d)}

    p = {"queries": rng.standard_normal((nq, d))}
    for name in ("q_proj", "k_proj", "v_proj", "o_proj"):
        p.update(lin(d, d, f"self_attn.{name}"))
    p.update(norm("norm1"))
    p.update(lin(d, d, "cross_attn.q_proj"))
    p.update(lin(d, di, "cross_attn.k_proj"))
    p.update(lin(d, di, "cross_attn.v_proj"))
    p.update(lin(d, d, "cross_attn.o_proj"))
    p.update(norm("norm2"))
    p.update(lin(f, d, "ffn.fc1"))
    p.update(lin(d, f, "ffn.fc2"))
    p.update(norm("norm3"))
    return p


def _case(rng, b, d, h, nq, n_img, di, f, scale=1.0):
    return {"init": {"d_model": d, "n_heads": h, "n_queries": nq, "d_image": di, "d_ffn": f},
            "params": _params(rng, d, h, nq, di, f, scale), "image_feats": rng.standard_normal((b, n_img, di))}


def cases(rng: np.random.Generator) -> list[Case]:
    zero = _case(rng, 1, 4, 2, 2, 3, 6, 8)
    for name, arr in zero["params"].items():
        if name.startswith(("norm",)):
            arr[...] = 1.0 if name.endswith("weight") else 0.0
        elif name != "queries":
            arr[...] = 0.0
    zero["params"]["queries"] = np.array([[1.0, 2.0, 3.0, 4.0], [0.0, 0.0, 1.0, -1.0]])
    out = [
        Case("example-1", zero, hidden=False),
        Case("example-2", _case(rng, 2, 8, 2, 4, 5, 12, 16), hidden=False),
        Case("edge-one-query", _case(rng, 2, 8, 2, 1, 6, 8, 16), note="a single query token"),
        Case("edge-one-head", _case(rng, 2, 8, 1, 3, 4, 10, 16), note="n_heads = 1"),
        Case("edge-one-image-token", _case(rng, 3, 8, 4, 4, 1, 5, 8), note="N_img = 1"),
        Case("edge-wide-image", _case(rng, 1, 8, 2, 4, 9, 48, 32), note="d_image = 48 > d_model = 8"),
        # saturated softmaxes: float32 gradients lose a few digits here, so this case allows 10x more error
        Case("edge-large-weights", _case(rng, 2, 16, 4, 4, 6, 12, 32, scale=2.0), note="large activations",
             rtol=1e-3, atol=1e-4),
    ]
    for k in range(5):
        h = int(rng.choice([1, 2, 4]))
        d = h * int(rng.choice([4, 8]))  # d_model >= 4: LayerNorm over 2 features is degenerate (outputs +-1)
        out.append(Case(f"random-{k + 1}", _case(rng, int(rng.integers(1, 4)), d, h, int(rng.integers(1, 9)),
                                                 int(rng.integers(1, 10)), int(rng.integers(2, 20)),
                                                 int(rng.choice([2, 4])) * d)))
    return out
