"""Parameter counts: exact against transformers models built from the same configs, and published sizes."""

from __future__ import annotations

import pytest

from mianjing.calc.params import arch_from_config, count_params, params_from_config
from mianjing.calc.presets import PUBLISHED, load_config, preset_names
from mianjing.calc.units import CalcError

REQUIRED = {"llama-2-7b", "llama-3.1-8b", "llama-3.1-70b", "llama-3.1-405b", "qwen2.5-0.5b", "qwen2.5-7b",
            "qwen2.5-14b", "qwen2.5-32b", "qwen2.5-72b", "mistral-7b-v0.1", "mixtral-8x7b", "deepseek-v3"}


def test_all_required_presets_ship():
    assert REQUIRED <= set(preset_names())


@pytest.mark.parametrize("name", sorted(n for n in REQUIRED if PUBLISHED[n].total))
def test_totals_equal_published_safetensors_counts(name):
    _, cfg = load_config(model=name)
    assert params_from_config(cfg, name).total == PUBLISHED[name].total


def test_deepseek_v3_main_mtp_active():
    _, cfg = load_config(model="deepseek-v3")
    r = params_from_config(cfg, "deepseek-v3")
    assert r.total == 671_026_404_352  # "671B": main model only
    assert abs(r.active - 37e9) / 37e9 < 0.02  # "37B activated"
    # the checkpoint's 685B = main + MTP module stored with its own embedding and head copies
    assert abs(r.total + r.mtp_stored - 685e9) / 685e9 < 0.001
    assert r.mtp > 0 and r.mtp not in (0, r.total)
    assert "mtp" in r.to_json() and r.to_json()["total"] == r.total


def test_mixtral_active_and_breakdown():
    _, cfg = load_config(model="mixtral-8x7b")
    r = params_from_config(cfg, "mixtral-8x7b")
    assert r.active == 12_879_925_248  # 12.9B active: 2 of 8 experts per layer
    assert sum(c.count for c in r.components) == r.total
    assert r.embedding == 2 * 32000 * 4096 and r.non_embedding == r.total - r.embedding


def test_tied_embedding_counted_once():
    _, cfg = load_config(model="qwen2.5-0.5b")
    r = params_from_config(cfg, "q")
    assert r.embedding == 151936 * 896
    untied = params_from_config({**cfg, "tie_word_embeddings": False}, "q")
    assert untied.total - r.total == 151936 * 896


@pytest.mark.parametrize("cfg,missing", [
    ({"hidden_size": 8, "num_hidden_layers": 2, "num_attention_heads": 2}, "vocab_size"),
    ({"vocab_size": 10, "hidden_size": 8, "num_hidden_layers": 2, "num_attention_heads": 2}, "intermediate_size"),
])
def test_missing_fields_are_named(cfg, missing):
    with pytest.raises(CalcError, match=missing):
        params_from_config(cfg)


def test_bad_head_counts_rejected():
    with pytest.raises(CalcError, match="multiple"):
        params_from_config({"vocab_size": 10, "hidden_size": 8, "num_hidden_layers": 1, "num_attention_heads": 4,
                            "num_key_value_heads": 3, "intermediate_size": 16})


def test_unknown_model_and_bad_file(tmp_path):
    with pytest.raises(CalcError, match="unknown model"):
        load_config(model="gpt-17")
    bad = tmp_path / "config.json"
    bad.write_text("{not json")
    with pytest.raises(CalcError, match="not valid JSON"):
        load_config(config_path=str(bad))
    with pytest.raises(CalcError, match="exactly one"):
        load_config()


# ---- cross-check with transformers on the meta device ----------------------------------------------------

def _build(cfg: dict):
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    kw = {k: v for k, v in cfg.items() if k not in ("model_type", "quantization_config")}
    conf = transformers.AutoConfig.for_model(cfg["model_type"], **kw)
    with torch.device("meta"):
        return transformers.AutoModelForCausalLM.from_config(conf)


