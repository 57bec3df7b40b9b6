"""Inference memory: weights + KV cache + working memory, and the largest batch × context that fits.

Weights: every parameter in `--dtype`, or with `--quant` the decoder-layer weight matrices quantised
(int8: 1 byte + one fp16 scale per output row; int4: 0.5 byte + an fp16 scale and a 4-bit zero point
per group of 128 weights, as GPTQ/AWQ store them) with embeddings, head and norms left in `--dtype`.

Across N GPUs with tensor parallelism, weights split N ways. The KV cache splits by key/value head, so
when N exceeds the number of KV heads each GPU still holds one head (replicated); MLA's latent is
shared by all heads and is replicated on every GPU (as vLLM and SGLang do).

Working memory: `--reserve` (CUDA context, allocator, sampling) plus the activations of one prefill
chunk of `--chunk` tokens, (4h + 3f)·2 bytes per token for the widest MLP f it passes through.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .kv import own_kv
from .params import Arch, attention_linears, count_params
from .units import CalcError, GiB, fmt_bytes


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

    def to_json(self) -> dict:
        return {
            "model": self.arch.name, "gpus": self.gpus, "gpu_memory_bytes": self.gpu_memory,
            "dtype": self.dtype, "quant": self.quant,
            "weights_bytes_per_gpu": self.weights, "kv_bytes_per_token_per_gpu": self.kv_per_token,
            "working_bytes_per_gpu": self.working, "free_for_kv_bytes_per_gpu": self.free_for_kv,
            "fits": self.free_for_kv > 0, "max_cached_tokens": self.max_tokens,
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
                 reserve: int = 1 * GiB, chunk: int = 8192, seq: int | None = None) -> InferReport:
    if gpus < 1:
        raise CalcError("--gpus must be at least 1")
    if chunk < 1:
        raise CalcError("--chunk must be at least 1")
    kvb = kv_nbytes or nbytes
    wb, wf = weight_bytes(a, nbytes, quant)
    w = -(-wb // gpus)
    own = own_kv(a, kvb)
    if a.is_mla:
        kv_tok = own.bytes_per_token
        kv_note = "MLA latent replicated on every GPU"
    else:
        heads_here = max(1, -(-a.kv_heads // gpus))
        kv_tok = 2 * a.layers * heads_here * a.head_dim * kvb
        kv_note = (f"{heads_here} of {a.kv_heads} KV heads per GPU"
                   + (" (replicated: more GPUs than KV heads)" if gpus > a.kv_heads else ""))
    ff = max(a.intermediate if len(a.moe_layers) < a.layers else 0,
             a.moe_intermediate * a.top_k + a.shared_intermediate if a.is_moe else 0)
    act = chunk * (4 * a.hidden + 3 * ff) * 2 // gpus
    working = reserve + act
    free = gpu_memory - w - working
    max_tokens = max(0, free // kv_tok) if free > 0 else 0
    ctxs = [c for c in (4096, 8192, 32768, 131072) if not a.max_position or c <= a.max_position]
    if a.max_position and a.max_position not in ctxs:
        ctxs.append(a.max_position)
    if seq:
        ctxs = [seq]
    table = [(c, max_tokens // c) for c in ctxs]
    steps = [f"weights = {wf} = {wb:,} bytes; / {gpus} GPU{'s' if gpus > 1 else ''} = {w:,} ({fmt_bytes(w)}) per GPU",
             f"KV per token per GPU = {kv_tok:,} bytes ({kv_note}; {own.attention}, {kv_dtype or dtype})",
             f"working = reserve {fmt_bytes(reserve)} + prefill chunk {chunk} tokens × (4·{a.hidden} + 3·{ff}) × 2 bytes"
             f" / {gpus} = {working:,} ({fmt_bytes(working)})",
             f"free for KV = {gpu_memory:,} − {w:,} − {working:,} = {free:,} ({fmt_bytes(max(free, 0))})",
             f"max cached tokens = {max(free, 0):,} // {kv_tok:,} = {max_tokens:,}"]
    for c, b in table:
        steps.append(f"context {c:,}: max batch = {max_tokens:,} // {c:,} = {b}")
    notes = []
    if free <= 0:
        notes.append("the weights and working memory alone do not fit: add GPUs or quantise")
    return InferReport(a, gpus, gpu_memory, w, kv_tok, working, max(free, 0), max_tokens, table, steps, notes,
                       dtype=dtype, quant=quant)
