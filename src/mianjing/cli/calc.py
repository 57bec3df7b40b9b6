"""`mianjing calc ...`: parameters, LoRA, ZeRO, KV cache, training and inference memory, verification.

Each command parses, calls a pure function in `mianjing.calc`, and renders rich text, `--explain`
(the derivation with the numbers plugged in) or `--json` (integers for every byte and count).
None of them imports torch (`calc verify --measure` does, on purpose, to measure).
"""

from __future__ import annotations

from typing import Annotated, Optional

import typer
from rich import box
from rich.markup import escape
from rich.table import Table

from .common import console, fail, print_json

calc_app = typer.Typer(
    name="calc",
    help="Exact, explained calculators: parameters, LoRA, ZeRO, KV cache, training and inference memory. "
    "Units: GB = 10^9 bytes, GiB = 2^30 bytes.",
    no_args_is_help=True,
    rich_markup_mode="rich",
)

ModelOpt = Annotated[Optional[str], typer.Option("--model", "-m", help="Preset name, e.g. qwen2.5-32b (see `calc params --list`).")]
ConfigOpt = Annotated[Optional[str], typer.Option("--config", "-c", help="A Hugging Face config.json file.")]
ExplainOpt = Annotated[bool, typer.Option("--explain", help="Show the derivation step by step.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON document (bytes and counts as integers).")]


def _arch(model: str | None, config: str | None):
    from ..calc.params import arch_from_config
    from ..calc.presets import load_config

    name, cfg = load_config(model, config)
    return arch_from_config(cfg, name)


def _run(fn):
    """Call fn(); a CalcError becomes a clear message and exit status 2."""
    from ..calc.units import CalcError

    try:
        return fn()
    except CalcError as exc:
        fail(str(exc))


def _explain(steps: list[str], title: str = "Derivation") -> None:
    console.print(f"[bold]{title}[/]")
    for i, s in enumerate(steps, 1):
        console.print(f"  {i}. {s}", highlight=False, soft_wrap=True)


# ---- params ---------------------------------------------------------------------------------------------

@calc_app.command("params")
def params_cmd(model: ModelOpt = None, config: ConfigOpt = None, explain: ExplainOpt = False, json_: JsonOpt = False,
               list_: Annotated[bool, typer.Option("--list", help="List the model presets.")] = False) -> None:
    """Exact parameter count: total, embedding, non-embedding, per component, active per token (MoE).

    Example: mianjing calc params --model deepseek-v3 --explain
    """
    from ..calc.params import count_params
    from ..calc.presets import PUBLISHED, preset_names
    from ..calc.units import fmt_count

    if list_:
        if json_:
            print_json({"presets": [{"name": n, "repo": PUBLISHED[n].repo if n in PUBLISHED else None}
                                    for n in preset_names()]})
            return
        t = Table("preset", "config of", "published size")
        for n in preset_names():
            p = PUBLISHED.get(n)
            t.add_row(n, p.repo if p else "", p.stated if p else "")
        console.print(t)
        return
    r = _run(lambda: count_params(_arch(model, config)))
    if json_:
        print_json(r.to_json())
        return
    a = r.arch
    console.print(f"[bold]{a.name}[/] ({a.model_type or 'unknown type'}, {a.attention_kind}"
                  + (f", MoE {a.experts} experts top-{a.top_k}" if a.is_moe else "") + ")", highlight=False)
    t = Table("component", "parameters", "formula", show_lines=False)
    for c in r.components:
        t.add_row(c.name, f"{c.count:,}", c.formula)
    console.print(t)
    console.print(f"total          {fmt_count(r.total)}", highlight=False)
    console.print(f"embedding      {fmt_count(r.embedding)}  (input embedding"
                  + (" + untied output head)" if not a.tie else "; head tied)"), highlight=False)
    console.print(f"non-embedding  {fmt_count(r.non_embedding)}", highlight=False)
    if a.is_moe:
        console.print(f"active/token   {fmt_count(r.active)}", highlight=False)
    if a.mtp_layers:
        console.print(f"MTP module     {fmt_count(r.mtp)} (not in total; {fmt_count(r.mtp_stored)} as stored, "
                      "with its own copies of embedding and head)", highlight=False)
    for note in a.assumptions:
        console.print(f"[yellow]note:[/] {note}", highlight=False)
    if explain:
        _explain(r.steps)


