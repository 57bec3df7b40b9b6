"""Cases for transformer-encoder-layer: post-LN and pre-LN, with and without key padding, one head,
one token, a large residual stream, and seeded random shapes.

Module mode: inputs["init"] are the constructor arguments, inputs["params"] the weights by name,
named as torch.nn.TransformerEncoderLayer names them. `crosscheck_torch()` below runs the reference
against nn.TransformerEncoderLayer itself on these cases."""

import numpy as np

from mianjing.problems.case import Case


def _params(rng, d, ff):
    return {
        "self_attn.in_proj_weight": rng.standard_normal((3 * d, d)) / np.sqrt(d),
        "self_attn.in_proj_bias": rng.standard_normal(3 * d) * 0.1,
        "self_attn.out_proj.weight": rng.standard_normal((d, d)) / np.sqrt(d),
        "self_attn.out_proj.bias": rng.standard_normal(d) * 0.1,
        "linear1.weight": rng.standard_normal((ff, d)) / np.sqrt(d),
        "linear1.bias": rng.standard_normal(ff) * 0.1,
        "linear2.weight": rng.standard_normal((d, ff)) / np.sqrt(ff),
        "linear2.bias": rng.standard_normal(d) * 0.1,
        "norm1.weight": 1.0 + 0.2 * rng.standard_normal(d),
        "norm1.bias": 0.1 * rng.standard_normal(d),
        "norm2.weight": 1.0 + 0.2 * rng.standard_normal(d),
        "norm2.bias": 0.1 * rng.standard_normal(d),
    }


def _padding(rng, b, t):
    """Right padding with random lengths; every sequence keeps at least one real token."""
    lengths = rng.integers(1, t + 1, size=b)
    return np.arange(t)[None, :] >= lengths[:, None]


def _case(name, rng, b, t, d, h, ff, norm_first, pad=False, x_scale=1.0, hidden=True, note=""):
    return Case(name, {
        "init": {"d_model": d, "nhead": h, "dim_feedforward": ff, "norm_first": norm_first},
        "params": _params(rng, d, ff),
        "src": rng.standard_normal((b, t, d)) * x_scale,
        "src_key_padding_mask": _padding(rng, b, t) if pad else None,
    }, hidden=hidden, note=note or ("pre-LN" if norm_first else "post-LN") + (" with padding" if pad else ""))


def _identity_example(norm_first):
    """The statement's worked example: every projection is the identity, so q = k = v = src."""
    eye = np.eye(4)
    params = {
        "self_attn.in_proj_weight": np.concatenate([eye, eye, eye]), "self_attn.in_proj_bias": np.zeros(12),
        "self_attn.out_proj.weight": eye, "self_attn.out_proj.bias": np.zeros(4),
        "linear1.weight": eye, "linear1.bias": np.zeros(4), "linear2.weight": eye, "linear2.bias": np.zeros(4),
        "norm1.weight": np.ones(4), "norm1.bias": np.zeros(4), "norm2.weight": np.ones(4), "norm2.bias": np.zeros(4),
    }
    return {"init": {"d_model": 4, "nhead": 2, "dim_feedforward": 4, "norm_first": norm_first},
            "params": params, "src": np.array([[[1.0, 0.0, 0.0, 0.0], [0.0, 2.0, 0.0, -1.0]]]),
            "src_key_padding_mask": None}


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", _identity_example(False), hidden=False),
        Case("example-2", _identity_example(True), hidden=False),
        _case("example-3", rng, 2, 4, 4, 2, 8, False, pad=True, hidden=False),
        _case("edge-post-ln-padding", rng, 3, 6, 16, 4, 32, False, pad=True),
        _case("edge-pre-ln-padding", rng, 3, 6, 16, 4, 32, True, pad=True),
        _case("edge-one-head", rng, 2, 5, 8, 1, 16, True, note="pre-LN, a single head"),
        _case("edge-single-token", rng, 2, 1, 8, 2, 16, False, note="post-LN, T = 1"),
        _case("edge-large-residual-pre-ln", rng, 2, 5, 16, 2, 32, True, x_scale=5.0,
              note="pre-LN on inputs of size ~5: the residual must carry the raw input"),
        _case("edge-large-residual-post-ln", rng, 2, 5, 16, 2, 32, False, x_scale=2.0,
              note="post-LN on inputs of size ~2"),
    ]
    for k in range(6):
        d = int(rng.choice([8, 16, 32]))
        h = int(rng.choice([hh for hh in (1, 2, 4) if d % hh == 0]))
        out.append(_case(f"random-{k + 1}", rng, int(rng.integers(1, 4)), int(rng.integers(2, 11)), d, h,
                         int(rng.choice([d, 2 * d])), norm_first=bool(k % 2), pad=bool(k % 3)))
    return out


def crosscheck_torch(seeds=range(3)) -> float:
    """Max |reference - nn.TransformerEncoderLayer| (float64, dropout 0, train mode so the fused fast
    path is off) over the cases of the given seeds, for the output and every gradient."""
    import pathlib

    import torch

    ns: dict = {}
    exec((pathlib.Path(__file__).parent / "reference.py").read_text(), ns)
    worst = 0.0
    for seed in seeds:
        for c in cases(np.random.default_rng(seed)):
            init, params = c.inputs["init"], c.inputs["params"]
            pad = c.inputs["src_key_padding_mask"]
            pad = None if pad is None else torch.tensor(pad)
            results = []
            for module in (
                ns["TransformerEncoderLayer"](**init),
                torch.nn.TransformerEncoderLayer(init["d_model"], init["nhead"], init["dim_feedforward"],
                                                 dropout=0.0, batch_first=True, norm_first=init["norm_first"]),
            ):
                module = module.double().train()
                named = dict(module.named_parameters())
                assert set(named) == set(params), sorted(set(named) ^ set(params))
                with torch.no_grad():
                    for name, arr in params.items():
                        named[name].copy_(torch.tensor(arr))
                src = torch.tensor(c.inputs["src"]).requires_grad_(True)
                y = module(src, src_key_padding_mask=pad)
                y.backward(torch.cos(torch.arange(y.numel(), dtype=torch.float64)).view_as(y))
                results.append([y.detach(), src.grad] + [named[n].grad for n in sorted(params)])
            for a, b in zip(*results):
                worst = max(worst, float((a - b).abs().max()))
    return worst
