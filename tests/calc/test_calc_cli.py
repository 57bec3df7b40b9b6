"""`mianjing calc ...` through typer's CliRunner: human output, --explain, --json integers, exit status 2."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import typer
from typer.testing import CliRunner

from mianjing.calc import verify as v
from mianjing.cli import calc


@pytest.fixture(scope="module")
def app():
    root = typer.Typer()
    calc.register(root)

    @root.callback()
    def _root():  # a callback keeps `calc` a sub-command
        pass
    return root


def run(app, *args):
    return CliRunner().invoke(app, ["calc", *args])


def js(app, *args):
    r = run(app, *args, "--json")
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


def test_params_json_integers(app):
    doc = js(app, "params", "--model", "qwen2.5-32b")
    assert doc["total"] == 32_763_876_352
    assert all(isinstance(doc[k], int) for k in ("total", "embedding", "non_embedding", "active"))
    assert sum(c["count"] for c in doc["components"]) == doc["total"]


def test_params_human_and_explain(app):
    r = run(app, "params", "--model", "deepseek-v3", "--explain")
    assert r.exit_code == 0
    assert "671,026,404,352" in r.output and "MTP module" in r.output and "Derivation" in r.output
    assert "active per token" in r.output


def test_params_list_and_config_file(app, tmp_path):
    assert "qwen2.5-32b" in run(app, "params", "--list").output
    f = tmp_path / "config.json"
    f.write_text(json.dumps({"model_type": "llama", "vocab_size": 100, "hidden_size": 16, "intermediate_size": 32,
                             "num_hidden_layers": 2, "num_attention_heads": 4, "tie_word_embeddings": False}))
    doc = js(app, "params", "--config", str(f))
    assert doc["total"] == 2 * 100 * 16 + 2 * (4 * 16 * 16 + 3 * 16 * 32 + 2 * 16) + 16


def test_zero_deepspeed_prints_docs_lines(app):
    r = run(app, "zero", "--convention", "deepspeed", "--params", "2851e6", "--largest-layer", "32e6",
            "--gpus-per-node", "8")
    assert r.exit_code == 0, r.output
    for line in v.DS_ZERO3_COLD_8 + v.DS_ZERO2_COLD_8[:1]:
        assert line in r.output.splitlines()
    assert "11.28GB" in r.output and "15.93GB" in r.output  # code's number, and the docs' number named


def test_zero_json(app):
    doc = js(app, "zero", "--params", "7.5B", "--gpus-per-node", "64")
    assert [s["bytes_per_gpu"] for s in doc["stages"]] == [120_000_000_000, 31_406_250_000, 16_640_625_000,
                                                           1_875_000_000]
    doc = js(app, "zero", "--convention", "deepspeed", "--model", "qwen2.5-7b", "--gpus-per-node", "4")
    assert len(doc["rows"]) == 8
    assert {r["offload_optimizer"] for r in doc["rows"]} == {"cpu", "none"}
    assert all(isinstance(r["cpu_bytes"], int) and isinstance(r["gpu_bytes_per_gpu"], int) for r in doc["rows"])


def test_kv_train_infer_lora_json(app):
    kv = js(app, "kv", "--model", "llama-3.1-70b", "--seq", "131072", "--compare")
    assert kv["bytes_per_token"] == 327_680 and kv["total_bytes"] == 42_949_672_960 and kv["attention"] == "GQA"
    tr = js(app, "train", "--model", "qwen2.5-32b", "--method", "qlora", "--gpus", "1", "--gpu-memory", "80GiB")
    assert tr["fits"] is True and tr["min_gpus"] == 1 and isinstance(tr["per_gpu_total"], int)
    inf = js(app, "infer", "--model", "llama-3.1-70b", "--gpu-memory", "80GiB", "--gpus", "4")
    assert inf["max_cached_tokens"] > 0
    lo = js(app, "lora", "--model", "llama-3.1-8b", "--rank", "16", "--targets", "q_proj,v_proj")
    assert lo["trainable"] == 6_815_744


def test_train_human_output(app):
    r = run(app, "train", "--model", "qwen2.5-32b", "--method", "full", "--gpus", "8", "--gpu-memory", "80GiB",
            "--zero", "3", "--explain")
    assert r.exit_code == 0
    assert "fits" in r.output and "fewest GPUs by ZeRO stage" in r.output and "GiB" in r.output


@pytest.mark.parametrize("args,msg", [
    (["params", "--model", "gpt-17"], "unknown model"),
    (["params"], "exactly one"),
    (["kv", "--model", "llama-2-7b", "--seq", "100", "--dtype", "int3"], "dtype"),
    (["train", "--model", "llama-2-7b", "--method", "full", "--gpus", "1", "--gpu-memory", "80G"], "ambiguous"),
    (["train", "--model", "llama-2-7b", "--method", "full", "--gpus", "2", "--gpu-memory", "80GiB",
      "--offload-param", "--zero", "2"], "zero 3"),
    (["zero", "--convention", "deepspeed", "--params", "1B", "--stage", "3"], "largest-layer"),
    (["zero", "--params", "lots"], "count"),
    (["infer", "--model", "llama-2-7b", "--gpu-memory", "80GiB", "--quant", "int3"], "int8 or int4"),
    (["lora", "--model", "llama-2-7b", "--rank", "8", "--targets", "qkv"], "unknown LoRA target"),
])
def test_bad_input_exits_2_with_message(app, args, msg):
    r = run(app, *args)
    assert r.exit_code == 2, r.output
    assert msg in r.output


def test_verify_json(app):
    doc = js(app, "verify")
    assert doc["ok"] is True
    assert any(c["source"].startswith("DeepSpeed docs") for c in doc["checks"])
    assert any("Figure 1" in c["source"] for c in doc["checks"])


def test_calc_commands_do_not_import_torch():
    code = (
        "import sys, typer\n"
        "from typer.testing import CliRunner\n"
        "from mianjing.cli import calc\n"
        "app = typer.Typer()\n"
        "calc.register(app)\n"
        "@app.callback()\n"
        "def _r(): pass\n"
        "for args in (['params','--model','deepseek-v3','--explain'], ['kv','--model','llama-3.1-70b','--seq','131072','--compare'],\n"
        "             ['train','--model','qwen2.5-32b','--method','lora','--gpus','2','--gpu-memory','80GiB'],\n"
        "             ['infer','--model','qwen2.5-7b','--gpu-memory','24GiB'], ['zero','--params','7B'],\n"
        "             ['lora','--model','mixtral-8x7b','--rank','8'], ['verify']):\n"
        "    r = CliRunner().invoke(app, ['calc', *args])\n"
        "    assert r.exit_code == 0, (args, r.output)\n"
        "assert 'torch' not in sys.modules, 'torch was imported'\n"
        "assert 'transformers' not in sys.modules\n"
        "print('ok')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "ok"


def test_train_method_all(app):
    doc = js(app, "train", "--model", "qwen2.5-32b", "--method", "all", "--gpus", "8", "--gpu-memory", "80GiB",
             "--zero", "3", "--seq", "4096")
    by = {m["method"]: m for m in doc["methods"]}
    assert set(by) == {"full", "lora", "qlora"}
    assert by["full"]["min_gpus"] == 8 and by["lora"]["min_gpus"] == 1 and by["qlora"]["min_gpus"] == 1
    assert by["full"]["per_gpu_total"] > by["lora"]["per_gpu_total"] > by["qlora"]["per_gpu_total"]


def test_config_missing_field_exits_2(app, tmp_path):
    f = tmp_path / "config.json"
    f.write_text(json.dumps({"model_type": "llama", "hidden_size": 16, "num_hidden_layers": 2,
                             "num_attention_heads": 4, "intermediate_size": 32}))
    r = run(app, "kv", "--config", str(f), "--seq", "10")
    assert r.exit_code == 2 and "vocab_size" in r.output
    r = run(app, "params", "--config", str(tmp_path / "nope.json"))
    assert r.exit_code == 2 and "not found" in r.output