# ---- lora -----------------------------------------------------------------------------------------------

@calc_app.command("lora")
def lora_cmd(rank: Annotated[int, typer.Option("--rank", "-r", help="LoRA rank r.")],
             model: ModelOpt = None, config: ConfigOpt = None,
             targets: Annotated[str, typer.Option("--targets", help="all-linear | attention | comma list (q_proj,v_proj,mlp,experts,router).")] = "all-linear",
             explain: ExplainOpt = False, json_: JsonOpt = False) -> None:
    """LoRA trainable parameters, as PEFT counts them.

    Example: mianjing calc lora --model llama-3.1-8b --rank 16 --targets q_proj,v_proj
    """
    from ..calc.lora import lora_params
    from ..calc.params import count_params
    from ..calc.units import fmt_count

    def go():
        a = _arch(model, config)
        return lora_params(a, rank, targets, count_params(a).total)
    r = _run(go)
    if json_:
        print_json(r.to_json())
        return
    t = Table("module", "matrices", "trainable")
    for k, (n, c) in r.per_module.items():
        t.add_row(k, f"{n:,}", f"{c:,}")
    console.print(t)
    console.print(f"trainable  {fmt_count(r.trainable)}  = {100 * r.trainable / r.base_total:.4f}% of "
                  f"{fmt_count(r.base_total)}  (rank {rank}, targets {r.targets})", highlight=False)
    if r.trainable_effective != r.trainable:
        console.print(f"independent entries {fmt_count(r.trainable_effective)} (PEFT stores the fused experts' "
                      "block-diagonal B with its zeros)", highlight=False)
    if explain:
        _explain(r.steps)


# ---- zero -----------------------------------------------------------------------------------------------

