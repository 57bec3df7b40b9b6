"""The questions interviewers ask ("how many GPUs?"), one flag vocabulary, and impossible setups refused.

Every fewest-GPUs answer is checked with the calculator's own per-GPU memory: it fits at N GPUs and
does not at N − 1 (or N − 1 is not a valid layout), and against the hand derivations in
docs/calculators.md.
"""

from __future__ import annotations

import json
import math

import pytest
import typer
from typer.testing import CliRunner

from mianjing.calc.hardware import (Cluster, MAX_GPUS, resolve_gpu, resolve_gpus, tp_problem, unit_warning,
                                    valid_tp_degrees)
from mianjing.calc.infer import infer_memory, infer_plan, layouts
from mianjing.calc.params import arch_from_config, count_params
from mianjing.calc.presets import WHY, load_config, preset_key, preset_names
from mianjing.calc.train import STRATEGIES, TrainSetup, train_memory, train_plan
from mianjing.calc.units import GiB, CalcError
from mianjing.cli import calc

QWEN32 = 32_763_876_352
LLAMA70 = 70_553_706_496
A100_80 = 80 * GiB
H100 = 81_559 * 2**20


def arch(name):
    _, cfg = load_config(model=name)
    return arch_from_config(cfg, name)


@pytest.fixture(scope="module")
def app():
    root = typer.Typer()
    calc.register(root)

    @root.callback()
    def _root():
        pass
    return root


def run(app, *args):
    return CliRunner().invoke(app, ["calc", *args], env={"COLUMNS": "100"})


def js(app, *args):
    r = run(app, *args, "--json")
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


# ---- cards, counts, units --------------------------------------------------------------------------------

@pytest.mark.parametrize("text,name,nbytes", [
    ("A100-80G", "A100-80G", 80 * GiB), ("a100", "A100-80G", 80 * GiB), ("H100", "H100-80G", H100),
    ("NVIDIA H100 80GB", "H100-80G", H100), ("H200", "H200", 143_771 * 2**20), ("4090", "4090", 24_564 * 2**20),
    ("RTX 4090", "4090", 24_564 * 2**20), ("80GiB", "80GiB", 80 * GiB), ("80GB", "80GB", 80 * 10**9),
])
def test_resolve_gpu(text, name, nbytes):
    card = resolve_gpu(text)
    assert (card.name, card.bytes) == (name, nbytes)


def test_gb_is_said_out_loud():
    w = unit_warning("80GB", resolve_gpu("80GB"))
    assert "74.51 GiB" in w and "80GiB" in w
    assert unit_warning("80GiB", resolve_gpu("80GiB")) is None and unit_warning("H100", resolve_gpu("H100")) is None


@pytest.mark.parametrize("text,msg", [("0GB", "positive"), ("0.5GiB", "smaller than any card"),
                                      ("10000TB", "larger than any card"), ("80G", "ambiguous"),
                                      ("H10", "did you mean H100-80G"), ("", "empty")])
def test_resolve_gpu_refuses(text, msg):
    with pytest.raises(CalcError, match=msg):
        resolve_gpu(text)


def test_resolve_gpus_forms():
    assert resolve_gpus(None, None, None) is None
    assert resolve_gpus(8, None, None) == Cluster(8, 8, 1)
    assert resolve_gpus(16, None, None) == Cluster(16, 8, 2)
    assert resolve_gpus(None, 8, 4) == Cluster(32, 8, 4)
    assert resolve_gpus(None, 4, None) == Cluster(4, 4, 1)
    assert resolve_gpus(16, None, 2) == Cluster(16, 8, 2)
    for args, msg in [((0, None, None), "at least 1"), ((-2, None, None), "at least 1"),
                      ((10**15, None, None), "more GPUs than any cluster"), ((None, 100, None), "more than any node"),
                      ((12, None, 5), "not a whole number"), ((16, 8, 3), "disagrees")]:
        with pytest.raises(CalcError, match=msg):
            resolve_gpus(*args)


def test_tp_rule():
    assert valid_tp_degrees(64, 8, 8) == [1, 2, 4, 8]  # Llama-3.1-70B inside a node
    assert valid_tp_degrees(28, 4, 64) == [1, 2, 4, 28]  # Qwen2.5-7B: 7 and 14 split neither way
    assert "does not divide the 64 attention heads" in tp_problem(3, 64, 8)
    assert "exceeds the 28 attention heads" in tp_problem(56, 28, 4)
    assert tp_problem(16, 64, 8) is None  # each KV head held by two GPUs, as vLLM does


