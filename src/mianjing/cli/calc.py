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
    from ..calc.presets import PUBLISHED, WHY, preset_names
    from ..calc.units import fmt_count

    if list_:
        exact = {n: count_params(_arch(n, None)).total for n in preset_names()}
        if json_:
            print_json({"presets": [{"name": n, "repo": PUBLISHED[n].repo if n in PUBLISHED else None,
                                     "published": PUBLISHED[n].stated if n in PUBLISHED else None,
                                     "exact": exact[n], "why_they_differ": WHY.get(n)}
                                    for n in preset_names()]})
            return
        t = Table("preset", "published", "exact (mianjing)", "why they differ", show_lines=True)
        for n in preset_names():
            p = PUBLISHED.get(n)
            t.add_row(n, p.stated if p else "", f"{exact[n]:,}", WHY.get(n, ""))
        console.print(t)
        console.print("configs from each model's Hugging Face repository (`--json` lists them); exact counts equal "
                      "the checkpoints' own where one is published (`calc verify`)", highlight=False, soft_wrap=True)
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
    if r.buffers:
        console.print(f"stored tensors {fmt_count(r.total + r.buffers)} = parameters + {r.buffers_formula}",
                      highlight=False)
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


# ---- the shared hardware flags ---------------------------------------------------------------------------

GpusOpt = Annotated[Optional[int], typer.Option("--gpus", help="Total GPUs. Leave it out to ask for the fewest that fit.")]
PerNodeOpt = Annotated[Optional[int], typer.Option("--gpus-per-node", help="GPUs per node (with --nodes: total = both multiplied; default 8 when counting nodes).")]
NodesOpt = Annotated[Optional[int], typer.Option("--nodes", help="Nodes.")]
GpuOpt = Annotated[Optional[str], typer.Option(
    "--gpu", "--gpu-memory",
    help="The card: a name (H100, H200, H800, H20, A100-80G, A800, A100-40G, L40S, 4090, 3090, V100) or a size with "
         "its unit (80GiB = 80·2^30 bytes; 80GB = 80·10^9 bytes). Alias: --gpu-memory.")]
ReserveOpt = Annotated[str, typer.Option("--reserve", help="Per-GPU memory kept back for the driver, CUDA context, NCCL and allocator (0 for none).")]


def _card(gpu: str | None, reserve: str | None = None):
    """(Card, reserve bytes, notes) from --gpu and --reserve; CalcError on bad input."""
    from ..calc.hardware import DEFAULT_RESERVE, check_reserve, parse_reserve, resolve_gpu, unit_warning

    card = resolve_gpu(gpu)
    res = parse_reserve(reserve) if reserve is not None else DEFAULT_RESERVE
    check_reserve(res, card)
    notes = [w for w in [unit_warning(gpu, card)] if w]
    return card, res, notes


def _card_line(card, reserve: int) -> str:
    from ..calc.units import fmt_bytes

    return (f"GPU {card.name}: {fmt_bytes(card.bytes)} ({card.source}); usable {fmt_bytes(card.bytes - reserve)} "
            f"after a {fmt_bytes(reserve)} reserve (--reserve)")


def _warn(lines: list[str]) -> None:
    for w in lines:
        console.print(f"[yellow]warning:[/] {escape(w)}", highlight=False, soft_wrap=True)


def _gib(n: int | None) -> str:
    return "—" if n is None else f"{n / 2**30:,.2f}"


# ---- zero -----------------------------------------------------------------------------------------------