@calc_app.command("zero")
def zero_cmd(params: Annotated[Optional[str], typer.Option("--params", help="Total parameters Ψ, e.g. 7.5B or 2851e6.")] = None,
             model: ModelOpt = None, config: ConfigOpt = None,
             largest_layer: Annotated[Optional[str], typer.Option("--largest-layer", help="Largest layer's parameters (ZeRO-3, deepspeed).")] = None,
             gpus_per_node: Annotated[int, typer.Option("--gpus-per-node", help="GPUs per node (DeepSpeed's default: 1).")] = 1,
             nodes: Annotated[int, typer.Option("--nodes", help="Nodes.")] = 1,
             stage: Annotated[Optional[int], typer.Option("--stage", help="Only this stage (paper: 0-3; deepspeed: 2 or 3).")] = None,
             convention: Annotated[str, typer.Option("--convention", help="paper (ZeRO paper, K=12) or deepspeed (its estimators' exact output).")] = "paper",
             explain: ExplainOpt = False, json_: JsonOpt = False) -> None:
    """ZeRO model-state memory per GPU: the paper's stages 0-3, or DeepSpeed's estimators row for row.

    Example: mianjing calc zero --params 7.5B --gpus-per-node 64 --convention paper
    """
    from ..calc import zero as z
    from ..calc.units import CalcError, fmt_bytes

    def inputs():
        if convention not in ("paper", "deepspeed"):
            raise CalcError("--convention must be paper or deepspeed")
        if (params is None) == (model is None and config is None):
            raise CalcError("give --params N, or --model/--config to count them")
        if gpus_per_node < 1 or nodes < 1:
            raise CalcError("--gpus-per-node and --nodes must be at least 1")
        largest = z.parse_count(largest_layer) if largest_layer is not None else None
        if params is not None:
            psi = z.parse_count(params)
        else:
            from ..calc.params import count_params
            r = count_params(_arch(model, config))
            psi = r.total
            largest = largest if largest is not None else r.largest_layer
        if stage is not None and stage not in ((0, 1, 2, 3) if convention == "paper" else (2, 3)):
            raise CalcError("--stage must be 0-3 for the paper convention; DeepSpeed estimates only stages 2 and 3")
        if convention == "deepspeed" and stage == 3 and largest is None:
            raise CalcError("ZeRO-3 (deepspeed) needs --largest-layer N (or --model/--config)")
        return psi, largest
    psi, largest = _run(inputs)
    n = gpus_per_node * nodes
    if convention == "paper":
        stages = [s for s in z.paper_stages(psi, n) if stage is None or s.stage == stage]
        if json_:
            print_json({"convention": "paper", "params": psi, "gpus": n, "k": 12,
                        "stages": [{"stage": s.stage, "name": s.name, "bytes_per_gpu": s.bytes_per_gpu} for s in stages]})
            return
        t = Table("stage", "shards", "per GPU", "formula")
        for s in stages:
            t.add_row(str(s.stage), s.name, fmt_bytes(s.bytes_per_gpu), s.formula)
        console.print(f"ZeRO paper convention: Ψ = {psi:,} parameters, N_d = {n} GPUs, K = 12 "
                      "(model states only: no activations, no buffers)", highlight=False)
        console.print(t)
        if explain:
            _explain([f"stage {s.stage} ({s.name}) = {s.formula} = {s.bytes_per_gpu:,} bytes" for s in stages]
                     + ["K = 12: fp32 master weights 4 + momentum 4 + variance 4 bytes per parameter (Adam)"])
        return
    rows = []
    want = [stage] if stage is not None else ([2, 3] if largest is not None else [2])
    if 2 in want:
        rows += z.ds_zero2_rows(psi, gpus_per_node, nodes)
    if 3 in want:
        rows += z.ds_zero3_rows(psi, largest, gpus_per_node, nodes)
    if json_:
        print_json({"convention": "deepspeed", "params": psi, "largest_layer": largest, "gpus_per_node": gpus_per_node,
                    "nodes": nodes, "buffer_factor": 1.5,
                    "rows": [{"stage": r.stage, "offload_param": r.offload_param, "offload_optimizer": r.offload_optimizer,
                              "zero_init": r.zero_init, "cpu_bytes": r.cpu_bytes, "gpu_bytes_per_gpu": r.gpu_bytes_per_gpu}
                             for r in rows],
                    "note": "DeepSpeed prints GB meaning GiB (2^30 bytes). ZeRO-2 without offload follows the current "
                            "code (2P + 18P/N), not the older docs example (4P + 16P/N)."})
        return
    for st in want:
        console.print(f"[bold]ZeRO-{st}[/] as DeepSpeed's estimate_zero{st}_model_states_mem_needs_all_cold prints it "
                      "([italic]its 'GB' are GiB[/]):")
        for line in z.ds_header(st, psi, gpus_per_node, nodes, largest):
            console.print(line, highlight=False, markup=False, soft_wrap=True)
        for r in rows:
            if r.stage == st:
                console.print(r.line(), highlight=False, markup=False, soft_wrap=True)
    if 2 in want:
        console.print("note: ZeRO-2 without offload follows DeepSpeed's current code, 2Ψ + 18Ψ/N; its docs still show "
                      "the older 4Ψ + 16Ψ/N (15.93GB instead of 11.28GB for 2851M params on 8 GPUs).", highlight=False)
    if 3 not in want:
        console.print("(ZeRO-3 rows need --largest-layer N, or --model/--config)", highlight=False)
    if explain:
        steps = [f"P = {psi:,}" + (f", largest layer = {largest:,}" if largest is not None else "")
                 + f", GPUs = {gpus_per_node} per node × {nodes} node(s); buffer factor 1.5 on CPU"]
        for r in rows:
            steps.append(f"ZeRO-{r.stage} [{r.options()}]: CPU = {r.cpu_formula} = {r.cpu_bytes:,}; "
                         f"GPU = {r.gpu_formula} = {r.gpu_bytes_per_gpu:,}")
        _explain(steps)


# ---- kv -------------------------------------------------------------------------------------------------

