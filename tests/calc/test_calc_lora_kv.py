"""LoRA trainable counts (checked with PEFT) and KV-cache sizes (checked by hand and with real caches)."""

from __future__ import annotations

import pytest

from mianjing.calc.kv import kv_cache
from mianjing.calc.lora import lora_params
from mianjing.calc.params import arch_from_config
from mianjing.calc.presets import load_config
from mianjing.calc.units import CalcError


def arch(name):
    _, cfg = load_config(model=name)
    return arch_from_config(cfg, name)


def test_lora_by_hand_llama_8b_q_v():
    # q_proj 4096->4096, v_proj 4096->1024, 32 layers, r = 16
    r = lora_params(arch("llama-3.1-8b"), 16, "q_proj,v_proj")
    assert r.trainable == 32 * 16 * ((4096 + 4096) + (4096 + 1024)) == 6_815_744


def test_lora_groups_and_errors():
    a = arch("qwen2.5-7b")
    assert lora_params(a, 8, "attention").trainable == lora_params(a, 8, "q_proj,k_proj,v_proj,o_proj").trainable
    assert lora_params(a, 8, "all-linear").trainable == lora_params(a, 8, "attention,mlp").trainable
    with pytest.raises(CalcError, match="unknown LoRA target"):
        lora_params(a, 8, "qkv")
    with pytest.raises(CalcError, match="no module named"):
        lora_params(a, 8, "kv_b_proj")
    with pytest.raises(CalcError, match="no routed experts"):
        lora_params(a, 8, "experts")
    with pytest.raises(CalcError, match="rank"):
        lora_params(a, 0)


def _peft_count(name, targets, r=16):
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    peft = pytest.importorskip("peft")
    _, cfg = load_config(model=name)
    kw = {k: v for k, v in cfg.items() if k not in ("model_type", "quantization_config")}
    conf = transformers.AutoConfig.for_model(cfg["model_type"], **kw)
    tm = targets if targets == "all-linear" else targets.split(",")
    with torch.device("meta"):
        model = transformers.AutoModelForCausalLM.from_config(conf)
        pm = peft.get_peft_model(model, peft.LoraConfig(r=r, target_modules=tm))
    return sum(p.numel() for p in pm.parameters() if p.requires_grad)


@pytest.mark.parametrize("name,targets", [
    ("llama-3.1-8b", "all-linear"), ("llama-3.1-8b", "q_proj,v_proj"), ("qwen2.5-7b", "all-linear"),
    ("qwen2.5-0.5b", "all-linear"), ("mistral-7b-v0.1", "q_proj,k_proj,v_proj,o_proj"),
    ("mixtral-8x7b", "all-linear"), ("deepseek-v3", "q_b_proj,kv_b_proj"),
])
def test_lora_equals_peft(name, targets):
    assert lora_params(arch(name), 16, targets).trainable == _peft_count(name, targets)


def test_deepseek_all_linear_vs_peft_known_gap():
    """PEFT's transformers-5 MoE mapping leaves DeepSeek-V3's dense and shared-expert MLPs unwrapped under
    all-linear; mianjing wraps them (they are nn.Linear). The gap is exactly those adapters."""
    a = arch("deepseek-v3")
    ours = lora_params(a, 16, "all-linear")
    mlps = sum(t for k, (_, t) in ours.per_module.items() if k.split(" ")[0] in ("gate_proj", "up_proj", "down_proj"))
    assert mlps > 0
    assert _peft_count("deepseek-v3", "all-linear") == ours.trainable - mlps


def test_moe_experts_effective_count():
    a = arch("mixtral-8x7b")
    r = lora_params(a, 16, "experts")
    h, f, E, L = 4096, 14336, 8, 32
    assert r.trainable == L * (2 * 16 * E * (h + 2 * f) + 16 * E * (f + h))
    assert r.trainable_effective == L * E * 3 * 16 * (h + f)  # per-expert gate, up, down adapters


# ---- KV cache --------------------------------------------------------------------------------------------

def test_kv_llama_70b_128k():
    r = kv_cache(arch("llama-3.1-70b"), 131072, 1, "bf16", 2)
    assert r.own.attention == "GQA"
    assert r.own.bytes_per_token == 2 * 80 * 8 * 128 * 2 == 327_680
    assert r.total_bytes == 40 * 2**30


def test_kv_compare_ratios():
    r = kv_cache(arch("llama-3.1-70b"), 1024, 1, "bf16", 2, compare=True)
    by = {v.attention: v.bytes_per_token for v in r.compare}
    assert by["MHA"] == 2 * 80 * 64 * 128 * 2
    assert by["MHA"] // by["GQA"] == 8 and by["MHA"] // by["MQA"] == 64
    assert r.to_json()["compare"][-1]["ratio_to_mha"] == 64.0


def test_kv_mla_latent_deepseek_v3():
    r = kv_cache(arch("deepseek-v3"), 4096, 2, "bf16", 2, compare=True)
    assert r.own.attention == "MLA"
    assert r.own.bytes_per_token == 61 * (512 + 64) * 2 == 70_272
    mha = r.compare[0]
    assert mha.bytes_per_token == 61 * 128 * (192 + 128) * 2
    assert mha.bytes_per_token / r.own.bytes_per_token > 70  # the order-of-magnitude gap calculators miss
    assert r.total_bytes == 70_272 * 4096 * 2


def test_kv_mha_and_fp8():
    r = kv_cache(arch("llama-2-7b"), 4096, 1, "fp8", 1)
    assert r.own.attention == "MHA" and r.own.bytes_per_token == 2 * 32 * 32 * 128


def test_kv_bad_input():
    with pytest.raises(CalcError):
        kv_cache(arch("llama-2-7b"), 0)


def test_kv_real_cache_tensors():
    pytest.importorskip("transformers")
    from mianjing.calc.measure import kv_cache_bytes

    results = kv_cache_bytes()
    assert len(results) == 3
    for m in results:
        assert m.measured == m.formula, m