@calc_app.command("zero")
def zero_cmd(params: Annotated[Optional[str], typer.Option("--params", help="Total parameters Ψ, e.g. 7.5B or 2851e6.")] = None,
             model: ModelOpt = None, config: ConfigOpt = None,
             largest_layer: Annotated[Optional[str], typer.Option("--largest-layer", help="Largest layer's parameters (ZeRO-3, deepspeed).")] = None,
             gpus: GpusOpt = None, gpus_per_node: PerNodeOpt = None, nodes: NodesOpt = None, gpu: GpuOpt = None,
             reserve: ReserveOpt = "2GiB",
             dtype: Annotated[str, typer.Option("--dtype", help="bf16 | fp16: the 16-bit weights and gradients of mixed precision (the paper's setting).")] = "bf16",
             stage: Annotated[Optional[int], typer.Option("--stage", help="Only this stage (paper: 0-3; deepspeed: 2 or 3).")] = None,
             convention: Annotated[str, typer.Option("--convention", help="paper (ZeRO paper, K=12) or deepspeed (its estimators' exact output).")] = "paper",
             explain: ExplainOpt = False, json_: JsonOpt = False) -> None:
    """ZeRO model-state memory per GPU: the paper's stages 0-3 (what each saves), or DeepSpeed's estimators.

    With --gpu (a card) and no GPU count: the fewest GPUs whose model states fit, per stage.

    Example: mianjing calc zero --params 7.5B --gpus 64 --convention paper
    """
    from ..calc import zero as z
    from ..calc.hardware import MAX_GPUS, resolve_gpus
    from ..calc.units import CalcError, fmt_bytes

    def inputs():
        if convention not in ("paper", "deepspeed"):
            raise CalcError("--convention must be paper or deepspeed")
        if dtype.lower() not in ("bf16", "fp16"):
            raise CalcError(f"--dtype {dtype}: ZeRO's accounting is for mixed precision (bf16 or fp16 weights with "
                            "fp32 optimizer states); for pure fp32 use `calc train --dtype fp32`")
        if (params is None) == (model is None and config is None):
            raise CalcError("give --params N, or --model/--config to count them")
        cluster = resolve_gpus(gpus, gpus_per_node, nodes)
        card = _card(gpu, reserve) if gpu is not None else None
        largest = z.parse_count(largest_layer) if largest_layer is not None else None
        if params is not None:
            psi = z.parse_count(params)
        else:
            from ..calc.params import count_params
            r = count_params(_arch(model, config))
            psi = r.total
            largest = largest if largest is not None else r.largest_layer
        if psi > 10**15:
            raise CalcError(f"{psi:,} parameters is beyond any model (limit 10^15)")
        if stage is not None and stage not in ((0, 1, 2, 3) if convention == "paper" else (2, 3)):
            raise CalcError("--stage must be 0-3 for the paper convention; DeepSpeed estimates only stages 2 and 3")
        if convention == "deepspeed" and stage == 3 and largest is None:
            raise CalcError("ZeRO-3 (deepspeed) needs --largest-layer N (or --model/--config)")
        if convention == "deepspeed" and card is not None and cluster is None:
            raise CalcError("the fewest-GPUs answer uses the paper convention; drop --convention deepspeed, or give --gpus")
        return psi, largest, cluster, card
    psi, largest, cluster, card = _run(inputs)
    if convention == "paper":
        if cluster is None and card is not None:
            c, res, warns = card
            usable = c.bytes - res
            fewest = {s: z.fewest_gpus_paper(psi, usable, s, MAX_GPUS) for s in (0, 1, 2, 3) if stage is None or s == stage}
            if json_:
                print_json({"convention": "paper", "question": "fewest GPUs", "params": psi, "k": 12,
                            "gpu": c.to_json(), "reserve_bytes": res, "usable_bytes": usable, "warnings": warns,
                            "stages": [{"stage": s, "fewest_gpus": n,
                                        "bytes_per_gpu": None if n is None else z.paper_stages(psi, n)[s].bytes_per_gpu}
                                       for s, n in fewest.items()]})
                return
            console.print(f"ZeRO paper convention: Ψ = {psi:,} parameters, K = 12; model states only (no activations, "
                          "no buffers: `calc train` adds them)", highlight=False)
            console.print(_card_line(c, res), highlight=False, soft_wrap=True)
            _warn(warns)
            t = Table("stage", "shards", "fewest GPUs", "per GPU there", "formula")
            for s, n in fewest.items():
                row = z.paper_stages(psi, n or 1)[s]
                t.add_row(str(s), row.name, str(n) if n else "never", fmt_bytes(row.bytes_per_gpu) if n else
                          f"≥ {fmt_bytes(z.paper_floor(psi, s))}", row.formula)
            console.print(t)
            if explain:
                _explain([f"stage {s}: fewest N with {z.paper_stages(psi, n)[s].formula} ≤ usable {usable:,}: N = {n}"
                          if n else f"stage {s}: the unsharded part {z.paper_floor(psi, s):,} bytes exceeds usable {usable:,}"
                          for s, n in fewest.items()])
            return
        n = cluster.gpus if cluster else 1
        all_stages = z.paper_stages(psi, n)
        stages = [s for s in all_stages if stage is None or s.stage == stage]
        base = all_stages[0].bytes_per_gpu
        usable = card[0].bytes - card[1] if card else None
        if json_:
            print_json({"convention": "paper", "params": psi, "gpus": n, "k": 12,
                        "gpu": card[0].to_json() if card else None, "usable_bytes": usable,
                        "stages": [{"stage": s.stage, "name": s.name, "bytes_per_gpu": s.bytes_per_gpu,
                                    "saved_vs_stage_0": base - s.bytes_per_gpu,
                                    "fits": None if usable is None else s.bytes_per_gpu <= usable} for s in stages]})
            return
        t = Table("stage", "shards", "per GPU", "saves vs stage 0", "formula")
        if usable is not None:
            t.add_column("fits")
        for s in stages:
            row = [str(s.stage), s.name, fmt_bytes(s.bytes_per_gpu),
                   "—" if s.stage == 0 else f"{fmt_bytes(base - s.bytes_per_gpu)} ({100 * (base - s.bytes_per_gpu) / base:.0f}%)",
                   s.formula]
            if usable is not None:
                row.append("yes" if s.bytes_per_gpu <= usable else "no")
            t.add_row(*row)
        console.print(f"ZeRO paper convention: Ψ = {psi:,} parameters, N_d = {n} GPUs, K = 12 "
                      "(model states only: no activations, no buffers)", highlight=False)
        if card:
            console.print(_card_line(card[0], card[1]), highlight=False, soft_wrap=True)
            _warn(card[2])
        console.print(t)
        if explain:
            _explain([f"stage {s.stage} ({s.name}) = {s.formula} = {s.bytes_per_gpu:,} bytes" for s in stages]
                     + ["K = 12: fp32 master weights 4 + momentum 4 + variance 4 bytes per parameter (Adam)"])
        return
    per_node = cluster.gpus_per_node if cluster else 1
    n_nodes = cluster.nodes if cluster else 1
    rows = []
    want = [stage] if stage is not None else ([2, 3] if largest is not None else [2])
    if 2 in want:
        rows += z.ds_zero2_rows(psi, per_node, n_nodes)
    if 3 in want:
        rows += z.ds_zero3_rows(psi, largest, per_node, n_nodes)
    if json_:
        print_json({"convention": "deepspeed", "params": psi, "largest_layer": largest, "gpus_per_node": per_node,
                    "nodes": n_nodes, "buffer_factor": 1.5,
                    "rows": [{"stage": r.stage, "offload_param": r.offload_param, "offload_optimizer": r.offload_optimizer,
                              "zero_init": r.zero_init, "cpu_bytes": r.cpu_bytes, "gpu_bytes_per_gpu": r.gpu_bytes_per_gpu}
                             for r in rows],
                    "note": "DeepSpeed prints GB meaning GiB (2^30 bytes). ZeRO-2 without offload follows the current "
                            "code (2P + 18P/N), not the older docs example (4P + 16P/N)."})
        return
    for st in want:
        console.print(f"[bold]ZeRO-{st}[/] as DeepSpeed's estimate_zero{st}_model_states_mem_needs_all_cold prints it "
                      "([italic]its 'GB' are GiB[/]):")
        for line in z.ds_header(st, psi, per_node, n_nodes, largest):
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
                 + f", GPUs = {per_node} per node × {n_nodes} node(s); buffer factor 1.5 on CPU"]
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
           gpus: Annotated[Optional[int], typer.Option("--gpus", help="Split the cache by tensor parallelism over this many GPUs.")] = None,
           gpu: GpuOpt = None, reserve: ReserveOpt = "2GiB",
           compare: Annotated[bool, typer.Option("--compare", help="Also MHA / GQA / MQA / MLA with savings ratios.")] = False,
           explain: ExplainOpt = False, json_: JsonOpt = False) -> None:
    """KV-cache bytes per token and in total for the model's own attention (MHA, GQA, MQA or MLA).

    Example: mianjing calc kv --model llama-3.1-70b --seq 131072 --compare
    """
    from ..calc.hardware import check_seq_batch, resolve_gpus, tp_problem
    from ..calc.kv import kv_cache
    from ..calc.units import CalcError, dtype_bytes, fmt_bytes

    def go():
        if dtype.lower() not in ("bf16", "fp16", "fp32", "fp8"):
            raise CalcError(f"--dtype must be bf16, fp16, fp32 or fp8, not {dtype!r}")
        a = _arch(model, config)
        warns = check_seq_batch(seq, batch, a.max_position)
        cluster = resolve_gpus(gpus, None, None)
        if cluster and not a.is_mla:
            problem = tp_problem(cluster.gpus, a.heads, a.kv_heads)
            if problem:
                raise CalcError(f"--gpus {cluster.gpus}: {problem}")
        card = _card(gpu, reserve) if gpu is not None else None
        return kv_cache(a, seq, batch, dtype.lower(), dtype_bytes(dtype), compare), cluster, card, warns
    r, cluster, card, warns = _run(go)
    a = r.arch
    n = cluster.gpus if cluster else 1
    if a.is_mla:
        per_gpu = r.total_bytes  # the latent is replicated on every GPU
    else:
        per_gpu = r.total_bytes * max(1, a.kv_heads // n) // a.kv_heads
    usable = card[0].bytes - card[1] if card else None
    if json_:
        doc = r.to_json()
        doc.update({"gpus": n, "bytes_per_gpu": per_gpu, "warnings": warns + (card[2] if card else [])})
        if card:
            doc.update({"gpu": card[0].to_json(), "usable_bytes": usable,
                        "share_of_usable": round(per_gpu / usable, 6)})
        print_json(doc)
        return
    console.print(f"[bold]{r.arch.name}[/]: {r.own.attention}, {dtype}, seq {seq:,} × batch {batch}", highlight=False)
    console.print(f"per token  {r.own.bytes_per_token:,} bytes ({fmt_bytes(r.own.bytes_per_token)})", highlight=False)
    console.print(f"total      {r.total_bytes:,} bytes = {fmt_bytes(r.total_bytes)}", highlight=False)
    if cluster:
        how = ("the MLA latent is replicated on every GPU" if a.is_mla else
               f"{max(1, a.kv_heads // n)} of {a.kv_heads} KV heads per GPU")
        console.print(f"per GPU    {per_gpu:,} bytes = {fmt_bytes(per_gpu)} over {n} GPUs ({how})", highlight=False)
    if card:
        console.print(_card_line(card[0], card[1]), highlight=False, soft_wrap=True)
        console.print(f"the cache takes {100 * per_gpu / usable:.1f}% of the usable memory per GPU, before any weights",
                      highlight=False)
    _warn(warns + (card[2] if card else []))
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

def _train_setup(method, cluster, card, reserve, stage, fsdp, offload_optimizer, offload_param, seq, batch,
                 recompute, tp, lora_rank, lora_targets, convention, dtype):
    from ..calc.hardware import DEFAULT_GPUS_PER_NODE
    from ..calc.train import TrainSetup

    return TrainSetup(method=method, gpus=cluster.gpus if cluster else 1, gpu_memory=card.bytes,
                      zero=stage if stage is not None else 0, fsdp=fsdp, offload_optimizer=offload_optimizer,
                      offload_param=offload_param, seq=seq, micro_batch=batch, recompute=recompute.lower(), tp=tp,
                      lora_rank=lora_rank, lora_targets=lora_targets, convention=convention.lower(),
                      reserve=reserve, dtype=dtype.lower(),
                      gpus_per_node=cluster.gpus_per_node if cluster and cluster.nodes > 1 else DEFAULT_GPUS_PER_NODE)


SHORT_NAMES = {"zero-0": "ZeRO-0", "zero-1": "ZeRO-1", "zero-2": "ZeRO-2", "zero-3": "ZeRO-3", "fsdp": "FSDP"}
STRATEGY_NAMES = {"zero-0": "ZeRO-0 (DDP)", "zero-1": "ZeRO-1", "zero-2": "ZeRO-2", "zero-3": "ZeRO-3",
                  "fsdp": "FSDP full-shard"}


def _print_plan(p, card, reserve: int, explain: bool, chosen: str | None) -> None:
    from ..calc.train import RECOMPUTE_LABELS
    from ..calc.units import fmt_bytes

    s = p.setup
    per_node = s.gpus_per_node
    console.print(f"[bold]{p.arch.name}[/] {s.method} fine-tuning, {s.dtype}"
                  + (" mixed precision" if s.dtype != "fp32" else "") + f", AdamW; seq {s.seq:,} × batch {s.micro_batch}"
                  + f", TP {s.tp}" + (f", LoRA rank {s.lora_rank} on {s.lora_targets}" if s.method != "full" else ""),
                  highlight=False, soft_wrap=True)
    console.print(_card_line(card, reserve), highlight=False, soft_wrap=True)
    pick = next((o for o in p.options if o.strategy == chosen), None) if chosen else p.best
    if pick is None or pick.gpus is None:
        console.print("[red]Answer: no number of these cards fits[/]"
                      + (f" with {STRATEGY_NAMES[chosen]}" if chosen else "") + "; see the binding constraints below",
                      highlight=False)
    else:
        nodes = pick.nodes(per_node)
        console.print(f"[bold green]Answer: {pick.gpus} GPU{'s' if pick.gpus > 1 else ''}[/] with "
                      f"{STRATEGY_NAMES[pick.strategy]}, {RECOMPUTE_LABELS[s.recompute]}"
                      + f" (in whole nodes: {nodes} node{'s' if nodes > 1 else ''} of {per_node})",
                      highlight=False, soft_wrap=True)
    t = Table(box=box.SIMPLE_HEAD, pad_edge=False)
    for col in ("strategy", "GPUs", "weights", "grads", "optim.", "activ.", "buffers", "per GPU", "N−1",
                "no ckpt" if s.recompute == "full" else "ckpt"):
        t.add_column(col)
    for o in p.options:
        b = {ln.name: ln.bytes for ln in o.lines}
        if o.gpus is None:  # never fits: only the floor, what the strategy cannot shard
            t.add_row(SHORT_NAMES[o.strategy], "never", "", "", "", "", "",
                      f"≥{_gib(o.per_gpu)}" if o.lines else "—", "", str(o.gpus_other_recompute or "never"))
            continue
        act = sum(v for k, v in b.items() if k.startswith("activations") or k.startswith("logits"))
        t.add_row(SHORT_NAMES[o.strategy], str(o.gpus), _gib(b.get("weights")), _gib(b.get("gradients")),
                  _gib(b.get("optimizer states")), _gib(act), _gib(b.get("buffers", 0)), _gib(o.per_gpu),
                  _gib(o.per_gpu_one_fewer), str(o.gpus_other_recompute or "never"))
    console.print(f"per GPU at the fewest GPUs, in GiB (2^30 bytes), against {_gib(s.usable)} usable; activ. = "
                  f"activations + logits; N−1 = the total with one GPU fewer; last column = fewest GPUs "
                  f"{RECOMPUTE_LABELS[p.other_recompute]}:", highlight=False, soft_wrap=True)
    console.print(t)
    if pick is not None and pick.cpu_per_gpu:
        console.print(f"offloaded to CPU: {fmt_bytes(pick.cpu_per_gpu)} per GPU process, "
                      f"{fmt_bytes(pick.cpu_per_gpu * min(pick.gpus or 1, per_node))} per node", highlight=False)
    console.print("binding constraint:", highlight=False)
    for o in p.options:
        console.print(f"  {STRATEGY_NAMES[o.strategy]}: {o.binding}", highlight=False, soft_wrap=True)
    for n in p.notes:
        console.print(f"[dim]note: {n}[/]", highlight=False, soft_wrap=True)
    if explain and pick is not None and pick.gpus is not None:
        steps = [f"{x.name} = {x.formula} = {x.bytes:,} bytes" for x in pick.lines]
        steps.append(f"at {pick.gpus} GPUs: {' + '.join(f'{x.bytes:,}' for x in pick.lines)} = {pick.per_gpu:,} ≤ usable "
                     f"{s.usable:,} = {card.bytes:,} − {reserve:,}")
        if pick.per_gpu_one_fewer is not None:
            steps.append(f"at {pick.gpus - s.tp} GPUs: {pick.per_gpu_one_fewer:,} > {s.usable:,}, so {pick.gpus} is the fewest")
        _explain(steps, f"Derivation ({STRATEGY_NAMES[pick.strategy]}, {fmt_bytes(pick.per_gpu)} per GPU)")


@calc_app.command("train")
def train_cmd(model: ModelOpt = None, config: ConfigOpt = None,
              method: Annotated[str, typer.Option("--method", help="full | lora | qlora | all (a comparison).")] = "full",
              gpu: GpuOpt = None, gpus: GpusOpt = None, gpus_per_node: PerNodeOpt = None, nodes: NodesOpt = None,
              stage: Annotated[Optional[int], typer.Option("--stage", "--zero", help="ZeRO stage 0-3 (alias: --zero). Without --gpus: the answer for this stage.")] = None,
              fsdp: Annotated[bool, typer.Option("--fsdp", help="FSDP full-shard instead of DeepSpeed ZeRO.")] = False,
              offload_optimizer: Annotated[bool, typer.Option("--offload-optimizer", help="Optimizer states to CPU (ZeRO-Offload).")] = False,
              offload_param: Annotated[bool, typer.Option("--offload-param", help="Weights to CPU (ZeRO-3).")] = False,
              dtype: Annotated[str, typer.Option("--dtype", help="bf16 | fp16 (mixed precision) | fp32 (pure fp32).")] = "bf16",
              seq: Annotated[int, typer.Option("--seq", help="Sequence length.")] = 2048,
              batch: Annotated[int, typer.Option("--batch", "--micro-batch", help="Micro-batch per GPU (alias: --micro-batch).")] = 1,
              recompute: Annotated[str, typer.Option("--recompute", help="full (activation checkpointing) | selective | none.")] = "full",
              tp: Annotated[int, typer.Option("--tp", help="Tensor-parallel degree.")] = 1,
              lora_rank: Annotated[int, typer.Option("--lora-rank", help="LoRA rank.")] = 16,
              lora_targets: Annotated[str, typer.Option("--lora-targets", help="LoRA targets (see calc lora).")] = "all-linear",
              convention: Annotated[str, typer.Option("--convention", help="zero-paper (16 bytes/param) or fp32-grads (18).")] = "zero-paper",
              reserve: ReserveOpt = "2GiB",
              explain: ExplainOpt = False, json_: JsonOpt = False) -> None:
    """Training memory per GPU, and the fewest GPUs that fit.

    Without --gpus: the fewest GPUs for each ZeRO stage and FSDP, with the per-GPU breakdown and the
    binding constraint. With --gpus (or --gpus-per-node/--nodes): that setup, checked.

    Example: mianjing calc train --model qwen2.5-32b --method full --gpu 80GiB
    """
    from ..calc.hardware import check_seq_batch, resolve_gpus
    from ..calc.train import train_memory, train_plan
    from ..calc.units import CalcError, fmt_bytes, fmt_count

    def prepare():
        if gpu is None:
            raise CalcError("give the card with --gpu: a name (H100, A100-80G, 4090, ...) or a size (80GiB, 80GB)")
        if stage is not None and stage not in (0, 1, 2, 3):
            raise CalcError(f"--stage must be 0, 1, 2 or 3, not {stage}")
        if fsdp and stage is not None:
            raise CalcError("--fsdp and --stage are two different strategies: give one")
        a = _arch(model, config)
        warns = check_seq_batch(seq, batch, a.max_position)
        cluster = resolve_gpus(gpus, gpus_per_node, nodes)
        card, res, notes = _card(gpu, reserve)
        return a, cluster, card, res, warns + notes
    a, cluster, card, res, warns = _run(prepare)
    methods = ("full", "lora", "qlora") if method.lower() == "all" else (method.lower(),)

    def setup(m: str):
        return _train_setup(m, cluster, card, res, stage, fsdp, offload_optimizer, offload_param, seq, batch,
                            recompute, tp, lora_rank, lora_targets, convention, dtype)
    chosen = "fsdp" if fsdp else (f"zero-{stage}" if stage is not None else None)
    if cluster is None:
        plans = [_run(lambda m=m: train_plan(a, setup(m))) for m in methods]
        if json_:
            docs = []
            for p in plans:
                d = p.to_json()
                d.update({"gpu": card.to_json(), "warnings": warns})
                docs.append(d)
            print_json(docs[0] if len(docs) == 1 else {"methods": docs})
            return
        _warn(warns)
        if len(plans) == 1:
            _print_plan(plans[0], card, res, explain, chosen)
            return
        s0 = plans[0].setup
        console.print(f"[bold]{a.name}[/]: fewest GPUs per method and strategy; seq {s0.seq:,} × batch {s0.micro_batch}, "
                      f"{s0.recompute} recompute, LoRA rank {s0.lora_rank} on {s0.lora_targets}", highlight=False,
                      soft_wrap=True)
        console.print(_card_line(card, res), highlight=False, soft_wrap=True)
        t = Table("method", "trainable", *[STRATEGY_NAMES[o.strategy] for o in plans[0].options])
        for p in plans:
            t.add_row(p.setup.method, fmt_count(p.trainable).split(" (")[-1].rstrip(")").replace(" ", ""),
                      *[str(o.gpus) if o.gpus else "never" for o in p.options])
        console.print(t)
        console.print("(`--method full` etc. shows each one's per-GPU breakdown and binding constraint)", highlight=False)
        return
    reports = [_run(lambda m=m: train_memory(a, setup(m))) for m in methods]
    if json_:
        docs = []
        for x in reports:
            d = x.to_json()
            d.update({"gpu": card.to_json(), "gpus_per_node": cluster.gpus_per_node, "nodes": cluster.nodes,
                      "warnings": warns})
            docs.append(d)
        print_json(docs[0] if len(docs) == 1 else {"methods": docs})
        return
    _warn(warns)
    if len(reports) > 1:
        s0 = reports[0].setup
        console.print(f"[bold]{a.name}[/]: {cluster.describe()}, {s0.strategy.upper().replace('ZERO', 'ZeRO')}, "
                      f"TP {s0.tp}, seq {s0.seq} × batch {s0.micro_batch}, {s0.recompute} recompute, "
                      f"LoRA rank {s0.lora_rank} on {s0.lora_targets}", highlight=False, soft_wrap=True)
        console.print(_card_line(card, res), highlight=False, soft_wrap=True)
        t = Table(box=box.SIMPLE_HEAD, pad_edge=False)
        for col in ("method", "trainable", "weights", "grad+opt", "activ.", "buffers", "per GPU", "fits",
                    "min GPUs", "ZeRO 0/1/2/3"):
            t.add_column(col)
        for x in reports:
            b = {ln.name: ln.bytes for ln in x.lines}
            act = sum(v for k, v in b.items() if k.startswith("activations") or k.startswith("logits"))
            t.add_row(x.setup.method, fmt_count(x.trainable).split(" (")[-1].rstrip(")").replace(" ", ""),
                      _gib(b["weights"]), _gib(b["gradients"] + b["optimizer states"]), _gib(act),
                      _gib(b.get("buffers", 0)), _gib(x.per_gpu), "yes" if x.fits else "no", str(x.min_gpus or "—"),
                      "/".join(str(v or "—") for v in x.min_gpus_by_stage.values()))
        console.print("per GPU, in GiB (2^30 bytes); activ. = activations + logits; min GPUs at the chosen "
                      "strategy, then at each ZeRO stage:", highlight=False, soft_wrap=True)
        console.print(t)
        if explain:
            for x in reports:
                _explain(x.steps, f"Derivation ({x.setup.method})")
        return
    r = reports[0]
    s = r.setup
    console.print(f"[bold]{r.arch.name}[/] {s.method}: {cluster.describe()}, "
                  f"{'FSDP full-shard' if s.fsdp else f'ZeRO-{s.zero}'}, TP {s.tp}, seq {s.seq} × batch {s.micro_batch}, "
                  f"{s.recompute} recompute, {s.dtype}, {s.convention}", highlight=False, soft_wrap=True)
    console.print(_card_line(card, res), highlight=False, soft_wrap=True)
    t = Table("per GPU", "bytes", "")
    for ln in r.lines:
        t.add_row(ln.name, f"{ln.bytes:,}", fmt_bytes(ln.bytes))
    t.add_row("[bold]total[/]", f"{r.per_gpu:,}", fmt_bytes(r.per_gpu))
    console.print(t)
    if r.cpu_per_gpu:
        console.print(f"CPU memory per GPU process: {fmt_bytes(r.cpu_per_gpu)}", highlight=False)
    console.print(("[green]fits[/]" if r.fits else "[red]does not fit[/]")
                  + f" in {fmt_bytes(s.usable)} usable; fewest GPUs with {'FSDP' if s.fsdp else f'ZeRO-{s.zero}'}: "
                  + (str(r.min_gpus) if r.min_gpus else "none (try a higher ZeRO stage or offload)"), highlight=False)
    console.print("fewest GPUs by ZeRO stage: " + ", ".join(
        f"ZeRO-{k}: {v if v else '—'}" for k, v in r.min_gpus_by_stage.items()), highlight=False)
    for n in r.notes:
        console.print(f"[dim]note: {n}[/]", highlight=False)
    if explain:
        _explain(r.steps)


# ---- infer ----------------------------------------------------------------------------------------------

@calc_app.command("infer")
def infer_cmd(model: ModelOpt = None, config: ConfigOpt = None,
              gpu: GpuOpt = None, gpus: GpusOpt = None, gpus_per_node: PerNodeOpt = None, nodes: NodesOpt = None,
              seq: Annotated[Optional[int], typer.Option("--seq", help="Context length to serve (tokens per sequence).")] = None,
              batch: Annotated[Optional[int], typer.Option("--batch", help="Sequences served at once.")] = None,
              dtype: Annotated[str, typer.Option("--dtype", help="bf16 | fp16 | fp32 | fp8 weights.")] = "bf16",
              quant: Annotated[Optional[str], typer.Option("--quant", help="int8 | int4 weight quantisation.")] = None,
              kv_dtype: Annotated[Optional[str], typer.Option("--kv-dtype", help="KV cache dtype (default: --dtype).")] = None,
              reserve: ReserveOpt = "2GiB",
              chunk: Annotated[int, typer.Option("--chunk", help="Prefill chunk (tokens) for working memory.")] = 8192,
              explain: ExplainOpt = False, json_: JsonOpt = False) -> None:
    """Inference memory: weights + KV cache + working memory; the fewest GPUs, or a given setup checked.

    Without --gpus: the fewest GPUs (a valid tensor-parallel degree inside a node, then one pipeline stage
    per node) that hold --seq × --batch tokens of KV cache, and the batch that then fits.
    With --gpus N (TP N) or --gpus-per-node G --nodes K (TP G × PP K): that setup.

    Example: mianjing calc infer --model llama-3.1-70b --gpu H100 --seq 32768 --batch 8
    """
    from ..calc.hardware import check_seq_batch, resolve_gpus
    from ..calc.infer import infer_memory, infer_plan
    from ..calc.units import CalcError, dtype_bytes, fmt_bytes

    def prepare():
        if gpu is None:
            raise CalcError("give the card with --gpu: a name (H100, A100-80G, 4090, ...) or a size (80GiB, 80GB)")
        if quant is not None and quant.lower() not in ("int8", "int4"):
            raise CalcError(f"--quant must be int8 or int4, not {quant!r}")
        a = _arch(model, config)
        warns = check_seq_batch(seq, batch, a.max_position)
        cluster = resolve_gpus(gpus, gpus_per_node, nodes)
        card, res, notes = _card(gpu, reserve)
        kw = dict(dtype=dtype.lower(), nbytes=dtype_bytes(dtype), quant=quant.lower() if quant else None,
                  kv_dtype=kv_dtype, kv_nbytes=dtype_bytes(kv_dtype) if kv_dtype else None, reserve=res, chunk=chunk)
        if cluster is None:
            s = seq or min(4096, a.max_position or 4096)
            if seq is None:
                notes.append(f"no --seq given: sized for {s:,}-token sequences")
            return a, card, res, warns + notes, infer_plan(a, card.bytes, s, batch or 1, **kw), None
        r = infer_memory(a, card.bytes, cluster.gpus, seq=seq, pp=cluster.nodes, batch=batch, **kw)
        return a, card, res, warns + notes, None, r
    a, card, res, warns, plan, r = _run(prepare)
    if plan is not None:
        if json_:
            d = plan.to_json()
            d.update({"gpu": card.to_json(), "reserve_bytes": res, "usable_bytes": card.bytes - res, "warnings": warns})
            print_json(d)
            return
        console.print(f"[bold]{a.name}[/], weights {quant or dtype}, KV {kv_dtype or dtype}: serving {plan.batch} × "
                      f"{plan.seq:,}-token sequences = {plan.seq * plan.batch:,} cached tokens", highlight=False,
                      soft_wrap=True)
        console.print(_card_line(card, res), highlight=False, soft_wrap=True)
        _warn(warns)
        ans = plan.answer
        if ans is None:
            console.print("[red]Answer: no layout up to 64 nodes fits[/]", highlight=False)
        else:
            where = f"TP {ans.tp}" + (f" × PP {ans.pp} ({ans.pp} nodes of {ans.tp})" if ans.pp > 1 else ", one node")
            console.print(f"[bold green]Answer: {ans.gpus} GPU{'s' if ans.gpus > 1 else ''}[/] ({where}); the KV cache "
                          f"then holds {ans.max_tokens:,} tokens: batch {ans.max_tokens // plan.seq} at {plan.seq:,}",
                          highlight=False, soft_wrap=True)
        for x in plan.tried:
            why = ("weights + working memory alone exceed it" if x.free_for_kv <= 0 else
                   f"room for {x.max_tokens:,} tokens < {plan.seq * plan.batch:,}")
            console.print(f"  {x.gpus} GPU{'s' if x.gpus > 1 else ''} (TP {x.tp}" + (f" × PP {x.pp}" if x.pp > 1 else "")
                          + f"): {fmt_bytes(x.weights)} of weights per GPU; {why}", highlight=False, soft_wrap=True)
        console.print(f"valid TP degrees for {a.heads} heads / {a.kv_heads} KV heads: "
                      + ", ".join(map(str, plan.valid_tp)), highlight=False, soft_wrap=True)
        if ans is not None:
            _infer_table(ans)
            if explain:
                _explain(ans.steps)
        return
    if json_:
        d = r.to_json()
        d.update({"gpu": card.to_json(), "warnings": warns})
        print_json(d)
        return
    console.print(f"[bold]{r.arch.name}[/] on {r.gpus} × {card.name} (TP {r.tp}" + (f" × PP {r.pp}" if r.pp > 1 else "")
                  + f"), weights {quant or dtype}, KV {kv_dtype or dtype}", highlight=False, soft_wrap=True)
    console.print(_card_line(card, res), highlight=False, soft_wrap=True)
    _warn(warns)
    _infer_table(r)
    if seq and batch:
        console.print(("[green]fits[/]" if r.fits else "[red]does not fit[/]")
                      + f": {batch} × {seq:,} = {seq * batch:,} tokens against room for {r.max_tokens:,}", highlight=False)
    for n in r.notes:
        console.print(f"[red]{escape(n)}[/]" if "do not fit" in n else f"[dim]note: {escape(n)}[/]", highlight=False,
                      soft_wrap=True)
    if explain:
        _explain(r.steps)


def _infer_table(r) -> None:
    from ..calc.units import fmt_bytes

    t = Table("per GPU", "bytes", "")
    t.add_row("weights", f"{r.weights:,}", fmt_bytes(r.weights))
    t.add_row("reserve", f"{r.reserve:,}", fmt_bytes(r.reserve))
    t.add_row("working memory (prefill)", f"{r.working:,}", fmt_bytes(r.working))
    t.add_row("free for KV cache", f"{r.free_for_kv:,}", fmt_bytes(r.free_for_kv))
    t.add_row("KV per token", f"{r.kv_per_token:,}", fmt_bytes(r.kv_per_token))
    console.print(t)
    if r.max_tokens:
        console.print(f"KV cache holds {r.max_tokens:,} tokens in all", highlight=False)
        t2 = Table("context", "largest batch")
        for c, b in r.table:
            t2.add_row(f"{c:,}", str(b))
        console.print(t2)


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