@calc_app.command("kv")
def kv_cmd(seq: Annotated[int, typer.Option("--seq", help="Sequence length (tokens).")],
           model: ModelOpt = None, config: ConfigOpt = None,
           batch: Annotated[int, typer.Option("--batch", help="Batch size.")] = 1,
           dtype: Annotated[str, typer.Option("--dtype", help="bf16 | fp16 | fp32 | fp8")] = "bf16",
           compare: Annotated[bool, typer.Option("--compare", help="Also MHA / GQA / MQA / MLA with savings ratios.")] = False,
           explain: ExplainOpt = False, json_: JsonOpt = False) -> None:
    """KV-cache bytes per token and in total for the model's own attention (MHA, GQA, MQA or MLA).

    Example: mianjing calc kv --model llama-3.1-70b --seq 131072 --compare
    """
    from ..calc.kv import kv_cache
    from ..calc.units import CalcError, dtype_bytes, fmt_bytes

    def go():
        if dtype.lower() not in ("bf16", "fp16", "fp32", "fp8"):
            raise CalcError(f"--dtype must be bf16, fp16, fp32 or fp8, not {dtype!r}")
        return kv_cache(_arch(model, config), seq, batch, dtype.lower(), dtype_bytes(dtype), compare)
    r = _run(go)
    if json_:
        print_json(r.to_json())
        return
    console.print(f"[bold]{r.arch.name}[/]: {r.own.attention}, {dtype}, seq {seq:,} × batch {batch}", highlight=False)
    console.print(f"per token  {r.own.bytes_per_token:,} bytes ({fmt_bytes(r.own.bytes_per_token)})", highlight=False)
    console.print(f"total      {r.total_bytes:,} bytes = {fmt_bytes(r.total_bytes)}", highlight=False)
    if r.compare:
        t = Table("attention", "bytes/token", f"total at {seq:,} × {batch}", "vs MHA", "note")
        mha = r.compare[0].bytes_per_token
        for v in r.compare:
            t.add_row(v.attention, f"{v.bytes_per_token:,}", fmt_bytes(v.bytes_per_token * seq * batch),
                      f"{mha / v.bytes_per_token:.2f}× smaller" if v is not r.compare[0] else "1×", v.note)
        console.print(t)
    if explain:
        _explain(r.steps)


# ---- train ----------------------------------------------------------------------------------------------

