"""The hand-written references of adam, adamw, grad-clip and cross-entropy equal PyTorch's own
implementations on every case of several seeds (the statements promise PyTorch's semantics)."""

import pytest
import torch
import torch.nn.functional as F

from mianjing.judge import controller, harness
from mianjing.problems.bank import get_problem


def _reference(p):
    ns = {}
    exec(p.reference_source(), ns)
    return ns[p.entry]


@pytest.mark.parametrize("pid,cls", [("adam", "Adam"), ("adamw", "AdamW")])
def test_optimiser_reference_matches_torch_optim(pid, cls):
    p = get_problem(pid)
    custom = harness.load_custom(p.harness_source())
    mine, theirs = _reference(p), getattr(torch.optim, cls)
    for seed in range(5):
        cases, _ = controller.build_cases(p, seed)
        for c in cases:
            a = custom["run"](mine, c.inputs, "float64", 0)
            b = custom["run"](lambda params, **hp: theirs(params, **hp), c.inputs, "float64", 0)
            for k in a:
                assert torch.allclose(a[k], b[k], rtol=0, atol=1e-12), (seed, c.name, k)


def test_grad_clip_reference_matches_clip_grad_norm_():
    p = get_problem("grad-clip")
    custom = harness.load_custom(p.harness_source())
    mine = _reference(p)
    for seed in range(5):
        cases, _ = controller.build_cases(p, seed)
        for c in cases:
            a = custom["run"](mine, c.inputs, "float64", 0)
            b = custom["run"](lambda ps, max_norm, norm_type: torch.nn.utils.clip_grad_norm_(ps, max_norm, norm_type),
                              c.inputs, "float64", 0)
            for k in a:
                assert (a[k] is None and b[k] is None) or torch.allclose(a[k], b[k], rtol=0, atol=1e-12), (c.name, k)


def test_cross_entropy_reference_matches_f_cross_entropy():
    p = get_problem("cross-entropy")
    mine = _reference(p)
    for seed in range(5):
        cases, _ = controller.build_cases(p, seed)
        for c in cases:
            i = c.inputs
            x1 = torch.tensor(i["logits"], requires_grad=True)
            x2 = torch.tensor(i["logits"], requires_grad=True)
            t = torch.tensor(i["target"])
            a = mine(x1, t, i["ignore_index"], i["label_smoothing"])
            b = F.cross_entropy(x2.reshape(-1, x2.shape[-1]), t.reshape(-1), ignore_index=i["ignore_index"],
                                label_smoothing=i["label_smoothing"])
            if torch.isnan(b):
                assert torch.isnan(a), c.name
                continue
            a.backward()
            b.backward()
            assert torch.allclose(a, b, rtol=0, atol=1e-12), c.name
            assert torch.allclose(x1.grad, x2.grad, rtol=0, atol=1e-12), c.name


def test_encoder_layer_reference_matches_nn_transformer_encoder_layer():
    p = get_problem("transformer-encoder-layer")
    worst = controller.cases_module(p).crosscheck_torch(range(2))
    assert worst < 1e-10, worst


@pytest.mark.parametrize("causal", [False, True])
def test_flash_attention_reference_equals_naive_attention(causal):
    fa = _reference(get_problem("flash-attention"))
    g = torch.Generator().manual_seed(0)
    q, k, v = (torch.randn(2, 3, 600, 16, generator=g, dtype=torch.float64) for _ in range(3))
    naive = F.scaled_dot_product_attention(q, k, v, is_causal=causal)
    assert torch.allclose(fa(q, k, v, causal=causal), naive, rtol=0, atol=1e-12)


def test_kv_cache_decode_reference_equals_full_causal_attention():
    p = get_problem("kv-cache-decode")
    custom = harness.load_custom(p.harness_source())
    ref = _reference(p)
    for seed in range(3):
        cases, _ = controller.build_cases(p, seed)
        for c in cases:
            got = custom["run"](ref, c.inputs, "float64", 0)["out"]
            x = torch.tensor(c.inputs["x"], dtype=torch.float64)
            B, T, D = x.shape
            H = int(c.inputs["n_heads"])
            w = {k: torch.tensor(c.inputs[k], dtype=torch.float64) for k in ("wq", "wk", "wv", "wo")}

            def heads(z):
                return z.view(B, T, H, D // H).transpose(1, 2)

            # the harness adds the offset of the call that computed each position to its key and
            # value (so recomputing the past shows in the output): position t came from call c(t)
            call = torch.repeat_interleave(torch.arange(len(c.inputs["steps"])), torch.tensor(c.inputs["steps"]))
            k_off = torch.tensor(c.inputs["k_offsets"], dtype=torch.float64)[call] if "k_offsets" in c.inputs else 0
            v_off = torch.tensor(c.inputs["v_offsets"], dtype=torch.float64)[call] if "v_offsets" in c.inputs else 0
            q, k, v = heads(x @ w["wq"].T), heads(x @ w["wk"].T + k_off), heads(x @ w["wv"].T + v_off)
            y = F.scaled_dot_product_attention(q, k, v, is_causal=True).transpose(1, 2).reshape(B, T, D)
            assert torch.allclose(got, y @ w["wo"].T, rtol=0, atol=1e-10), (seed, c.name)