def test_unknown_preset_suggests_closest():
    with pytest.raises(CalcError, match="did you mean qwen2.5-32b"):
        preset_key("qwen2.5-30b")
    assert preset_key("Qwen/Qwen2.5-32B") == "qwen2.5-32b" and preset_key("Llama3.1-70B") == "llama-3.1-70b"


# ---- training: the fewest GPUs ---------------------------------------------------------------------------

def _setup_for(strategy: str, base: TrainSetup, gpus: int) -> TrainSetup:
    kw = {**base.__dict__, "gpus": gpus}
    if strategy == "fsdp":
        kw.update(fsdp=True, zero=0)
    else:
        kw.update(fsdp=False, zero=int(strategy[-1]))
    return TrainSetup(**kw)


CASES = [("qwen2.5-32b", "full", A100_80, 4096), ("qwen2.5-32b", "full", A100_80, 2048),
         ("qwen2.5-32b", "lora", 24 * GiB, 2048), ("qwen2.5-32b", "qlora", 24_564 * 2**20, 1024),
         ("llama-3.1-8b", "full", 24_564 * 2**20, 2048), ("mixtral-8x7b", "full", H100, 4096),
         ("llama-3.1-70b", "qlora", 40 * GiB, 4096)]


@pytest.mark.parametrize("model,method,card,seq", CASES)
def test_train_fewest_gpus_fit_at_n_not_at_n_minus_1(model, method, card, seq):
    a = arch(model)
    base = TrainSetup(method=method, gpu_memory=card, seq=seq)
    plan = train_plan(a, base)
    assert [o.strategy for o in plan.options] == list(STRATEGIES)
    for o in plan.options:
        if o.gpus is None:
            if o.strategy != "zero-0":
                assert not train_memory(a, _setup_for(o.strategy, base, 100_000)).fits
            continue
        at_n = train_memory(a, _setup_for(o.strategy, base, o.gpus))
        assert at_n.fits and at_n.per_gpu == o.per_gpu, o.strategy
        if o.gpus > 1:
            fewer = train_memory(a, _setup_for(o.strategy, base, o.gpus - 1))
            assert not fewer.fits and fewer.per_gpu == o.per_gpu_one_fewer, o.strategy
    best = plan.best
    assert best is not None and best.gpus == min(o.gpus for o in plan.options if o.gpus)


def test_train_zero3_answer_by_hand():
    """docs/calculators.md: Qwen2.5-32B full fine-tuning on 80 GiB cards, seq 4096."""
    usable = A100_80 - 2 * GiB
    one_layer = 16 * 4096 * 5120 + 2 * 4096 * (5120 + 2 * 1024 + 2 * 5120) + 8 * 4096 * 27648
    act = 64 * 2 * 4096 * 5120 + one_layer  # full recompute: layer inputs + one layer recomputed
    logits = 4 * 4096 * 152064
    gather = 4 * 152064 * 5120  # the largest layer, the embedding
    n3 = math.ceil(16 * QWEN32 / (usable - act - logits - gather))
    n2 = math.ceil(14 * QWEN32 / (usable - 2 * QWEN32 - act - logits))
    assert (n3, n2) == (8, 40)
    plan = train_plan(arch("qwen2.5-32b"), TrainSetup(method="full", gpu_memory=A100_80, seq=4096))
    got = {o.strategy: o.gpus for o in plan.options}
    assert got == {"zero-0": None, "zero-1": None, "zero-2": n2, "zero-3": n3, "fsdp": 8}
    assert plan.best.strategy == "zero-3"
    # ZeRO-1 can never fit: its unsharded weights and gradients alone need 4Ψ > usable
    assert 4 * QWEN32 > usable and "ZeRO-1 does not shard" in plan.options[1].binding


