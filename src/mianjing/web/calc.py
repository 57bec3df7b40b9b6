"""The calculators behind the web: the very `mianjing calc KIND` commands, called in-process.

The forms are built from the commands' own options, and `GET /api/calc/{kind}?...` runs the command
with `--json` (and again with `--explain` for the derivation), so the web answers exactly what the
command line answers, with the same validation and messages, and follows the commands as they change.
"""

from __future__ import annotations

import contextlib
import io
import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

KINDS = ("params", "lora", "zero", "kv", "train", "infer")
_SKIP = {"json_", "explain", "list_", "config", "help"}  # output switches, and a local file path
_lock = threading.Lock()  # redirecting stdout is process-wide: one command at a time (each takes ms)


class CalcInputError(ValueError):
    """The inputs are wrong; the message is the command's own."""


@dataclass(frozen=True)
class Field:
    name: str  # query parameter
    flag: str  # the command-line option
    help: str
    default: Any
    is_flag: bool
    kind: str  # int | text
    required: bool


@lru_cache(maxsize=1)
def _commands() -> dict[str, Any]:
    import typer.main

    from ..cli.calc import calc_app

    group = typer.main.get_command(calc_app)
    return {k: group.commands[k] for k in KINDS if k in group.commands}  # type: ignore[attr-defined]


def fields(kind: str) -> list[Field]:
    out = []
    for p in _commands()[kind].params:  # typer vendors click: look at the fields, not the classes
        if getattr(p, "param_type_name", "") != "option" or p.name in _SKIP or getattr(p, "hidden", False):
            continue
        flag = max((o for o in p.opts if o.startswith("--")), key=len)
        default = None if callable(p.default) or p.default in (None, ()) else p.default
        kind_name = "int" if getattr(p.type, "name", "") == "integer" else "text"
        out.append(Field(p.name, flag, p.help or "", default, bool(p.is_flag), kind_name, bool(p.required)))
    return out


def argv(kind: str, query: dict[str, str]) -> list[str]:
    """Query parameters -> the command's options; unknown names are refused, not ignored."""
    known = {f.name: f for f in fields(kind)}
    args: list[str] = []
    for name, value in query.items():
        f = known.get(name)
        if f is None:
            raise CalcInputError(f"unknown parameter {name!r} for calc {kind}; known: {', '.join(sorted(known))}")
        if f.is_flag:
            if value.lower() in ("1", "true", "on", "yes"):
                args.append(f.flag)
            elif value.lower() not in ("0", "false", "off", "no", ""):
                raise CalcInputError(f"{name} is a switch: give 1 or 0, not {value!r}")
        elif value.strip() != "":
            args += [f.flag, value.strip()]
    return args


def _invoke(kind: str, args: list[str]) -> tuple[int, str, str]:
    cmd = _commands()[kind]
    out, err = io.StringIO(), io.StringIO()
    with _lock, contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = cmd.main(args, prog_name=f"mianjing calc {kind}", standalone_mode=False)
        except Exception as exc:  # noqa: BLE001 - click's Exit and usage errors (vendored by typer)
            if hasattr(exc, "format_message"):
                err.write(exc.format_message())
            elif not hasattr(exc, "exit_code"):
                raise
            code = getattr(exc, "exit_code", 2)
    return int(code or 0), out.getvalue(), err.getvalue()


def run(kind: str, query: dict[str, str], explain: bool = True) -> tuple[dict[str, Any], str]:
    """The command's JSON document, and its `--explain` text (the derivation as the CLI prints it)."""
    import json

    if kind not in _commands():
        raise KeyError(kind)
    args = argv(kind, query)
    code, out, err = _invoke(kind, args + ["--json"])
    if code != 0:
        raise CalcInputError(_clean(err) or f"calc {kind} failed (exit {code})")
    doc = json.loads(out)
    text = ""
    if explain:
        code, out, err = _invoke(kind, args + ["--explain"])
        text = out if code == 0 else ""
    return doc, text


def _clean(message: str) -> str:
    return message.strip().removeprefix("error:").strip()


@lru_cache(maxsize=1)
def presets() -> list[str]:
    from ..calc.presets import preset_names

    return list(preset_names())


# ---------------------------------------------------------------- charts (data only; static/calc.js draws)

