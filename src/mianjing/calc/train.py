"""Training memory per GPU: full fine-tuning, LoRA or QLoRA, with ZeRO stages, offload and tensor parallelism.

Model states (per parameter, mixed-precision Adam):
- `zero-paper` (16 bytes): 2 bf16/fp16 weights + 2 16-bit gradients + 12 optimizer states
  (fp32 master weights, momentum, variance): Rajbhandari et al. 2020, section 3.1.
- `fp32-grads` (18 bytes): gradients accumulated in fp32 (4 bytes), as Megatron-LM's distributed
  optimizer and DeepSpeed's bf16 optimizer keep them; DeepSpeed's estimator also uses 18 for the
  sharded part.
ZeRO stage s shards the optimizer states (s >= 1), the gradients (s >= 2) and the weights (s = 3) over
the data-parallel GPUs; tensor parallelism (TP = t) splits every weight t ways first.

Activations: counted tensor by tensor for Llama-style blocks (RMSNorm, GQA or MLA attention through
FlashAttention, SwiGLU MLP or experts; see layer_activation_bytes), the way Korthikanti et al. 2022
("Reducing Activation Recomputation in Large Transformer Models") count GPT blocks, whose 34·s·b·h per
layer undercounts Llama's wider SwiGLU MLP and fp32 norm copies by 1.5-2× (measured on an H200 with
bench/activation_memory.py). With tensor + sequence parallelism everything divides by t:
    selective  every layer's tensors                      (no checkpointing; FlashAttention)
    none       + 5·H·s²·b per layer for attention scores  (Korthikanti's term; no FlashAttention)
    full       2·s·b·h per layer + one layer recomputed   (activation checkpointing)
Logits for the loss add 4·s·b·V/t bytes (fp32).

LoRA / QLoRA: frozen base weights in bf16 (LoRA) or NF4 with double quantization (QLoRA: 4 bits +
an 8-bit absmax per 64 weights + an fp32 constant per 256 absmax blocks = 4.127 bits; Dettmers et al.
2023) for the decoder-layer matrices, embeddings/head/norms in bf16; only the adapters carry gradients
and optimizer states.

FSDP full-shard (PyTorch FSDP2 `fully_shard` on every decoder layer and the root, mixed precision with
bf16 compute): the sharded parameters stay fp32 (4 bytes), gradients are reduced into fp32 shards (4)
and Adam keeps m and v (8): the same 16 bytes per parameter / N as ZeRO-3, without a separate master
copy. Gathered at a time: the root unit (embeddings, head, final norm; FSDP2 does not reshard the root
after forward), two decoder layers in bf16 (the current one and the prefetched next) and one layer's
unsharded bf16 gradient.

`--dtype fp32` means pure fp32 training: 4-byte weights and gradients, Adam m and v (8), no master copy;
activations twice the 16-bit figure.

Memory is compared with the card's usable memory: capacity − `reserve` (see `hardware`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .hardware import DEFAULT_GPUS_PER_NODE, DEFAULT_RESERVE, MAX_GPUS
from .lora import lora_params
from .params import Arch, attention_linears, count_params, decoder_layer_count, expert_count
from .units import CalcError, GiB, fmt_bytes

CONVENTIONS = {"zero-paper": 16, "fp32-grads": 18}
TRAIN_DTYPES = {"bf16": 2, "fp16": 2, "fp32": 4}
# The ways to spread model states over data-parallel GPUs that the plan compares.
STRATEGIES = ("zero-0", "zero-1", "zero-2", "zero-3", "fsdp")
ACTIVATION_NOTE = ("activations counted tensor by tensor for Llama-style layers (checked on an H200 with "
                   "bench/activation_memory.py); backward's temporaries come on top")
RECOMPUTE_LABELS = {
    "full": "with activation checkpointing",
    "selective": "without checkpointing (FlashAttention: no attention scores kept)",
    "none": "without checkpointing, attention scores kept (no FlashAttention)",
}


@dataclass
class TrainSetup:
    method: str = "full"  # full | lora | qlora
    gpus: int = 1
    gpu_memory: int = 80 * GiB
    zero: int = 0
    offload_optimizer: bool = False
    offload_param: bool = False
    seq: int = 2048
    micro_batch: int = 1
    recompute: str = "full"  # none | selective | full
    tp: int = 1
    lora_rank: int = 16
    lora_targets: str = "all-linear"
    convention: str = "zero-paper"
    reserve: int = DEFAULT_RESERVE  # driver, CUDA context, NCCL and allocator slack
    fsdp: bool = False  # FSDP full-shard instead of DeepSpeed ZeRO (zero is then ignored)
    dtype: str = "bf16"
    gpus_per_node: int = DEFAULT_GPUS_PER_NODE

    @property
    def usable(self) -> int:
        return self.gpu_memory - self.reserve

    @property
    def strategy(self) -> str:
        return "fsdp" if self.fsdp else f"zero-{self.zero}"


@dataclass
class Line:
    name: str
    bytes: int
    formula: str


@dataclass
class TrainReport:
    arch: Arch
    setup: TrainSetup
    params_total: int
    trainable: int
    lines: list[Line]
    per_gpu: int
    cpu_per_gpu: int
    fits: bool
    min_gpus: int | None
    min_gpus_by_stage: dict[int, int | None]
    steps: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def to_json(self) -> dict:
        s = self.setup
        return {
            "model": self.arch.name, "method": s.method, "gpus": s.gpus, "gpu_memory_bytes": s.gpu_memory,
            "reserve_bytes": s.reserve, "usable_bytes": s.usable, "dtype": s.dtype,
            "strategy": s.strategy, "zero": s.zero, "fsdp": s.fsdp,
            "offload_optimizer": s.offload_optimizer, "offload_param": s.offload_param,
            "tp": s.tp, "seq": s.seq, "micro_batch": s.micro_batch, "recompute": s.recompute,
            "convention": s.convention, "bytes_per_param": CONVENTIONS[s.convention],
            "params_total": self.params_total, "trainable": self.trainable,
            "per_gpu": {ln.name: ln.bytes for ln in self.lines}, "per_gpu_total": self.per_gpu,
            "cpu_bytes_per_gpu": self.cpu_per_gpu, "fits": self.fits, "min_gpus": self.min_gpus,
            "min_gpus_by_zero_stage": {str(k): v for k, v in self.min_gpus_by_stage.items()},
            "notes": self.notes,
        }


def layer_matrix_params(a: Arch) -> int:
    """Parameters in the decoder layers' weight matrices (what QLoRA quantises)."""
    total = 0
    att = sum(x.d_in * x.d_out for x in attention_linears(a))
    n_moe = len(a.moe_layers)
    total += a.layers * att
    total += (a.layers - n_moe) * 3 * a.hidden * a.intermediate
    if n_moe:
        total += n_moe * (a.experts * expert_count(a) + 3 * a.hidden * a.shared_intermediate)
    return total


