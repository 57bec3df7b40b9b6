"""Training memory per GPU: full fine-tuning, LoRA or QLoRA, with ZeRO stages, offload and tensor parallelism.

Model states (per parameter, mixed-precision Adam):
- `zero-paper` (16 bytes): 2 bf16/fp16 weights + 2 16-bit gradients + 12 optimizer states
  (fp32 master weights, momentum, variance): Rajbhandari et al. 2020, section 3.1.
- `fp32-grads` (18 bytes): gradients accumulated in fp32 (4 bytes), as Megatron-LM's distributed
  optimizer and DeepSpeed's bf16 optimizer keep them; DeepSpeed's estimator also uses 18 for the
  sharded part.
ZeRO stage s shards the optimizer states (s >= 1), the gradients (s >= 2) and the weights (s = 3) over
the data-parallel GPUs; tensor parallelism (TP = t) splits every weight t ways first.

Activations: Korthikanti et al. 2022, "Reducing Activation Recomputation in Large Transformer Models",
per layer with tensor + sequence parallelism (16-bit activations):
    none       s·b·h·(34 + 5·a·s/h) / t
    selective  s·b·h·34 / t             (attention scores recomputed; what FlashAttention gives)
    full       s·b·h·2 / t              (only each layer's input kept) + one layer being recomputed
The formula is derived for GPT blocks (4h GeLU MLP, dropout); for Llama-style blocks it is an
estimate, not an exact count. Logits for the loss add 4·s·b·V/t bytes (fp32).

LoRA / QLoRA: frozen base weights in bf16 (LoRA) or NF4 with double quantization (QLoRA: 4 bits +
an 8-bit absmax per 64 weights + an fp32 constant per 256 absmax blocks = 4.127 bits; Dettmers et al.
2023) for the decoder-layer matrices, embeddings/head/norms in bf16; only the adapters carry gradients
and optimizer states.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .lora import lora_params
from .params import Arch, attention_linears, count_params, expert_count
from .units import CalcError, GiB, fmt_bytes

CONVENTIONS = {"zero-paper": 16, "fp32-grads": 18}


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
    reserve: int = 2 * GiB  # CUDA context, NCCL and allocator slack


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
            "zero": s.zero, "offload_optimizer": s.offload_optimizer, "offload_param": s.offload_param,
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


def activation_bytes(a: Arch, seq: int, batch: int, recompute: str, tp: int) -> tuple[int, str]:
    s, b, h, L, heads = seq, batch, a.hidden, a.layers, a.heads
    if recompute == "none":
        per = (34 * s * b * h + 5 * heads * s * s * b) // tp
        f = f"{L} × s·b·h·(34 + 5·a·s/h)/t = {L} × {s}·{b}·{h}·(34 + 5·{heads}·{s}/{h})/{tp}"
    elif recompute == "selective":
        per = 34 * s * b * h // tp
        f = f"{L} × 34·s·b·h/t = {L} × 34·{s}·{b}·{h}/{tp}"
    elif recompute == "full":
        per = 2 * s * b * h // tp
        extra = 34 * s * b * h // tp
        total = L * per + extra
        return total, (f"{L} × 2·s·b·h/t + one layer recomputed 34·s·b·h/t = {L} × 2·{s}·{b}·{h}/{tp} "
                       f"+ 34·{s}·{b}·{h}/{tp}")
    else:
        raise CalcError(f"--recompute must be none, selective or full, not {recompute!r}")
    return L * per, f


def _per_gpu(a: Arch, st: TrainSetup, psi: int, trainable: int, largest: int, gpus: int, zero: int
             ) -> tuple[list[Line], int]:
    """Lines of per-GPU memory and CPU bytes per GPU for `gpus` GPUs at ZeRO stage `zero`."""
    t = st.tp
    d = gpus // t  # data-parallel degree
    conv = CONVENTIONS[st.convention]
    grad_b = 2 if conv == 16 else 4
    lines: list[Line] = []
    cpu = 0

    def shard(nbytes: int, on: bool) -> int:
        return -(-nbytes // d) if on else nbytes

    # weights
    if st.method == "full":
        w = 2 * psi // t
        wf = f"2 bytes × {psi:,} / TP {t}"
    elif st.method == "lora":
        w = 2 * psi // t + 2 * trainable // t
        wf = f"2 bytes × ({psi:,} frozen + {trainable:,} adapter) / TP {t}"
    else:
        q = layer_matrix_params(a)
        rest = psi - q
        w = (nf4_bytes(q) + 2 * rest + 2 * trainable) // t
        wf = (f"(NF4 {q:,} matrices → {nf4_bytes(q):,} bytes + 2 × {rest:,} embeddings/norms/head "
              f"+ 2 × {trainable:,} adapter) / TP {t}")
    if zero == 3:
        if st.offload_param:
            cpu += shard(w, True)
            lines.append(Line("weights", 0, "offloaded to CPU (ZeRO-3 offload_param)"))
        else:
            lines.append(Line("weights", shard(w, True), wf + f" / DP {d} (ZeRO-3)"))
    else:
        lines.append(Line("weights", w, wf))

    # gradients and optimizer states: all parameters (full) or only the adapters
    n_train = psi if st.method == "full" else trainable
    who = "parameters" if st.method == "full" else "adapter parameters"
    g = (2 if st.offload_optimizer else grad_b) * n_train // t
    gf = f"{2 if st.offload_optimizer else grad_b} bytes × {n_train:,} {who} / TP {t}"
    lines.append(Line("gradients", shard(g, zero >= 2), gf + (f" / DP {d} (ZeRO-{zero})" if zero >= 2 else "")))
    o = 12 * n_train // t
    if st.offload_optimizer:
        cpu += shard(o + (grad_b if conv == 18 else 4) * n_train // t, zero >= 1)
        lines.append(Line("optimizer states", 0, "offloaded to CPU (fp32 master, momentum, variance, fp32 grads)"))
    else:
        lines.append(Line("optimizer states", shard(o, zero >= 1),
                          f"12 bytes × {n_train:,} / TP {t}" + (f" / DP {d} (ZeRO-{zero})" if zero >= 1 else "")))
    act, af = activation_bytes(a, st.seq, st.micro_batch, st.recompute, t)
    lines.append(Line(f"activations ({st.recompute} recompute)", act, af))
    logits = 4 * st.seq * st.micro_batch * a.vocab // t
    lines.append(Line("logits (fp32, for the loss)", logits, f"4 × s·b·V / t = 4 × {st.seq}·{st.micro_batch}·{a.vocab:,}/{t}"))
    buf = st.reserve
    bf = f"reserve {fmt_bytes(st.reserve)} (CUDA context, NCCL, allocator)"
    if zero == 3:
        gather = 4 * largest // t
        buf += gather
        bf += f" + ZeRO-3 gather 4 × largest layer {largest:,} / TP {t}"
    lines.append(Line("buffers", buf, bf))
    return lines, cpu


def train_memory(a: Arch, st: TrainSetup) -> TrainReport:
    if st.method not in ("full", "lora", "qlora"):
        raise CalcError(f"--method must be full, lora or qlora, not {st.method!r}")
    if st.convention not in CONVENTIONS:
        raise CalcError(f"--convention must be one of {', '.join(CONVENTIONS)}")
    if st.zero not in (0, 1, 2, 3):
        raise CalcError("--zero must be 0, 1, 2 or 3")
    if st.gpus < 1 or st.tp < 1 or st.seq < 1 or st.micro_batch < 1:
        raise CalcError("--gpus, --tp, --seq and --micro-batch must be at least 1")
    if st.gpus % st.tp:
        raise CalcError(f"--gpus ({st.gpus}) must be a multiple of --tp ({st.tp})")
    if st.offload_param and st.zero != 3:
        raise CalcError("--offload-param needs --zero 3 (only ZeRO-3 partitions the weights)")
    if st.offload_param and not st.offload_optimizer:
        raise CalcError("--offload-param needs --offload-optimizer too (DeepSpeed offers no params-only offload)")
    if st.offload_optimizer and st.zero == 0:
        raise CalcError("--offload-optimizer needs --zero 1, 2 or 3 (ZeRO-Offload)")
    if st.tp > 1 and a.heads % st.tp:
        raise CalcError(f"--tp {st.tp} does not divide the {a.heads} attention heads")
    pr = count_params(a)
    psi = pr.total
    trainable = psi
    notes = []
    if st.method in ("lora", "qlora"):
        lr = lora_params(a, st.lora_rank, st.lora_targets, psi)
        trainable = lr.trainable
    lines, cpu = _per_gpu(a, st, psi, trainable, pr.largest_layer, st.gpus, st.zero)
    total = sum(x.bytes for x in lines)
    fits = total <= st.gpu_memory

    def min_for(stage: int) -> int | None:
        if st.offload_optimizer and stage == 0:
            return None
        if st.offload_param and stage != 3:
            return None
        n = st.tp
        while n <= 4096:
            ln, _ = _per_gpu(a, st, psi, trainable, pr.largest_layer, n, stage)
            if sum(x.bytes for x in ln) <= st.gpu_memory:
                return n
            if stage == 0 and n > st.tp:
                return None  # without ZeRO every data-parallel GPU holds everything: more GPUs never help
            n += st.tp
        return None

    by_stage = {s: min_for(s) for s in (0, 1, 2, 3)}
    steps = [f"{a.name}: {psi:,} parameters; method {st.method}"
             + (f", LoRA rank {st.lora_rank} on {st.lora_targets}: {trainable:,} trainable" if st.method != "full" else ""),
             f"convention {st.convention}: {CONVENTIONS[st.convention]} bytes per trained parameter "
             f"(2 weights + {2 if CONVENTIONS[st.convention] == 16 else 4} gradients + 12 optimizer states)",
             f"{st.gpus} GPUs = TP {st.tp} × DP {st.gpus // st.tp}; ZeRO-{st.zero}"
             + (", optimizer offloaded to CPU" if st.offload_optimizer else "")
             + (", weights offloaded to CPU" if st.offload_param else "")]
    for x in lines:
        steps.append(f"{x.name} = {x.formula} = {x.bytes:,} bytes ({fmt_bytes(x.bytes)})")
    steps.append(f"per GPU = {' + '.join(f'{x.bytes:,}' for x in lines)} = {total:,} bytes = {fmt_bytes(total)}; "
                 f"GPU has {fmt_bytes(st.gpu_memory)} → {'fits' if fits else 'does not fit'}")
    notes.append("activations by Korthikanti et al. (GPT-style block); an estimate for Llama-style blocks")
    if st.method == "qlora":
        notes.append("QLoRA: decoder matrices in NF4 + double quantization; embeddings, head and norms in bf16")
    return TrainReport(a, st, psi, trainable, lines, total, cpu, fits, by_stage[st.zero], by_stage, steps, notes)