def test_train_without_checkpointing_needs_more():
    plan = train_plan(arch("qwen2.5-32b"), TrainSetup(method="full", gpu_memory=A100_80, seq=4096))
    z3 = next(o for o in plan.options if o.strategy == "zero-3")
    assert plan.other_recompute == "selective"
    one_layer = 16 * 4096 * 5120 + 2 * 4096 * (5120 + 2 * 1024 + 2 * 5120) + 8 * 4096 * 27648
    assert z3.activations_other == 64 * one_layer  # FlashAttention, no checkpointing: every layer's tensors
    # 64 layers' activations (88.6 GB) alone exceed the 83.75 GB usable: no number of GPUs helps
    assert 64 * one_layer > A100_80 - 2 * GiB and z3.gpus_other_recompute is None
    short = train_plan(arch("qwen2.5-32b"), TrainSetup(method="full", gpu_memory=A100_80, seq=1024))
    z3s = next(o for o in short.options if o.strategy == "zero-3")
    assert z3s.gpus_other_recompute > z3s.gpus
    fits = train_memory(arch("qwen2.5-32b"), TrainSetup(method="full", gpu_memory=A100_80, seq=1024, zero=3,
                                                         recompute="selective", gpus=z3s.gpus_other_recompute))
    assert fits.fits


