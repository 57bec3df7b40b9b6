"""Inference memory: weights + KV cache + working memory, and the largest batch × context that fits.

Weights: every parameter in `--dtype`, or with `--quant` the decoder-layer weight matrices quantised
(int8: 1 byte + one fp16 scale per output row; int4: 0.5 byte + an fp16 scale and a 4-bit zero point
per group of 128 weights, as GPTQ/AWQ store them) with embeddings, head and norms left in `--dtype`.

N GPUs = TP × PP: tensor parallelism of degree TP inside a node, PP pipeline stages (one per node)
across nodes, as vLLM serves multi-node models. Weights split N ways (layers evenly over the stages).
A TP degree must divide the attention heads and either divide the KV heads or be a multiple of them
(vLLM's rule); beyond the KV heads each GPU holds one replicated KV head. MLA's latent is shared by all
heads and is replicated on every GPU of a stage (as vLLM and SGLang do).

Usable memory = the card − `reserve` (driver, CUDA context, allocator; see `hardware`). Working
memory: the activations of one prefill chunk of `chunk` tokens, (4h + 3f)·2 bytes per token / TP for
the widest MLP f it passes through. Weights + working memory + KV cache fill the usable memory.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .hardware import DEFAULT_GPUS_PER_NODE, DEFAULT_RESERVE, tp_problem, valid_tp_degrees
from .kv import own_kv
from .params import Arch, attention_linears, count_params
from .units import CalcError, fmt_bytes


@dataclass
class InferReport:
    arch: Arch
    gpus: int
    gpu_memory: int
    weights: int
    kv_per_token: int  # per GPU
    working: int
    free_for_kv: int
    max_tokens: int
    table: list[tuple[int, int]]  # (context, max batch)
    steps: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    dtype: str = "bf16"
    quant: str | None = None
    tp: int = 1
    pp: int = 1
    reserve: int = DEFAULT_RESERVE
    seq: int | None = None
    batch: int | None = None

    @property
    def needed_tokens(self) -> int:
        return (self.seq or 0) * (self.batch or 1)

    @property
    def fits(self) -> bool:
        """Weights and working memory fit, and the KV cache holds seq × batch tokens (one token if unset)."""
        return self.free_for_kv > 0 and self.max_tokens >= max(1, self.needed_tokens)

    def to_json(self) -> dict:
        return {
            "model": self.arch.name, "gpus": self.gpus, "tp": self.tp, "pp": self.pp,
            "gpu_memory_bytes": self.gpu_memory, "reserve_bytes": self.reserve,
            "usable_bytes": self.gpu_memory - self.reserve, "seq": self.seq, "batch": self.batch,
            "dtype": self.dtype, "quant": self.quant,
            "weights_bytes_per_gpu": self.weights, "kv_bytes_per_token_per_gpu": self.kv_per_token,
            # working = the prefill activations; the reserve is apart (usable = card − reserve)
            "working_bytes_per_gpu": self.working, "free_for_kv_bytes_per_gpu": self.free_for_kv,
            "fits": self.fits, "max_cached_tokens": self.max_tokens,
            "max_batch_by_context": [{"context": c, "max_batch": b} for c, b in self.table],
            "notes": self.notes,
        }


def _matrices(a: Arch) -> list[tuple[int, int, int]]:
    """(d_in, d_out, how many) for every decoder weight matrix."""
    out = [(x.d_in, x.d_out, a.layers) for x in attention_linears(a)]
    n_moe = len(a.moe_layers)
    dense = a.layers - n_moe
    if dense:
        out += [(a.hidden, a.intermediate, 2 * dense), (a.intermediate, a.hidden, dense)]
    if n_moe:
        out += [(a.hidden, a.moe_intermediate, 2 * n_moe * a.experts), (a.moe_intermediate, a.hidden, n_moe * a.experts)]
        if a.shared_intermediate:
            out += [(a.hidden, a.shared_intermediate, 2 * n_moe), (a.shared_intermediate, a.hidden, n_moe)]
    return out


def weight_bytes(a: Arch, nbytes: int, quant: str | None) -> tuple[int, str]:
    total = count_params(a).total
    if quant is None:
        return total * nbytes, f"{total:,} parameters × {nbytes} bytes"
    mats = _matrices(a)
    q = sum(i * o * n for i, o, n in mats)
    rest = total - q
    if quant == "int8":
        qb = q + sum(2 * o * n for _, o, n in mats)
        f = f"int8 {q:,} matrix weights × 1 byte + fp16 row scales, + {rest:,} others × {nbytes} bytes"
    elif quant == "int4":
        groups = sum(-(-i // 128) * o * n for i, o, n in mats)
        qb = -(-q // 2) + groups * 2 + -(-groups // 2)
        f = f"int4 {q:,} matrix weights × 0.5 byte + {groups:,} groups × (fp16 scale + 4-bit zero), + {rest:,} others × {nbytes} bytes"
    else:
        raise CalcError(f"--quant must be int8 or int4, not {quant!r}")
    return qb + rest * nbytes, f


def infer_memory(a: Arch, gpu_memory: int, gpus: int = 1, dtype: str = "bf16", nbytes: int = 2,
                 quant: str | None = None, kv_dtype: str | None = None, kv_nbytes: int | None = None,
                 reserve: int = DEFAULT_RESERVE, chunk: int = 8192, seq: int | None = None,
                 pp: int = 1, batch: int | None = None) -> InferReport:
    """Memory per GPU serving `a` on `gpus` GPUs = TP (gpus / pp) × PP (pp) of `gpu_memory` bytes each."""
    if gpus < 1 or pp < 1:
        raise CalcError("--gpus and the number of nodes must be at least 1")
    if gpus % pp:
        raise CalcError(f"{gpus} GPUs do not split into {pp} pipeline stages (one per node)")
    if pp > a.layers:
        raise CalcError(f"{pp} pipeline stages is more than the {a.layers} layers")
    if chunk < 1:
        raise CalcError("--chunk must be at least 1")
    if reserve < 0 or reserve >= gpu_memory:
        raise CalcError(f"--reserve {fmt_bytes(reserve)} must be between 0 and the card's {fmt_bytes(gpu_memory)}")
    tp = gpus // pp
    problem = tp_problem(tp, a.heads, a.kv_heads)
    if problem:
        ok = ", ".join(str(t) for t in valid_tp_degrees(a.heads, a.kv_heads, 64))
        raise CalcError(f"{gpus} GPU{'s' if gpus > 1 else ''}{f' over {pp} nodes' if pp > 1 else ''}: {problem}; "
                        f"valid TP degrees for {a.name}: {ok}")
    kvb = kv_nbytes or nbytes
    wb, wf = weight_bytes(a, nbytes, quant)
    w = -(-wb // gpus)
    own = own_kv(a, kvb)
    layers_here = -(-a.layers // pp)
    if a.is_mla:
        kv_tok = own.bytes_per_token * layers_here // a.layers
        kv_note = "MLA latent replicated on every GPU"
    else:
        heads_here = max(1, a.kv_heads // tp)
        kv_tok = 2 * layers_here * heads_here * a.head_dim * kvb
        kv_note = (f"{heads_here} of {a.kv_heads} KV heads per GPU"
                   + (f" (each replicated {tp // a.kv_heads}×: TP exceeds the KV heads)" if tp > a.kv_heads else ""))
    if pp > 1:
        kv_note += f"; {layers_here} of {a.layers} layers per pipeline stage"
    ff = max(a.intermediate if len(a.moe_layers) < a.layers else 0,
             a.moe_intermediate * a.top_k + a.shared_intermediate if a.is_moe else 0)
    act = chunk * (4 * a.hidden + 3 * ff) * 2 // tp
    working = act
    free = gpu_memory - reserve - w - working
    max_tokens = max(0, free // kv_tok) if free > 0 else 0
    ctxs = [c for c in (4096, 8192, 32768, 131072) if not a.max_position or c <= a.max_position]
    if a.max_position and a.max_position not in ctxs:
        ctxs.append(a.max_position)
    if seq:
        ctxs = [seq]
    table = [(c, max_tokens // c) for c in ctxs]
    layout = f"TP {tp}" + (f" × PP {pp}" if pp > 1 else "")
    steps = [f"weights = {wf} = {wb:,} bytes; / {gpus} GPU{'s' if gpus > 1 else ''} ({layout}) = {w:,} "
             f"({fmt_bytes(w)}) per GPU",
             f"KV per token per GPU = {kv_tok:,} bytes ({kv_note}; {own.attention}, {kv_dtype or dtype})",
             f"working = prefill chunk {chunk} tokens × (4·{a.hidden} + 3·{ff}) × 2 bytes"
             f" / TP {tp} = {working:,} ({fmt_bytes(working)})",
             f"free for KV = {gpu_memory:,} − reserve {reserve:,} − {w:,} − {working:,} = {free:,} "
             f"({fmt_bytes(max(free, 0))})",
             f"max cached tokens = {max(free, 0):,} // {kv_tok:,} = {max_tokens:,}"]
    for c, b in table:
        steps.append(f"context {c:,}: max batch = {max_tokens:,} // {c:,} = {b}")
    notes = []
    if free <= 0:
        notes.append("the weights and working memory alone do not fit: add GPUs or quantise")
    elif seq and batch and max_tokens < seq * batch:
        notes.append(f"the KV cache holds {max_tokens:,} tokens, fewer than seq × batch = {seq * batch:,}: "
                     f"the largest batch at {seq:,} is {max_tokens // seq}")
    if pp > 1:
        notes.append("layers, and the weights with them, are split evenly over the pipeline stages")
    return InferReport(a, gpus, gpu_memory, w, kv_tok, working, max(free, 0), max_tokens, table, steps, notes,
                       dtype=dtype, quant=quant, tp=tp, pp=pp, reserve=reserve, seq=seq, batch=batch)


# ---- the question "how many GPUs?" -------------------------------------------------------------------------

@dataclass
class InferPlan:
    arch: Arch
    answer: InferReport | None  # the fewest GPUs that serve seq × batch
    tried: list[InferReport]  # every smaller layout, each of which does not fit
    valid_tp: list[int]
    gpus_per_node: int
    seq: int
    batch: int
    notes: list[str]

    def to_json(self) -> dict:
        a = self.answer
        return {
            "question": "fewest GPUs", "model": self.arch.name, "seq": self.seq, "batch": self.batch,
            "needed_tokens": self.seq * self.batch, "gpus_per_node": self.gpus_per_node,
            "valid_tp_degrees": self.valid_tp,
            "answer": None if a is None else {"gpus": a.gpus, "tp": a.tp, "pp": a.pp, "nodes": a.pp,
                                              "max_batch_at_seq": a.max_tokens // self.seq,
                                              "max_cached_tokens": a.max_tokens},
            "at_answer": None if a is None else a.to_json(),
            "fewer": [{"gpus": r.gpus, "tp": r.tp, "pp": r.pp, "fits": r.fits, "max_cached_tokens": r.max_tokens,
                       "free_for_kv_bytes_per_gpu": r.free_for_kv} for r in self.tried],
            "notes": self.notes,
        }


def layouts(a: Arch, gpus_per_node: int, max_nodes: int = 64) -> list[tuple[int, int]]:
    """(TP, PP) layouts in the order of their GPU count: each valid TP degree within one node, then whole
    nodes of the largest valid degree with one pipeline stage per node."""
    one = valid_tp_degrees(a.heads, a.kv_heads, gpus_per_node)
    out = [(t, 1) for t in one]
    widest = one[-1]
    out += [(widest, k) for k in range(2, min(max_nodes, a.layers) + 1)]
    return out


def infer_plan(a: Arch, gpu_memory: int, seq: int, batch: int = 1, gpus_per_node: int = DEFAULT_GPUS_PER_NODE,
               **kw) -> InferPlan:
    """The fewest GPUs that hold the weights, the working memory and a KV cache of seq × batch tokens."""
    if seq < 1 or batch < 1:
        raise CalcError("--seq and --batch must be at least 1")
    tried = []
    answer = None
    for tp, pp in layouts(a, gpus_per_node):
        r = infer_memory(a, gpu_memory, tp * pp, seq=seq, batch=batch, pp=pp, **kw)
        if r.fits:
            answer = r
            break
        tried.append(r)
    notes = [f"layouts tried: TP {', '.join(str(t) for t, p in layouts(a, gpus_per_node) if p == 1)} inside a node "
             f"of {gpus_per_node}, then one pipeline stage per extra node"]
    if answer is None:
        notes.append("no layout up to 64 nodes fits: quantise (--quant, --dtype fp8) or use larger cards")
    return InferPlan(a, answer, tried, valid_tp_degrees(a.heads, a.kv_heads, a.heads), gpus_per_node, seq, batch,
                     notes)