@pytest.mark.parametrize("name", sorted(REQUIRED))
def test_presets_equal_transformers_models(name):
    _, cfg = load_config(model=name)
    model = _build(cfg)
    assert sum(p.numel() for p in model.parameters()) == params_from_config(cfg, name).total


def _largest_module(model) -> int:
    return max(sum(p.numel() for p in m.parameters(recurse=False)) for m in model.modules())


@pytest.mark.parametrize("name", ["qwen2.5-7b", "mixtral-8x7b", "deepseek-v3"])
def test_largest_layer_matches_deepspeed_walk(name):
    _, cfg = load_config(model=name)
    assert _largest_module(_build(cfg)) == params_from_config(cfg, name).largest_layer


SMALL = {
    # explicit head_dim different from hidden/heads, Qwen3 q/k norms, untied
    "qwen3": dict(model_type="qwen3", vocab_size=1000, hidden_size=64, intermediate_size=96, num_hidden_layers=3,
                  num_attention_heads=4, num_key_value_heads=2, head_dim=24, tie_word_embeddings=False),
    # Llama with attention and MLP biases, MQA
    "llama-bias-mqa": dict(model_type="llama", vocab_size=500, hidden_size=64, intermediate_size=100,
                           num_hidden_layers=2, num_attention_heads=8, num_key_value_heads=1, attention_bias=True,
                           mlp_bias=True, tie_word_embeddings=True),
    # no tie_word_embeddings field: LlamaConfig's default (untied) applies
    "llama-no-tie-field": dict(model_type="llama", vocab_size=400, hidden_size=32, intermediate_size=48,
                               num_hidden_layers=2, num_attention_heads=4),
    "qwen3-moe": dict(model_type="qwen3_moe", vocab_size=300, hidden_size=32, intermediate_size=64,
                      moe_intermediate_size=16, num_experts=6, num_experts_per_tok=2, num_hidden_layers=4,
                      decoder_sparse_step=2, mlp_only_layers=[3], num_attention_heads=4, num_key_value_heads=2,
                      head_dim=8, tie_word_embeddings=False),
    "qwen2-moe": dict(model_type="qwen2_moe", vocab_size=300, hidden_size=32, intermediate_size=64,
                      moe_intermediate_size=16, shared_expert_intermediate_size=48, num_experts=4,
                      num_experts_per_tok=2, num_hidden_layers=2, num_attention_heads=4, num_key_value_heads=4,
                      tie_word_embeddings=False),
    # MLA without the query bottleneck, DeepSeek dense first layer + shared expert
    "deepseek-no-qlora": dict(model_type="deepseek_v3", vocab_size=256, hidden_size=64, intermediate_size=128,
                              moe_intermediate_size=32, num_hidden_layers=3, num_attention_heads=4,
                              num_key_value_heads=4, n_routed_experts=8, n_shared_experts=2,
                              num_experts_per_tok=2, first_k_dense_replace=1, n_group=1, topk_group=1,
                              q_lora_rank=None, kv_lora_rank=16, qk_rope_head_dim=8, qk_nope_head_dim=16,
                              v_head_dim=12, tie_word_embeddings=False),
}


@pytest.mark.parametrize("key", sorted(SMALL))
def test_small_configs_equal_transformers(key):
    cfg = SMALL[key]
    model = _build(cfg)
    assert sum(p.numel() for p in model.parameters()) == params_from_config(cfg, key).total


def test_unknown_model_type_is_flagged():
    a = arch_from_config({"model_type": "mystery", "vocab_size": 10, "hidden_size": 8, "num_hidden_layers": 1,
                          "num_attention_heads": 2, "intermediate_size": 16})
    assert a.assumptions and "Llama-style" in a.assumptions[0]
    assert count_params(a).total == 10 * 8 + (4 * 64) + 3 * 8 * 16 + 2 * 8 + 8  # tied by default