def test_train_fp32_and_fsdp_lines():
    a = arch("llama-3.1-8b")
    p = count_params(a).total
    r = train_memory(a, TrainSetup(gpus=8, fsdp=True, gpu_memory=A100_80))
    got = {x.name: x.bytes for x in r.lines}
    assert (got["weights"], got["gradients"], got["optimizer states"]) == (-(-4 * p // 8), -(-4 * p // 8), -(-8 * p // 8))
    f32 = train_memory(a, TrainSetup(gpus=8, zero=3, dtype="fp32", gpu_memory=A100_80))
    g = {x.name: x.bytes for x in f32.lines}
    assert (g["weights"], g["gradients"], g["optimizer states"]) == (-(-4 * p // 8), -(-4 * p // 8), -(-8 * p // 8))
    bf = train_memory(a, TrainSetup(gpus=8, zero=3, gpu_memory=A100_80))
    assert g["activations (full recompute)"] == 2 * {x.name: x.bytes for x in bf.lines}["activations (full recompute)"]


# ---- inference: the fewest GPUs --------------------------------------------------------------------------

INFER_CASES = [("llama-3.1-70b", H100, 32768, 8), ("llama-3.1-70b", A100_80, 4096, 1), ("llama-3.1-8b", 24 * GiB, 8192, 4),
               ("llama-3.1-405b", H100, 8192, 4), ("qwen2.5-7b", 24_564 * 2**20, 32768, 2), ("deepseek-v3", 141 * 10**9, 4096, 8)]


@pytest.mark.parametrize("model,card,seq,batch", INFER_CASES)
def test_infer_fewest_gpus_fit_at_n_not_below(model, card, seq, batch):
    a = arch(model)
    plan = infer_plan(a, card, seq, batch)
    ans = plan.answer
    assert ans is not None and ans.fits and ans.max_tokens >= seq * batch
    again = infer_memory(a, card, ans.gpus, pp=ans.pp, seq=seq, batch=batch)
    assert again.fits and again.max_tokens == ans.max_tokens
    for r in plan.tried:
        assert r.gpus < ans.gpus and not r.fits
    assert [(r.tp, r.pp) for r in plan.tried] == layouts(a, 8)[:len(plan.tried)]
    if ans.gpus > 1:  # N - 1 GPUs: either no valid split or too little memory
        n = ans.gpus - 1
        pp = 1 if n <= 8 else n // 8
        try:
            r = infer_memory(a, card, n, pp=pp if n % pp == 0 else 1, seq=seq, batch=batch)
        except CalcError:
            pass
        else:
            assert not r.fits


def test_infer_answer_by_hand():
    """docs/calculators.md: Llama-3.1-70B at 32K context, batch 8, on H100 80GB cards."""
    plan = infer_plan(arch("llama-3.1-70b"), H100, 32768, 8)
    def prefill(tp):  # activations of one 8192-token prefill chunk, per GPU
        return 8192 * (4 * 8192 + 3 * 28672) * 2 // tp
    free4 = H100 - 2 * GiB - 2 * LLAMA70 // 4 - prefill(4)
    free2 = H100 - 2 * GiB - 2 * LLAMA70 // 2 - prefill(2)
    assert free4 // (2 * 80 * 2 * 128 * 2) == 581_175 >= 32768 * 8
    assert free2 // (2 * 80 * 4 * 128 * 2) == 72_305 < 32768 * 8
    assert (plan.answer.gpus, plan.answer.tp, plan.answer.max_tokens) == (4, 4, 581_175)
    assert plan.answer.max_tokens // 32768 == 17
    assert [r.gpus for r in plan.tried] == [1, 2]


def test_infer_multi_node_is_tp_times_pp():
    r = infer_memory(arch("llama-3.1-405b"), H100, 16, pp=2)
    assert (r.tp, r.pp) == (8, 2)
    assert r.kv_per_token == 2 * 63 * 1 * 128 * 2  # 126 layers over 2 stages, 8 KV heads over TP 8
    with pytest.raises(CalcError, match="pipeline stages"):
        infer_memory(arch("llama-3.1-8b"), H100, 12, pp=5)


# ---- the commands: each question form, flags, refusals ---------------------------------------------------

def test_cli_train_question(app):
    doc = js(app, "train", "--model", "qwen2.5-32b", "--method", "full", "--gpu", "A100-80G", "--seq", "4096")
    assert doc["question"] == "fewest GPUs" and doc["answer"] == {"strategy": "zero-3", "gpus": 8, "nodes": 1}
    assert doc["usable_bytes"] == 78 * GiB and doc["reserve_bytes"] == 2 * GiB
    opts = {o["strategy"]: o for o in doc["options"]}
    assert set(opts["zero-3"]["per_gpu"]) >= {"weights", "gradients", "optimizer states", "buffers",
                                              "activations (full recompute)", "logits (fp32, for the loss)"}
    assert opts["zero-3"]["per_gpu_total"] <= doc["usable_bytes"] < opts["zero-3"]["per_gpu_total_one_fewer"]
    assert opts["zero-2"]["nodes"] == 5 and opts["zero-0"]["gpus"] is None
    r = run(app, "train", "--model", "qwen2.5-32b", "--method", "full", "--gpu", "A100-80G", "--seq", "4096")
    assert r.exit_code == 0 and "Answer: 8 GPUs" in r.output and "binding constraint" in r.output


def test_cli_train_methods_and_stage(app):
    doc = js(app, "train", "--model", "qwen2.5-32b", "--method", "all", "--gpu", "4090")
    by = {m["method"]: m["answer"] for m in doc["methods"]}
    assert by["qlora"]["gpus"] < by["lora"]["gpus"] < by["full"]["gpus"]
    r = run(app, "train", "--model", "qwen2.5-32b", "--gpu", "A100-80G", "--stage", "2", "--seq", "4096")
    assert r.exit_code == 0 and "Answer: 40 GPUs" in r.output and "5 nodes of 8" in r.output


def test_cli_infer_question_and_check(app):
    doc = js(app, "infer", "--model", "llama-3.1-70b", "--gpu", "H100", "--seq", "32768", "--batch", "8")
    assert doc["answer"]["gpus"] == 4 and doc["answer"]["max_batch_at_seq"] == 17
    assert [f["gpus"] for f in doc["fewer"]] == [1, 2] and not any(f["fits"] for f in doc["fewer"])
    ok = js(app, "infer", "--model", "llama-3.1-70b", "--gpu", "H100", "--gpus", "4", "--seq", "32768", "--batch", "8")
    no = js(app, "infer", "--model", "llama-3.1-70b", "--gpu", "H100", "--gpus", "2", "--seq", "32768", "--batch", "8")
    assert ok["fits"] is True and no["fits"] is False
    multi = js(app, "infer", "--model", "llama-3.1-405b", "--gpu", "H100", "--gpus-per-node", "8", "--nodes", "2")
    assert (multi["tp"], multi["pp"], multi["gpus"]) == (8, 2, 16)


def test_cli_zero_question_and_savings(app):
    a = js(app, "zero", "--params", "7.5B", "--gpus", "64")
    b = js(app, "zero", "--params", "7.5B", "--gpus-per-node", "64")
    assert a == b
    assert [s["saved_vs_stage_0"] for s in a["stages"]] == [0, 120_000_000_000 - 31_406_250_000,
                                                            120_000_000_000 - 16_640_625_000,
                                                            120_000_000_000 - 1_875_000_000]
    q = js(app, "zero", "--model", "qwen2.5-32b", "--gpu", "A100-80G")
    fewest = {s["stage"]: s["fewest_gpus"] for s in q["stages"]}
    usable = 78 * GiB
    assert fewest[0] is None and fewest[1] is None  # 16Ψ, and 4Ψ even fully sharded, exceed 78 GiB
    assert fewest[2] == math.ceil(14 * QWEN32 / (usable - 2 * QWEN32))
    assert fewest[3] == math.ceil(16 * QWEN32 / usable)


def test_cli_kv_shares_the_flags(app):
    doc = js(app, "kv", "--model", "llama-3.1-70b", "--seq", "32768", "--batch", "8", "--gpus", "4", "--gpu", "H100")
    assert doc["total_bytes"] == 327_680 * 32768 * 8 and doc["bytes_per_gpu"] == doc["total_bytes"] // 4
    assert doc["usable_bytes"] == H100 - 2 * GiB


def test_old_spellings_are_aliases(app):
    old = js(app, "train", "--model", "llama-3.1-8b", "--method", "full", "--gpus", "4", "--gpu-memory", "80GiB",
             "--zero", "2", "--micro-batch", "2")
    new = js(app, "train", "--model", "llama-3.1-8b", "--method", "full", "--gpus", "4", "--gpu", "80GiB",
             "--stage", "2", "--batch", "2")
    assert old == new and new["zero"] == 2 and new["micro_batch"] == 2
    old_inf = js(app, "infer", "--model", "llama-3.1-8b", "--gpu-memory", "80GiB")
    new_inf = js(app, "infer", "--model", "llama-3.1-8b", "--gpu", "80GiB")
    assert old_inf == new_inf


@pytest.mark.parametrize("args,msg", [
    (["infer", "--model", "llama-3.1-70b", "--gpu", "H100", "--gpus", "3"], "does not divide the 64 attention heads"),
    (["infer", "--model", "qwen2.5-7b", "--gpu", "H100", "--gpus", "8"], "does not divide the 28 attention heads"),
    (["kv", "--model", "llama-3.1-70b", "--seq", "100", "--gpus", "3"], "does not divide"),
    (["train", "--model", "llama-3.1-70b", "--gpu", "H100", "--tp", "3"], "does not divide"),
    (["train", "--model", "llama-3.1-8b", "--gpu", "H100", "--gpus", "0"], "at least 1"),
    (["train", "--model", "llama-3.1-8b", "--gpu", "H100", "--gpus", str(10**15)], "more GPUs than any cluster"),
    (["train", "--model", "llama-3.1-8b", "--gpu", "0GB"], "positive"),
    (["infer", "--model", "llama-3.1-8b", "--gpu", "100000GiB"], "larger than any card"),
    (["train", "--model", "llama-3.1-8b", "--gpu", "H100", "--seq", "0"], "--seq must be at least 1"),
    (["infer", "--model", "llama-3.1-8b", "--gpu", "H100", "--batch", "-3"], "--batch must be at least 1"),
    (["kv", "--model", "llama-3.1-8b", "--seq", str(10**10)], "longer than any model"),
    (["train", "--model", "qwen2.5-30b", "--gpu", "H100"], "did you mean qwen2.5-32b"),
    (["train", "--model", "llama-3.1-8b"], "--gpu"),
    (["train", "--model", "llama-3.1-8b", "--gpu", "H100", "--fsdp", "--stage", "2"], "give one"),
    (["train", "--model", "llama-3.1-8b", "--gpu", "H100", "--reserve", "90GiB"], "leaves nothing"),
    (["zero", "--params", "7B", "--dtype", "fp32"], "mixed precision"),
    (["zero", "--params", "7B", "--gpus", "16", "--gpus-per-node", "8", "--nodes", "3"], "disagrees"),
])
def test_impossible_setups_refused(app, args, msg):
    r = run(app, *args)
    assert r.exit_code == 2, r.output
    assert msg in r.output


def test_seq_beyond_context_is_a_warning(app):
    r = run(app, "kv", "--model", "llama-3.1-8b", "--seq", "200000")
    assert r.exit_code == 0 and "longer than the model's context" in r.output and "131,072" in r.output
    doc = js(app, "infer", "--model", "llama-3.1-8b", "--gpu", "H100", "--seq", "200000")
    assert any("131,072" in w for w in doc["warnings"])


def test_units_said_out_loud(app):
    r = run(app, "train", "--model", "llama-3.1-8b", "--gpu", "80GB")
    assert r.exit_code == 0 and "74.51 GiB" in r.output and "usable" in r.output and "reserve" in r.output
    doc = js(app, "train", "--model", "llama-3.1-8b", "--gpu", "80GB", "--reserve", "0")
    assert doc["gpu"]["bytes"] == doc["usable_bytes"] == 80 * 10**9


# ---- counts explained ------------------------------------------------------------------------------------

def test_published_sizes_explained(app):
    doc = js(app, "params", "--list")
    assert {p["name"] for p in doc["presets"]} == set(preset_names()) == set(WHY)
    by = {p["name"]: p for p in doc["presets"]}
    assert by["qwen2.5-32b"]["exact"] == QWEN32 and "27,392" in by["qwen2.5-32b"]["why_they_differ"]
    # the arithmetic the explanation states: both card figures are what remains after removing 0.25B
    gap = 64 * 3 * 5120 * 256
    non_emb = count_params(arch("qwen2.5-32b")).non_embedding
    assert (round((QWEN32 - gap) / 1e9, 1), round((non_emb - gap) / 1e9, 1)) == (32.5, 31.0)
    assert round(QWEN32 / 1e9, 1) == 32.8


def test_deepseek_stored_tensors(app):
    doc = js(app, "params", "--model", "deepseek-v3")
    assert doc["total"] == 671_026_404_352  # parameters only
    assert doc["stored_buffers"] == 58 * 256 == 14_848
    assert doc["stored_tensors_total"] == 671_026_404_352 + 14_848
    r = run(app, "params", "--model", "deepseek-v3")
    assert "stored tensors" in r.output and "e_score_correction_bias" in r.output
    assert "stored_buffers" not in js(app, "params", "--model", "mixtral-8x7b")  # softmax routing: no bias


def test_plan_is_json_able_for_the_web_app():
    plan = train_plan(arch("llama-3.1-8b"), TrainSetup(gpu_memory=24 * GiB))
    json.dumps(plan.to_json())
    json.dumps(infer_plan(arch("llama-3.1-8b"), 24 * GiB, 4096).to_json())
    assert MAX_GPUS >= 100_000


def test_question_forms_do_not_import_torch():
    import subprocess
    import sys

    code = (
        "import sys, typer\n"
        "from typer.testing import CliRunner\n"
        "from mianjing.cli import calc\n"
        "app = typer.Typer()\n"
        "calc.register(app)\n"
        "@app.callback()\n"
        "def _r(): pass\n"
        "for args in (['train','--model','qwen2.5-32b','--gpu','A100-80G'], ['train','--model','qwen2.5-32b','--method','all','--gpu','4090'],\n"
        "             ['infer','--model','llama-3.1-70b','--gpu','H100','--seq','32768','--batch','8'],\n"
        "             ['zero','--model','qwen2.5-32b','--gpu','A100-80G'], ['kv','--model','llama-3.1-70b','--seq','4096','--gpus','4','--gpu','H100']):\n"
        "    r = CliRunner().invoke(app, ['calc', *args])\n"
        "    assert r.exit_code == 0, (args, r.output)\n"
        "assert 'torch' not in sys.modules and 'numpy' not in sys.modules, 'torch or numpy was imported'\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_offload_plan_only_zero3_and_cpu_bytes():
    a = arch("llama-3.1-70b")
    plan = train_plan(a, TrainSetup(gpu_memory=24_564 * 2**20, offload_optimizer=True, offload_param=True, zero=3))
    by = {o.strategy: o for o in plan.options}
    assert [s for s, o in by.items() if o.gpus] == ["zero-3"]
    assert all(by[s].problem for s in ("zero-0", "zero-1", "zero-2", "fsdp"))
    z3 = by["zero-3"]
    got = {x.name: x.bytes for x in z3.lines}
    assert got["weights"] == got["optimizer states"] == 0
    n = z3.gpus
    # CPU holds each rank's shard of the bf16 weights (2Ψ) and fp32 master, m, v and gradients (16Ψ)
    assert z3.cpu_per_gpu == -(-2 * LLAMA70 // n) + -(-16 * LLAMA70 // n)
    assert not train_memory(a, TrainSetup(gpus=n - 1, gpu_memory=24_564 * 2**20, zero=3, offload_optimizer=True,
                                          offload_param=True)).fits


def test_infer_json_parts_add_up_to_the_card(app):
    doc = js(app, "infer", "--model", "llama-3.1-70b", "--gpu", "H100", "--gpus", "4")
    parts = (doc["reserve_bytes"], doc["weights_bytes_per_gpu"], doc["working_bytes_per_gpu"],
             doc["free_for_kv_bytes_per_gpu"])
    assert all(isinstance(p, int) and p > 0 for p in parts)
    assert sum(parts) == doc["gpu_memory_bytes"] == H100
    assert doc["max_cached_tokens"] == doc["free_for_kv_bytes_per_gpu"] // doc["kv_bytes_per_token_per_gpu"]
