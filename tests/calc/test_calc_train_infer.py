"""Training and inference memory: each line recomputed by hand, fit and fewest-GPU logic, bad settings."""

from __future__ import annotations

import pytest

from mianjing.calc.infer import infer_memory
from mianjing.calc.params import arch_from_config, count_params
from mianjing.calc.presets import load_config
from mianjing.calc.train import TrainSetup, nf4_bytes, train_memory
from mianjing.calc.units import GiB, CalcError, parse_size

QWEN32 = 32_763_876_352


def arch(name):
    _, cfg = load_config(model=name)
    return arch_from_config(cfg, name)


def test_full_zero3_qwen32b_lines_by_hand():
    r = train_memory(arch("qwen2.5-32b"), TrainSetup(method="full", gpus=8, gpu_memory=80 * GiB, zero=3, seq=4096))
    got = {ln.name: ln.bytes for ln in r.lines}
    assert got["weights"] == 2 * QWEN32 // 8
    assert got["gradients"] == 2 * QWEN32 // 8
    assert got["optimizer states"] == 12 * QWEN32 // 8
    # 64 layer inputs + one layer recomputed: norms 16·s·h + attention 2·s·(5120 + 1024 + 1024 + 2·5120) + MLP 8·s·f
    one_layer = 16 * 4096 * 5120 + 2 * 4096 * (5120 + 2 * 1024 + 2 * 5120) + 8 * 4096 * 27648
    assert one_layer == 1_384_120_320
    assert got["activations (full recompute)"] == 64 * 2 * 4096 * 5120 + one_layer
    assert got["logits (fp32, for the loss)"] == 4 * 4096 * 152064
    assert got["buffers"] == 4 * 152064 * 5120  # ZeRO-3 gathers the largest layer; the reserve is apart
    assert r.per_gpu == sum(got.values()) and r.fits
    assert r.per_gpu <= 80 * GiB - r.setup.reserve == r.setup.usable
    # fewest GPUs: that many fit, one fewer does not
    assert r.min_gpus == 8
    fewer = train_memory(arch("qwen2.5-32b"), TrainSetup(method="full", gpus=7, gpu_memory=80 * GiB, zero=3, seq=4096))
    assert not fewer.fits
    assert r.min_gpus_by_stage[0] is None  # a full replica of 16 bytes/param never fits in 80 GiB


def test_convention_18_uses_fp32_gradients():
    a = arch("llama-3.1-8b")
    p = count_params(a).total
    s16 = train_memory(a, TrainSetup(gpus=4, zero=1, convention="zero-paper"))
    s18 = train_memory(a, TrainSetup(gpus=4, zero=1, convention="fp32-grads"))
    g16 = next(x.bytes for x in s16.lines if x.name == "gradients")
    g18 = next(x.bytes for x in s18.lines if x.name == "gradients")
    assert (g16, g18) == (2 * p, 4 * p)


def test_lora_and_qlora_only_adapters_train():
    a = arch("qwen2.5-32b")
    lora = train_memory(a, TrainSetup(method="lora", gpus=1, zero=0, lora_rank=16))
    q = train_memory(a, TrainSetup(method="qlora", gpus=1, zero=0, lora_rank=16))
    assert lora.trainable == q.trainable < QWEN32 // 100
    opt = next(x.bytes for x in lora.lines if x.name == "optimizer states")
    assert opt == 12 * lora.trainable
    wl = next(x.bytes for x in lora.lines if x.name == "weights")
    wq = next(x.bytes for x in q.lines if x.name == "weights")
    assert wl == 2 * (QWEN32 + lora.trainable)
    assert 0.25 < wq / wl < 0.32  # ~4.13 bits for the matrices, embeddings and head stay 16-bit


def test_nf4_double_quant_bits():
    n = 64 * 256 * 100
    assert nf4_bytes(n) * 8 / n == pytest.approx(4.127, abs=1e-3)


def test_offload_moves_states_to_cpu():
    a = arch("llama-3.1-8b")
    r = train_memory(a, TrainSetup(gpus=2, zero=3, offload_optimizer=True, offload_param=True))
    got = {x.name: x.bytes for x in r.lines}
    assert got["weights"] == 0 and got["optimizer states"] == 0 and r.cpu_per_gpu > 0