KV_CHART_SEQS = [1024 * 2**i for i in range(8)]  # 1K to 128K tokens; log-log: parallel lines, gaps = ratios
KV_CHART_MODELS = ["llama-2-7b", "llama-3.1-8b", "llama-3.1-70b", "deepseek-v3"]  # MHA, GQA, GQA, MLA


def zero_components(doc: dict[str, Any]) -> dict[str, Any] | None:
    """Model-state bytes per GPU split into parameters, gradients and optimizer states, per stage of
    the ZeRO paper: stage 1 shards the optimizer states, 2 also the gradients, 3 also the parameters."""
    if doc.get("convention") != "paper" or not doc.get("stages"):
        return None
    psi, n, k = doc["params"], doc["gpus"], doc["k"]
    stages = [s["stage"] for s in doc["stages"]]
    parts = {"parameters (fp16)": [2 * psi / (n if s >= 3 else 1) for s in stages],
             "gradients (fp16)": [2 * psi / (n if s >= 2 else 1) for s in stages],
             f"optimizer states (K={k})": [k * psi / (n if s >= 1 else 1) for s in stages]}
    return {"type": "stacked", "labels": [f"ZeRO-{s}" for s in stages], "unit": "bytes", "x_label": "stage",
            "series": [{"label": name, "values": [round(v) for v in values]} for name, values in parts.items()],
            "totals": [s["bytes_per_gpu"] for s in doc["stages"]]}


def kv_lines(doc: dict[str, Any], query: dict[str, str], models: list[str]) -> dict[str, Any] | None:
    """KV-cache bytes against sequence length: each chosen model's own attention (solid), and the
    form's model with the other attention kinds (dashed)."""
    batch = int(doc.get("batch") or 1)
    series = []
    base = {k: v for k, v in query.items() if k in ("dtype",)}
    for m in models:
        try:
            d, _ = run("kv", base | {"model": m, "seq": "1"}, explain=False)
        except (CalcInputError, KeyError):
            continue
        series.append({"label": f"{m} ({d['attention']})", "values": [d["bytes_per_token"] * s * batch for s in KV_CHART_SEQS]})
    for v in doc.get("compare") or []:
        if v.get("attention") != doc.get("attention"):
            series.append({"label": f"{doc['model']} as {v['attention']}", "dash": [6, 4],
                           "values": [v["bytes_per_token"] * s * batch for s in KV_CHART_SEQS]})
    if not series:
        return None
    return {"type": "lines", "x": KV_CHART_SEQS, "unit": "bytes", "series": series, "log": True, "x_label": "seq"}


def chart(kind: str, doc: dict[str, Any], query: dict[str, str], models: list[str]) -> dict[str, Any] | None:
    if kind == "zero":
        return zero_components(doc)
    if kind == "kv":
        return kv_lines(doc, query, models)
    if kind == "params" and doc.get("components"):
        return {"type": "bars", "labels": [c["name"] for c in doc["components"]], "unit": "count", "x_label": "component",
                "series": [{"label": "parameters", "values": [c["count"] for c in doc["components"]]}]}
    if kind == "lora" and doc.get("modules"):
        return {"type": "bars", "labels": [m["name"] for m in doc["modules"]], "unit": "count", "x_label": "module",
                "series": [{"label": "trainable", "values": [m["trainable"] for m in doc["modules"]]}]}
    if kind == "infer" and doc.get("max_batch_by_context"):
        rows = doc["max_batch_by_context"]
        return {"type": "bars", "labels": [f"{r['context'] // 1024}K" for r in rows], "unit": "count", "x_label": "context",
                "series": [{"label": "largest batch", "values": [r["max_batch"] for r in rows]}]}
    return None


def breakdown(kind: str, doc: dict[str, Any]) -> list[tuple[str, int]]:
    """Per-GPU memory as (part, bytes), for the strip under training and serving results."""
    if kind == "train" and isinstance(doc.get("per_gpu"), dict):
        return [(k, int(v)) for k, v in doc["per_gpu"].items() if v]
    if kind == "infer" and "weights_bytes_per_gpu" in doc:
        parts = [("weights", doc["weights_bytes_per_gpu"]), ("working memory", doc.get("working_bytes_per_gpu", 0)),
                 ("KV cache (free for it)", doc.get("free_for_kv_bytes_per_gpu", 0)),
                 ("reserve", doc.get("reserve_bytes", 0))]
        return [(k, int(v)) for k, v in parts if v and v > 0]
    return []
