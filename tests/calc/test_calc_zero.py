"""ZeRO: the paper's Figure 1 and DeepSpeed's estimator outputs, digit for digit."""

from __future__ import annotations

import pytest

from mianjing.calc import verify as v
from mianjing.calc import zero as z
from mianjing.calc.units import CalcError


def lines(rows):
    return [r.line() for r in rows]


def test_deepspeed_docs_zero3_cold_8_gpus():
    assert lines(z.ds_zero3_rows(2851e6, 32e6, 8, 1)) == v.DS_ZERO3_COLD_8


def test_deepspeed_docs_zero2_cold_offload_row_and_docs_formula():
    rows = z.ds_zero2_rows(2851e6, 8, 1)
    assert rows[0].line() == v.DS_ZERO2_COLD_8[0]
    # the docs' 15.93GB comes from the older 4P + 16P/N; current code gives 2P + 18P/N
    assert rows[1].line() != v.DS_ZERO2_COLD_8[1]
    assert rows[1].gpu_bytes_per_gpu == 2 * 2_851_000_000 + int(18 * 2851e6 / 8)
    assert rows[1].line().strip().startswith("127.45GB |  11.28GB")
    assert lines(z.ds_zero2_rows(2851e6, 8, 1, legacy_docs=True)) == v.DS_ZERO2_COLD_8


def test_deepspeed_docs_live_t5_3b():
    assert lines(z.ds_zero3_rows(*v.T5_3B, 8, 1)) == v.DS_ZERO3_LIVE_8
    assert lines(z.ds_zero2_rows(v.T5_3B[0], 8, 1, legacy_docs=True)) == v.DS_ZERO2_LIVE_8


def test_hugging_face_docs_t0_3b():
    assert lines(z.ds_zero3_rows(*v.T0_3B, 1, 1)) == v.HF_T0_3B_1
    assert lines(z.ds_zero3_rows(*v.T0_3B, 2, 1)) == v.HF_T0_3B_2


def test_deepspeed_docs_t5_large_cases():
    rows = {(r.offload_param, r.offload_optimizer, r.zero_init): r for r in z.ds_zero3_rows(*v.T5_LARGE, 4, 1)}
    assert rows[("none", "none", 1)].gpu_bytes_per_gpu >> 20 == 3291
    assert rows[("cpu", "cpu", 1)].gpu_bytes_per_gpu >> 20 == 125
    assert rows[("none", "cpu", 1)].gpu_bytes_per_gpu >> 20 == 477


def test_header_matches_deepspeed_print():
    assert z.ds_header(3, 2851e6, 8, 1, 32e6)[:3] == [
        "Estimated memory needed for params, optim states and gradients for a:",
        "HW: Setup with 1 node, 8 GPUs per node.",
        "SW: Model with 2851M total params, 32M largest layer params."]
    assert z.ds_header(2, 13e9, 1, 2)[1] == "HW: Setup with 2 nodes, 1 GPU per node."


def test_multi_node_uses_gpus_factor():
    rows = z.ds_zero3_rows(10**9, 10**7, 8, 2)
    r = next(r for r in rows if r.offload_param == "cpu" and r.zero_init == 1)
    assert r.cpu_bytes == int(10**9 * 18 * 0.5 * 1.5)


# T5 models rebuilt from their configs: the constants fed to the "live" examples are real counts
T5_CONFIGS = {
    "t5-3b": (dict(vocab_size=32128, d_model=1024, d_kv=128, d_ff=16384, num_layers=24, num_heads=32,
                   feed_forward_proj="relu"), v.T5_3B),
    "T0_3B": (dict(vocab_size=32128, d_model=2048, d_kv=64, d_ff=5120, num_layers=24, num_heads=32,
                   feed_forward_proj="gated-gelu", tie_word_embeddings=False), v.T0_3B),
    "t5-large": (dict(vocab_size=32128, d_model=1024, d_kv=64, d_ff=4096, num_layers=24, num_heads=16,
                      feed_forward_proj="relu"), v.T5_LARGE),
}


@pytest.mark.parametrize("name", sorted(T5_CONFIGS))
def test_live_constants_are_real_t5_counts(name):
    torch = pytest.importorskip("torch")
    transformers = pytest.importorskip("transformers")
    kw, (total, largest) = T5_CONFIGS[name]
    with torch.device("meta"):
        model = transformers.T5Model(transformers.T5Config(**kw))
    assert sum(p.numel() for p in model.parameters()) == total
    assert max(sum(p.numel() for p in m.parameters(recurse=False)) for m in model.modules()) == largest


def test_paper_figure_1():
    st = z.paper_stages(7_500_000_000, 64)
    assert [s.bytes_per_gpu for s in st] == [120_000_000_000, 31_406_250_000, 16_640_625_000, 1_875_000_000]
    assert [round(s.bytes_per_gpu / 1e9, 1) for s in st] == [120.0, 31.4, 16.6, 1.9]


def test_paper_stage_3_is_total_over_n():
    for n in (1, 2, 8, 64):
        st = z.paper_stages(10**9, n)
        assert st[3].bytes_per_gpu == 16 * 10**9 // n
        assert st[0].bytes_per_gpu == 16 * 10**9
    assert z.paper_stages(10**9, 1)[1].bytes_per_gpu == 16 * 10**9


@pytest.mark.parametrize("text,value", [("7.5B", 7_500_000_000), ("2851e6", 2_851_000_000), ("325M", 325_000_000),
                                        ("13000000000", 13_000_000_000), ("1.5k", 1500)])
def test_parse_count(text, value):
    assert z.parse_count(text) == value


@pytest.mark.parametrize("text", ["", "abc", "-5", "0", "1.5", "7.5X"])
def test_parse_count_rejects(text):
    with pytest.raises(CalcError):
        z.parse_count(text)


def test_verify_arithmetic_checks_all_pass():
    checks = v.run_checks(measure=False)
    assert checks and all(c.ok for c in checks), [c for c in checks if not c.ok]