def test_activation_recompute_ordering():
    a = arch("llama-3.1-8b")
    acts = [next(x.bytes for x in train_memory(a, TrainSetup(recompute=m, seq=8192)).lines if x.name.startswith("activ"))
            for m in ("none", "selective", "full")]
    assert acts[0] > acts[1] > acts[2]
    per_layer = 16 * 8192 * 4096 + 2 * 8192 * (4096 + 2 * 1024 + 2 * 4096) + 8 * 8192 * 14336  # Llama-3.1-8B
    assert acts[1] == 32 * per_layer
    assert acts[0] == 32 * (per_layer + 5 * 32 * 8192 * 8192)  # + attention scores (Korthikanti's term)
    assert acts[2] == 32 * 2 * 8192 * 4096 + per_layer


@pytest.mark.parametrize("kw,msg", [
    (dict(offload_param=True, zero=2, offload_optimizer=True), "needs --zero 3"),
    (dict(offload_param=True, zero=3), "offload-optimizer"),
    (dict(offload_optimizer=True, zero=0), "ZeRO-Offload"),
    (dict(gpus=6, tp=4), "multiple"),
    (dict(method="sgd"), "method"),
    (dict(recompute="some"), "recompute"),
    (dict(zero=4), "zero"),
    (dict(tp=3, gpus=3), "does not divide"),
])
def test_train_rejects_impossible_settings(kw, msg):
    with pytest.raises(CalcError, match=msg):
        train_memory(arch("llama-3.1-8b"), TrainSetup(**kw))


def test_infer_llama70b_by_hand():
    a = arch("llama-3.1-70b")
    r = infer_memory(a, 80 * GiB, gpus=4, reserve=GiB, chunk=8192)
    assert r.weights == 2 * 70_553_706_496 // 4
    assert r.kv_per_token == 2 * 80 * 2 * 128 * 2  # 8 KV heads over 4 GPUs: 2 each
    assert r.working == 8192 * (4 * 8192 + 3 * 28672) * 2 // 4  # one prefill chunk; the reserve is apart
    assert r.max_tokens == (80 * GiB - GiB - r.weights - r.working) // r.kv_per_token
    assert dict(r.table)[131072] == r.max_tokens // 131072


def test_infer_replication_rules():
    r = infer_memory(arch("llama-3.1-70b"), 80 * GiB, gpus=16)  # 8 KV heads on 16 GPUs: each held twice
    assert r.kv_per_token == 2 * 80 * 1 * 128 * 2
    with pytest.raises(CalcError, match="does not divide the 28 attention heads"):
        infer_memory(arch("qwen2.5-7b"), 80 * GiB, gpus=8)  # 28 heads, 4 KV heads: TP 8 cannot split it
    d = infer_memory(arch("deepseek-v3"), 141 * 10**9, gpus=8, dtype="fp8", nbytes=1, kv_nbytes=2)
    assert d.kv_per_token == 61 * 576 * 2  # the latent is replicated on every GPU


def test_infer_quant_and_no_fit():
    a = arch("llama-3.1-8b")
    b = infer_memory(a, 80 * GiB).weights
    i8 = infer_memory(a, 80 * GiB, quant="int8").weights
    i4 = infer_memory(a, 80 * GiB, quant="int4").weights
    assert b > i8 > i4 > b // 4
    small = infer_memory(arch("llama-3.1-70b"), 24 * GiB)
    assert small.max_tokens == 0 and small.notes
    with pytest.raises(CalcError):
        infer_memory(a, 80 * GiB, quant="int3")


@pytest.mark.parametrize("text,value", [("80GiB", 80 * 2**30), ("80GB", 80 * 10**9), ("1.5 TiB", int(1.5 * 2**40)),
                                        ("512MiB", 512 * 2**20)])
def test_parse_size(text, value):
    assert parse_size(text) == value


@pytest.mark.parametrize("text", ["80", "80G", "eighty GB", "0GB", "-1GB"])
def test_parse_size_rejects_ambiguous(text):
    with pytest.raises(CalcError):
        parse_size(text)