@calc_app.command("train")
def train_cmd(method: Annotated[str, typer.Option("--method", help="full | lora | qlora | all (a comparison).")],
              gpus: Annotated[int, typer.Option("--gpus", help="Number of GPUs.")],
              gpu_memory: Annotated[str, typer.Option("--gpu-memory", help="Memory per GPU with its unit: 80GiB (an 'H100 80GB'), 40GiB, 24GiB...")],
              model: ModelOpt = None, config: ConfigOpt = None,
              zero: Annotated[int, typer.Option("--zero", help="ZeRO stage 0-3.")] = 0,
              offload_optimizer: Annotated[bool, typer.Option("--offload-optimizer", help="Optimizer states to CPU (ZeRO-Offload).")] = False,
              offload_param: Annotated[bool, typer.Option("--offload-param", help="Weights to CPU (ZeRO-3).")] = False,
              seq: Annotated[int, typer.Option("--seq", help="Sequence length.")] = 2048,
              micro_batch: Annotated[int, typer.Option("--micro-batch", help="Micro-batch per GPU.")] = 1,
              recompute: Annotated[str, typer.Option("--recompute", help="none | selective | full (gradient checkpointing).")] = "full",
              tp: Annotated[int, typer.Option("--tp", help="Tensor-parallel degree.")] = 1,
              lora_rank: Annotated[int, typer.Option("--lora-rank", help="LoRA rank.")] = 16,
              lora_targets: Annotated[str, typer.Option("--lora-targets", help="LoRA targets (see calc lora).")] = "all-linear",
              convention: Annotated[str, typer.Option("--convention", help="zero-paper (16 bytes/param) or fp32-grads (18).")] = "zero-paper",
              reserve: Annotated[str, typer.Option("--reserve", help="Per-GPU reserve for CUDA context, NCCL, allocator.")] = "2GiB",
              explain: ExplainOpt = False, json_: JsonOpt = False) -> None:
    """Training memory per GPU (weights, gradients, optimizer, activations, buffers), fit, and fewest GPUs.

    Example: mianjing calc train --model qwen2.5-32b --method full --gpus 8 --gpu-memory 80GiB --zero 3
    """
    from ..calc.train import TrainSetup, train_memory
    from ..calc.units import fmt_bytes, fmt_count, parse_size

    def go(m: str):
        st = TrainSetup(method=m, gpus=gpus, gpu_memory=parse_size(gpu_memory), zero=zero,
                        offload_optimizer=offload_optimizer, offload_param=offload_param, seq=seq,
                        micro_batch=micro_batch, recompute=recompute.lower(), tp=tp, lora_rank=lora_rank,
                        lora_targets=lora_targets, convention=convention.lower(), reserve=parse_size(reserve))
        return train_memory(_arch(model, config), st)
    if method.lower() == "all":
        reports = [_run(lambda m=m: go(m)) for m in ("full", "lora", "qlora")]
        if json_:
            print_json({"methods": [x.to_json() for x in reports]})
            return
        s0 = reports[0].setup
        console.print(f"[bold]{reports[0].arch.name}[/]: {s0.gpus} × {fmt_bytes(s0.gpu_memory)}, ZeRO-{s0.zero}, "
                      f"TP {s0.tp}, seq {s0.seq} × micro-batch {s0.micro_batch}, {s0.recompute} recompute, "
                      f"LoRA rank {s0.lora_rank} on {s0.lora_targets}", highlight=False)
        t = Table(box=box.SIMPLE_HEAD, pad_edge=False)
        for col in ("method", "trainable", "weights", "grad+opt", "activ.", "buffers", "total", "fits",
                    "min GPUs", "ZeRO 0/1/2/3"):
            t.add_column(col)
        for x in reports:
            b = {ln.name: ln.bytes for ln in x.lines}
            act = sum(v for k, v in b.items() if k.startswith("activations") or k.startswith("logits"))

            def g(n: int) -> str:
                return f"{n / 2**30:,.2f}"
            t.add_row(x.setup.method, fmt_count(x.trainable).split(" (")[-1].rstrip(")").replace(" ", ""),
                      g(b["weights"]), g(b["gradients"] + b["optimizer states"]), g(act),
                      g(b["buffers"]), g(x.per_gpu), "yes" if x.fits else "no", str(x.min_gpus or "—"),
                      "/".join(str(v or "—") for v in x.min_gpus_by_stage.values()))
        console.print("per GPU, in GiB (2^30 bytes); activ. = activations + logits; min GPUs at the chosen "
                      "ZeRO stage, then at each stage:", highlight=False)
        console.print(t)
        if explain:
            for x in reports:
                _explain(x.steps, f"Derivation ({x.setup.method})")
        return
    r = _run(lambda: go(method.lower()))
    if json_:
        print_json(r.to_json())
        return
    s = r.setup
    console.print(f"[bold]{r.arch.name}[/] {s.method}: {s.gpus} × {fmt_bytes(s.gpu_memory)}, ZeRO-{s.zero}, TP {s.tp}, "
                  f"seq {s.seq} × micro-batch {s.micro_batch}, {s.recompute} recompute, {s.convention}", highlight=False)
    t = Table("per GPU", "bytes", "")
    for ln in r.lines:
        t.add_row(ln.name, f"{ln.bytes:,}", fmt_bytes(ln.bytes))
    t.add_row("[bold]total[/]", f"{r.per_gpu:,}", fmt_bytes(r.per_gpu))
    console.print(t)
    if r.cpu_per_gpu:
        console.print(f"CPU memory per GPU process: {fmt_bytes(r.cpu_per_gpu)}", highlight=False)
    console.print(("[green]fits[/]" if r.fits else "[red]does not fit[/]")
                  + f" in {fmt_bytes(s.gpu_memory)}; fewest GPUs at ZeRO-{s.zero}: "
                  + (str(r.min_gpus) if r.min_gpus else "none (try a higher ZeRO stage or offload)"), highlight=False)
    console.print("fewest GPUs by ZeRO stage: " + ", ".join(
        f"ZeRO-{k}: {v if v else '—'}" for k, v in r.min_gpus_by_stage.items()), highlight=False)
    for n in r.notes:
        console.print(f"[dim]note: {n}[/]", highlight=False)
    if explain:
        _explain(r.steps)


# ---- infer ----------------------------------------------------------------------------------------------