def nf4_bytes(n: int) -> int:
    """NF4 + double quantization: n/2 bytes of codes, 1 byte per 64-block absmax, 4 bytes per 256 blocks."""
    blocks = -(-n // 64)
    return -(-n // 2) + blocks + 4 * (-(-blocks // 256))


def layer_activation_bytes(a: Arch, seq: int, batch: int, tp: int = 1) -> tuple[int, int, str]:
    """(all layers, the largest one, formula): 16-bit bytes the decoder layers keep for backward without
    checkpointing, with FlashAttention (no attention scores kept), tensor by tensor:

    - each RMSNorm: its input upcast to fp32 (4 bytes) and the normalised 16-bit tensor (2): 2 × 6·s·b·h;
    - the attention's and the MLP's inputs (read by q/k/v and by gate/up): 2 × 2·s·b·h;
    - attention: q, k, v and the output kept by the kernel, and o_proj's input copy:
      2·s·b·(q + k + v + 2·out) for those widths (GQA: h, kv/H·h, kv/H·h, h);
    - SwiGLU MLP of width f: gate, silu(gate), up and their product, 4 × 2·s·b·f; MoE layers: f =
      top_k × expert width + shared width, plus the top_k copies of each token routed to experts (2·s·b·h·k).

    Tensor parallelism with sequence parallelism divides everything by t. Measured on an H200 for
    dense Llama-style layers (bench/activation_memory.py); MoE and MLA layers are counted the same way,
    not measured."""
    s, b, h = seq, batch, a.hidden
    if a.is_mla:
        qk = a.qk_nope_dim + a.qk_rope_dim
        widths = (a.heads * qk, a.heads * qk, a.heads * a.v_head_dim, a.heads * a.v_head_dim)
    else:
        widths = (a.heads * a.head_dim, a.kv_heads * a.head_dim, a.kv_heads * a.head_dim, a.heads * a.head_dim)
    q, k, v, o = widths
    common = 12 * s * b * h + 4 * s * b * h + 2 * s * b * (q + k + v + 2 * o)
    dense = common + 8 * s * b * a.intermediate
    moe = common + 8 * s * b * (a.top_k * a.moe_intermediate + a.shared_intermediate) + 2 * s * b * h * a.top_k
    n_moe = len(a.moe_layers)
    n_dense = a.layers - n_moe
    total = (n_dense * dense + n_moe * moe) // tp
    largest = max(dense if n_dense else 0, moe if n_moe else 0) // tp
    parts = []
    if n_dense:
        parts.append(f"{n_dense} × [norms 12·s·b·h + inputs 4·s·b·h + attention 2·s·b·({q}+{k}+{v}+2·{o}) "
                     f"+ MLP 8·s·b·{a.intermediate}]")
    if n_moe:
        parts.append(f"{n_moe} MoE × [same + MLP 8·s·b·({a.top_k}·{a.moe_intermediate}+{a.shared_intermediate}) "
                     f"+ routed copies 2·s·b·h·{a.top_k}]")
    return total, largest, " + ".join(parts) + f" / t, s·b·h = {s}·{b}·{h}, t = {tp}"


def activation_bytes(a: Arch, seq: int, batch: int, recompute: str, tp: int, nbytes: int = 2) -> tuple[int, str]:
    """Activations per GPU for a recompute choice; `nbytes` = 4 doubles the 16-bit figures (fp32 training).

    - selective: no checkpointing, FlashAttention: every layer's tensors (layer_activation_bytes);
    - none: no checkpointing and attention scores kept: + Korthikanti et al.'s 5·H·s²·b per layer
      (softmax output, dropout mask and output);
    - full (activation checkpointing): each layer's input, 2·s·b·h, plus the largest layer's tensors
      while it is recomputed in backward."""
    s, b, h, L, heads = seq, batch, a.hidden, a.layers, a.heads
    k = nbytes // 2
    mult = f"{k} × " if k != 1 else ""
    every, largest, f = layer_activation_bytes(a, s, b, tp)
    if recompute == "selective":
        return k * every, f"{mult}({f})"
    if recompute == "none":
        scores = L * 5 * heads * s * s * b // tp
        return k * (every + scores), f"{mult}({f} + scores {L} × 5·H·s²·b/t = {L} × 5·{heads}·{s}²·{b}/{tp})"
    if recompute == "full":
        inputs = L * 2 * s * b * h // tp
        return k * (inputs + largest), (f"{mult}({L} layer inputs × 2·s·b·h/t + one layer recomputed) = "
                                        f"{mult}({L} × 2·{s}·{b}·{h}/{tp} + {largest:,})")
    raise CalcError(f"--recompute must be none, selective or full, not {recompute!r}")


@dataclass
class _Model:
    """What the per-GPU lines need, computed once per model and method."""
    psi: int
    trainable: int
    largest: int  # DeepSpeed's largest layer (module) parameters
    layer: int  # the largest decoder layer's parameters (an FSDP unit)
    root: int  # FSDP's root unit: embeddings, head, final norm


def _model(a: Arch, st: TrainSetup) -> _Model:
    pr = count_params(a)
    trainable = pr.total
    if st.method in ("lora", "qlora"):
        trainable = lora_params(a, st.lora_rank, st.lora_targets, pr.total).trainable
    layer = max(decoder_layer_count(a, moe=True) if a.is_moe else 0,
                decoder_layer_count(a, moe=False) if len(a.moe_layers) < a.layers else 0)
    return _Model(pr.total, trainable, pr.largest_layer, layer, pr.embedding + a.hidden)


def _per_gpu(a: Arch, st: TrainSetup, m: _Model, gpus: int, strategy: str, recompute: str | None = None
             ) -> tuple[list[Line], int]:
    """Lines of per-GPU memory and CPU bytes per GPU for `gpus` GPUs under `strategy` (zero-0..3, fsdp)."""
    psi, trainable = m.psi, m.trainable
    recompute = recompute or st.recompute
    t = st.tp
    d = gpus // t  # data-parallel degree
    fsdp = strategy == "fsdp"
    zero = 3 if fsdp else int(strategy[-1])
    conv = CONVENTIONS[st.convention]
    wb = TRAIN_DTYPES[st.dtype]
    mixed = wb == 2
    grad_b = (2 if conv == 16 else 4) if mixed else 4
    opt_b = 12 if mixed else 8
    lines: list[Line] = []
    cpu = 0
    shard_note = "(FSDP)" if fsdp else f"(ZeRO-{zero})"

    def shard(nbytes: int, on: bool) -> int:
        return -(-nbytes // d) if on else nbytes

    # weights, as stored for compute (full: 16-bit or fp32; LoRA: frozen 16-bit + adapters; QLoRA: NF4)
    if st.method == "full":
        w = wb * psi // t
        wf = f"{wb} bytes × {psi:,} / TP {t}"
    elif st.method == "lora":
        w = 2 * psi // t + 2 * trainable // t
        wf = f"2 bytes × ({psi:,} frozen + {trainable:,} adapter) / TP {t}"
    else:
        q = layer_matrix_params(a)
        rest = psi - q
        w = (nf4_bytes(q) + 2 * rest + 2 * trainable) // t
        wf = (f"(NF4 {q:,} matrices → {nf4_bytes(q):,} bytes + 2 × {rest:,} embeddings/norms/head "
              f"+ 2 × {trainable:,} adapter) / TP {t}")
    n_train = psi if st.method == "full" else trainable
    who = "parameters" if st.method == "full" else "adapter parameters"
    if fsdp and st.method == "full" and mixed:
        # FSDP keeps fp32 shards and casts a layer to bf16 when it gathers it (see the buffers line)
        lines.append(Line("weights", shard(4 * psi // t, True), f"fp32 shards 4 bytes × {psi:,} / TP {t} / DP {d} (FSDP)"))
        lines.append(Line("gradients", shard(4 * psi // t, True), f"fp32 shards 4 bytes × {psi:,} / TP {t} / DP {d} (FSDP)"))
        lines.append(Line("optimizer states", shard(8 * psi // t, True),
                          f"Adam m, v 8 bytes × {psi:,} / TP {t} / DP {d} (FSDP; the fp32 shards are the master copy)"))
    else:
        if zero == 3 and st.offload_param:
            cpu += shard(w, True)
            lines.append(Line("weights", 0, "offloaded to CPU (ZeRO-3 offload_param)"))
        elif zero == 3:
            lines.append(Line("weights", shard(w, True), wf + f" / DP {d} {shard_note}"))
        else:
            lines.append(Line("weights", w, wf))
        g_bytes = 2 if st.offload_optimizer else grad_b
        g = g_bytes * n_train // t
        gf = f"{g_bytes} bytes × {n_train:,} {who} / TP {t}"
        lines.append(Line("gradients", shard(g, zero >= 2), gf + (f" / DP {d} {shard_note}" if zero >= 2 else "")))
        o = opt_b * n_train // t
        what = "fp32 master, momentum, variance" if mixed else "momentum, variance"
        if st.offload_optimizer:
            cpu += shard(o + (grad_b if conv == 18 else 4) * n_train // t, zero >= 1)
            lines.append(Line("optimizer states", 0, f"offloaded to CPU ({what}, fp32 grads)"))
        else:
            lines.append(Line("optimizer states", shard(o, zero >= 1),
                              f"{opt_b} bytes ({what}) × {n_train:,} / TP {t}"
                              + (f" / DP {d} {shard_note}" if zero >= 1 else "")))
    act, af = activation_bytes(a, st.seq, st.micro_batch, recompute, t, wb)
    lines.append(Line(f"activations ({recompute} recompute)", act, af))
    logits = 4 * st.seq * st.micro_batch * a.vocab // t
    lines.append(Line("logits (fp32, for the loss)", logits,
                      f"4 × s·b·V / t = 4 × {st.seq}·{st.micro_batch}·{a.vocab:,}/{t}"))
    if fsdp:
        per_param = wb if st.method == "full" else w * t / psi  # bytes per parameter as gathered
        layer_b = int(m.layer * per_param) // t
        root_b = int(m.root * per_param) // t
        lines.append(Line("buffers", root_b + 3 * layer_b,
                          f"FSDP gathers: root unit {m.root:,} params ({root_b:,} bytes) + 2 decoder layers "
                          f"{m.layer:,} params each + one layer's gradient = {root_b:,} + 3 × {layer_b:,}"))
    elif zero == 3:
        gather = 4 * m.largest // t
        lines.append(Line("buffers", gather, f"ZeRO-3 gather 4 × largest layer {m.largest:,} / TP {t}"))
    return lines, cpu


def _total(lines: list[Line]) -> int:
    return sum(x.bytes for x in lines)


def strategy_problem(st: TrainSetup, strategy: str) -> str | None:
    """Why the offload options rule a strategy out (None when they do not)."""
    if strategy == "fsdp" and (st.offload_optimizer or st.offload_param):
        return "the offload options model DeepSpeed's ZeRO-Offload, not FSDP's CPU offload"
    if strategy == "zero-0" and st.offload_optimizer:
        return "ZeRO-Offload needs ZeRO stage 1, 2 or 3"
    if st.offload_param and strategy != "zero-3":
        return "weights can be offloaded only under ZeRO-3"
    return None


def fewest_gpus(a: Arch, st: TrainSetup, strategy: str, recompute: str | None = None,
                m: _Model | None = None) -> int | None:
    """The fewest GPUs (a multiple of TP) whose per-GPU memory fits the usable memory, or None.

    Memory per GPU never grows with the data-parallel degree (each sharded term is a ceiling division
    by it), so a binary search over that degree finds the smallest one that fits."""
    if strategy_problem(st, strategy):
        return None
    m = m or _model(a, st)
    t = st.tp

    def fits(d: int) -> bool:
        return _total(_per_gpu(a, st, m, d * t, strategy, recompute)[0]) <= st.usable
    hi = MAX_GPUS // t
    if strategy == "zero-0":
        hi = 1  # every data-parallel GPU holds everything: more GPUs never help
    if not fits(hi):
        return None
    lo = 1
    while lo < hi:
        mid = (lo + hi) // 2
        if fits(mid):
            hi = mid
        else:
            lo = mid + 1
    return lo * t


def check_setup(a: Arch, st: TrainSetup, gpus_known: bool = True) -> None:
    from .hardware import tp_problem

    if st.method not in ("full", "lora", "qlora"):
        raise CalcError(f"--method must be full, lora or qlora, not {st.method!r}")
    if st.convention not in CONVENTIONS:
        raise CalcError(f"--convention must be one of {', '.join(CONVENTIONS)}")
    if st.dtype not in TRAIN_DTYPES:
        raise CalcError(f"--dtype for training must be bf16, fp16 (mixed precision) or fp32, not {st.dtype!r}")
    if st.dtype == "fp32" and st.method != "full":
        raise CalcError("--dtype fp32 is modelled for full fine-tuning only (LoRA and QLoRA keep 16-bit bases)")
    if st.zero not in (0, 1, 2, 3):
        raise CalcError("--zero must be 0, 1, 2 or 3")
    if st.tp < 1 or st.seq < 1 or st.micro_batch < 1:
        raise CalcError("--tp, --seq and --batch must be at least 1")
    if gpus_known:
        if st.gpus < 1:
            raise CalcError("--gpus must be at least 1")
        if st.gpus % st.tp:
            raise CalcError(f"--gpus ({st.gpus}) must be a multiple of --tp ({st.tp})")
    if st.offload_param and st.zero != 3:
        raise CalcError("--offload-param needs --zero 3 (only ZeRO-3 partitions the weights)")
    if st.offload_param and not st.offload_optimizer:
        raise CalcError("--offload-param needs --offload-optimizer too (DeepSpeed offers no params-only offload)")
    if st.offload_optimizer and st.zero == 0 and gpus_known and not st.fsdp:
        raise CalcError("--offload-optimizer needs --zero 1, 2 or 3 (ZeRO-Offload)")
    if st.fsdp and (st.offload_optimizer or st.offload_param):
        raise CalcError("--fsdp with --offload-*: the offload options model DeepSpeed's ZeRO-Offload only")
    problem = tp_problem(st.tp, a.heads, a.kv_heads) if st.tp > 1 else None
    if problem:
        raise CalcError(f"--tp {st.tp}: {problem}")
    if st.reserve < 0 or st.reserve >= st.gpu_memory:
        raise CalcError(f"--reserve {fmt_bytes(st.reserve)} must be between 0 and the card's {fmt_bytes(st.gpu_memory)}")


def train_memory(a: Arch, st: TrainSetup) -> TrainReport:
    """Per-GPU memory of one given setup (`st.gpus` GPUs), whether it fits, and the fewest GPUs per stage."""
    check_setup(a, st)
    m = _model(a, st)
    notes = []
    lines, cpu = _per_gpu(a, st, m, st.gpus, st.strategy)
    total = _total(lines)
    fits = total <= st.usable
    by_stage = {s: fewest_gpus(a, st, f"zero-{s}", m=m) for s in (0, 1, 2, 3)}
    mine = fewest_gpus(a, st, "fsdp", m=m) if st.fsdp else by_stage[st.zero]
    psi, trainable = m.psi, m.trainable
    steps = [f"{a.name}: {psi:,} parameters; method {st.method}"
             + (f", LoRA rank {st.lora_rank} on {st.lora_targets}: {trainable:,} trainable" if st.method != "full" else ""),
             (f"convention {st.convention}: {CONVENTIONS[st.convention]} bytes per trained parameter "
              f"(2 weights + {2 if CONVENTIONS[st.convention] == 16 else 4} gradients + 12 optimizer states)"
              if st.dtype != "fp32" else "pure fp32: 16 bytes per parameter (4 weights + 4 gradients + 8 Adam m, v)"),
             f"{st.gpus} GPUs = TP {st.tp} × DP {st.gpus // st.tp}; {'FSDP full-shard' if st.fsdp else f'ZeRO-{st.zero}'}"
             + (", optimizer offloaded to CPU" if st.offload_optimizer else "")
             + (", weights offloaded to CPU" if st.offload_param else "")]
    for x in lines:
        steps.append(f"{x.name} = {x.formula} = {x.bytes:,} bytes ({fmt_bytes(x.bytes)})")
    steps.append(f"per GPU = {' + '.join(f'{x.bytes:,}' for x in lines)} = {total:,} bytes = {fmt_bytes(total)}; "
                 f"usable = {st.gpu_memory:,} − reserve {st.reserve:,} = {st.usable:,} ({fmt_bytes(st.usable)}) "
                 f"→ {'fits' if fits else 'does not fit'}")
    notes.append(ACTIVATION_NOTE)
    if st.method == "qlora":
        notes.append("QLoRA: decoder matrices in NF4 + double quantization; embeddings, head and norms in bf16")
    return TrainReport(a, st, psi, trainable, lines, total, cpu, fits, mine, by_stage, steps, notes)


# ---- the question "how many GPUs?" -------------------------------------------------------------------------

@dataclass
class PlanOption:
    strategy: str  # zero-0 .. zero-3, fsdp
    gpus: int | None  # fewest GPUs that fit (a multiple of TP), None when none does
    lines: list[Line]  # per GPU at `lines_at` GPUs: the answer, or the most GPUs tried when none fits
    per_gpu: int
    per_gpu_one_fewer: int | None  # per GPU at gpus − TP, which must not fit
    gpus_other_recompute: int | None  # fewest GPUs with the other activation choice
    activations_other: int  # activations per GPU with the other choice
    binding: str  # what decides the count
    cpu_per_gpu: int = 0
    problem: str | None = None  # why the strategy is ruled out by the options
    lines_at: int | None = None

    def nodes(self, per_node: int) -> int | None:
        return None if self.gpus is None else -(-self.gpus // per_node)

    def to_json(self, per_node: int) -> dict:
        return {"strategy": self.strategy, "gpus": self.gpus, "nodes": self.nodes(per_node),
                "per_gpu_at_gpus": self.lines_at,
                "per_gpu": {x.name: x.bytes for x in self.lines}, "per_gpu_total": self.per_gpu,
                "per_gpu_total_one_fewer": self.per_gpu_one_fewer,
                "gpus_other_recompute": self.gpus_other_recompute, "activations_other_bytes": self.activations_other,
                "cpu_bytes_per_gpu": self.cpu_per_gpu, "binding": self.binding, "problem": self.problem}


@dataclass
class TrainPlan:
    arch: Arch
    setup: TrainSetup
    params_total: int
    trainable: int
    other_recompute: str
    options: list[PlanOption]
    notes: list[str]

    @property
    def best(self) -> PlanOption | None:
        fitting = [o for o in self.options if o.gpus is not None]
        return min(fitting, key=lambda o: (o.gpus, STRATEGIES.index(o.strategy))) if fitting else None

    def to_json(self) -> dict:
        s = self.setup
        per_node = s.gpus_per_node
        best = self.best
        return {
            "question": "fewest GPUs", "model": self.arch.name, "method": s.method, "dtype": s.dtype,
            "gpu_memory_bytes": s.gpu_memory, "reserve_bytes": s.reserve, "usable_bytes": s.usable,
            "gpus_per_node": per_node, "tp": s.tp, "seq": s.seq, "micro_batch": s.micro_batch,
            "recompute": s.recompute, "other_recompute": self.other_recompute,
            "offload_optimizer": s.offload_optimizer, "offload_param": s.offload_param,
            "convention": s.convention, "params_total": self.params_total, "trainable": self.trainable,
            "answer": None if best is None else {"strategy": best.strategy, "gpus": best.gpus,
                                                 "nodes": best.nodes(per_node)},
            "options": [o.to_json(per_node) for o in self.options], "notes": self.notes,
        }


def _binding(lines: list[Line], one_gpu: list[Line], usable: int, strategy: str, fits: bool,
             over_fewer: int | None) -> str:
    """What decides the count; `one_gpu` are the lines at a single data-parallel rank, so the parts that
    stay the same size at the most GPUs (`lines`) are the ones the strategy does not shard."""
    big = max(lines, key=lambda x: x.bytes)
    share = f"{big.name} {fmt_bytes(big.bytes)} ({100 * big.bytes / usable:.0f}% of usable)"
    if not fits:
        if strategy == "zero-0":
            return f"no sharding: every GPU holds all model states; largest part {share}"
        alone = {x.name: x.bytes for x in one_gpu}
        unsharded = [x for x in lines if x.bytes == alone.get(x.name) and x.bytes > usable // 100]
        what = ", ".join(f"{x.name} {fmt_bytes(x.bytes)}" for x in unsharded) or share
        shown = "FSDP" if strategy == "fsdp" else strategy.replace("zero-", "ZeRO-")
        return f"what {shown} does not shard already exceeds the usable memory: {what}"
    text = f"largest part {share}"
    if over_fewer is not None:
        text += f"; one step fewer is {fmt_bytes(over_fewer)} over"
    return text


def train_plan(a: Arch, st: TrainSetup) -> TrainPlan:
    """The fewest GPUs for training `a` on cards of `st.gpu_memory`, under each strategy (st.gpus ignored)."""
    check_setup(a, st, gpus_known=False)
    m = _model(a, st)
    other = "selective" if st.recompute == "full" else "full"
    options = []
    for strategy in STRATEGIES:
        problem = strategy_problem(st, strategy)
        if problem:
            options.append(PlanOption(strategy, None, [], 0, None, None, 0, problem, problem=problem))
            continue
        n = fewest_gpus(a, st, strategy, m=m)
        at = n if n is not None else (st.tp if strategy == "zero-0" else MAX_GPUS // st.tp * st.tp)
        lines, cpu = _per_gpu(a, st, m, at, strategy)
        fewer = None
        if n is not None and n > st.tp:
            fewer = _total(_per_gpu(a, st, m, n - st.tp, strategy)[0])
        n_other = fewest_gpus(a, st, strategy, other, m=m)
        act_other = activation_bytes(a, st.seq, st.micro_batch, other, st.tp, TRAIN_DTYPES[st.dtype])[0]
        binding = _binding(lines, _per_gpu(a, st, m, st.tp, strategy)[0], st.usable, strategy, n is not None,
                           None if fewer is None else fewer - st.usable)
        options.append(PlanOption(strategy, n, lines, _total(lines), fewer, n_other, act_other, binding, cpu,
                                  lines_at=at))
    notes = [ACTIVATION_NOTE,
             f"the counts keep TP = {st.tp}; data parallelism adds GPUs in steps of {st.tp}"]
    if st.method == "qlora":
        notes.append("QLoRA: decoder matrices in NF4 + double quantization; embeddings, head and norms in bf16")
    return TrainPlan(a, st, m.psi, m.trainable, other, options, notes)