@calc_app.command("infer")
def infer_cmd(gpu_memory: Annotated[str, typer.Option("--gpu-memory", help="Memory per GPU with its unit, e.g. 80GiB.")],
              model: ModelOpt = None, config: ConfigOpt = None,
              gpus: Annotated[int, typer.Option("--gpus", help="GPUs (tensor parallel).")] = 1,
              dtype: Annotated[str, typer.Option("--dtype", help="bf16 | fp16 | fp32 | fp8 weights.")] = "bf16",
              quant: Annotated[Optional[str], typer.Option("--quant", help="int8 | int4 weight quantisation.")] = None,
              kv_dtype: Annotated[Optional[str], typer.Option("--kv-dtype", help="KV cache dtype (default: --dtype).")] = None,
              seq: Annotated[Optional[int], typer.Option("--seq", help="Report the largest batch at this context only.")] = None,
              reserve: Annotated[str, typer.Option("--reserve", help="Per-GPU reserve (CUDA context, allocator).")] = "1GiB",
              chunk: Annotated[int, typer.Option("--chunk", help="Prefill chunk (tokens) for working memory.")] = 8192,
              explain: ExplainOpt = False, json_: JsonOpt = False) -> None:
    """Inference memory: weights + KV cache + working memory, and the largest batch × context that fits.

    Example: mianjing calc infer --model llama-3.1-70b --gpu-memory 80GiB --gpus 4
    """
    from ..calc.infer import infer_memory
    from ..calc.units import CalcError, dtype_bytes, fmt_bytes, parse_size

    def go():
        if quant is not None and quant.lower() not in ("int8", "int4"):
            raise CalcError(f"--quant must be int8 or int4, not {quant!r}")
        if seq is not None and seq < 1:
            raise CalcError("--seq must be at least 1")
        return infer_memory(_arch(model, config), parse_size(gpu_memory), gpus, dtype.lower(), dtype_bytes(dtype),
                            quant.lower() if quant else None, kv_dtype, dtype_bytes(kv_dtype) if kv_dtype else None,
                            parse_size(reserve), chunk, seq)
    r = _run(go)
    if json_:
        print_json(r.to_json())
        return
    console.print(f"[bold]{r.arch.name}[/] on {gpus} × {fmt_bytes(r.gpu_memory)}, weights "
                  f"{quant or dtype}, KV {kv_dtype or dtype}", highlight=False)
    t = Table("per GPU", "bytes", "")
    t.add_row("weights", f"{r.weights:,}", fmt_bytes(r.weights))
    t.add_row("working memory", f"{r.working:,}", fmt_bytes(r.working))
    t.add_row("free for KV cache", f"{r.free_for_kv:,}", fmt_bytes(r.free_for_kv))
    t.add_row("KV per token", f"{r.kv_per_token:,}", fmt_bytes(r.kv_per_token))
    console.print(t)
    if r.max_tokens:
        console.print(f"KV cache holds {r.max_tokens:,} tokens in all", highlight=False)
        t2 = Table("context", "largest batch")
        for c, b in r.table:
            t2.add_row(f"{c:,}", str(b))
        console.print(t2)
    for n in r.notes:
        console.print(f"[red]{n}[/]", highlight=False)
    if explain:
        _explain(r.steps)


# ---- verify ---------------------------------------------------------------------------------------------

@calc_app.command("verify")
def verify_cmd(measure: Annotated[bool, typer.Option("--measure", help="Also measure with real PyTorch on CPU (imports torch; ~20 s).")] = False,
               json_: JsonOpt = False) -> None:
    """Check the calculators against published outputs, model sizes and (--measure) real PyTorch tensors.

    Sources: DeepSpeed's and Hugging Face's documented estimator outputs, the ZeRO paper's Figure 1,
    published model sizes; with --measure, tensors of a real AdamW step, of ZeRO-1 / FSDP sharding
    over gloo processes, of a real KV cache, and transformers models built on the meta device.

    Example: mianjing calc verify --measure
    """
    from ..calc.verify import run_checks

    checks = run_checks(measure=measure)
    ok = all(c.ok for c in checks if c.ok is not None)
    if json_:
        print_json({"ok": ok, "checks": [c.to_json() for c in checks]})
    else:
        for c in checks:
            mark = "[green]✓[/]" if c.ok else ("[yellow]–[/]" if c.ok is None else "[red]✗[/]")
            console.print(f"{mark} {escape(c.name)}  [dim]({escape(c.source)})[/]", highlight=False, soft_wrap=True)
            console.print(f"    expected {c.expected}; calculated {c.got}", highlight=False, soft_wrap=True,
                          markup=False)
            if c.note:
                console.print(f"    {c.note}", highlight=False, soft_wrap=True, markup=False)
        n_ok = sum(1 for c in checks if c.ok)
        n_bad = sum(1 for c in checks if c.ok is False)
        n_na = sum(1 for c in checks if c.ok is None)
        console.print(f"{n_ok} agree, {n_bad} disagree" + (f", {n_na} not measurable here" if n_na else "")
                      + ("" if measure else "; add --measure to compare with real PyTorch tensors"), highlight=False)
    if not ok:
        raise typer.Exit(1)


def register(app: typer.Typer) -> None:
    app.add_typer(calc_app, name="calc")
