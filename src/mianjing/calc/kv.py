"""KV-cache size for a model's own attention, and what MHA / GQA / MQA / MLA would need instead.

Per token, every layer caches one key and one value vector per key/value head:
    MHA / GQA / MQA   2 × layers × kv_heads × head_dim × bytes      (MHA: kv_heads = heads; MQA: 1)
    MLA (DeepSeek)    layers × (kv_lora_rank + qk_rope_head_dim) × bytes
MLA caches only the compressed latent c_KV and the shared RoPE key (DeepSeek-V2 paper, section 2.1;
DeepSeek's own inference code, vLLM, SGLang and transformers 5 cache it so). Implementations that
decompress the latent before caching (transformers 4.x did) store layers × heads × (qk_head_dim +
v_head_dim) × bytes per token instead: the `MHA` row of `--compare`.
"""

from __future__ import annotations

from dataclasses import dataclass

from .params import Arch
from .units import CalcError


@dataclass
class KVVariant:
    attention: str
    bytes_per_token: int
    formula: str
    note: str = ""


def own_kv(a: Arch, nbytes: int) -> KVVariant:
    L = a.layers
    if a.is_mla:
        width = a.kv_lora_rank + a.qk_rope_dim
        return KVVariant("MLA", L * width * nbytes,
                         f"layers × (kv_lora_rank + qk_rope_head_dim) × bytes = {L} × ({a.kv_lora_rank} + "
                         f"{a.qk_rope_dim}) × {nbytes}",
                         "compressed latent + shared RoPE key (absorbed MLA)")
    return KVVariant(a.attention_kind, 2 * L * a.kv_heads * a.head_dim * nbytes,
                     f"2 (K and V) × layers × kv_heads × head_dim × bytes = 2 × {L} × {a.kv_heads} × "
                     f"{a.head_dim} × {nbytes}")


def alternatives(a: Arch, nbytes: int) -> list[KVVariant]:
    """The same model under each attention variant (same layers, heads and head sizes)."""
    L, H = a.layers, a.heads
    out: list[KVVariant] = []
    if a.is_mla:
        kd = a.qk_nope_dim + a.qk_rope_dim
        vd = a.v_head_dim
        out.append(KVVariant("MHA", L * H * (kd + vd) * nbytes,
                             f"layers × heads × (k_dim + v_dim) × bytes = {L} × {H} × ({kd} + {vd}) × {nbytes}",
                             "the latent decompressed per head (what a non-absorbing implementation caches)"))
        for g in (8, 1):
            if g < H and H % g == 0:
                out.append(KVVariant("GQA" if g > 1 else "MQA", L * g * (kd + vd) * nbytes,
                                     f"{L} × {g} × ({kd} + {vd}) × {nbytes}",
                                     f"{g} key/value head{'s' if g > 1 else ''}"))
        out.append(own_kv(a, nbytes))
        return out
    d = a.head_dim
    out.append(KVVariant("MHA", 2 * L * H * d * nbytes, f"2 × {L} × {H} × {d} × {nbytes}", f"{H} key/value heads"))
    groups = sorted({a.kv_heads, 8} - {H, 1}, reverse=True)
    for g in groups:
        if g < H and H % g == 0:
            out.append(KVVariant("GQA", 2 * L * g * d * nbytes, f"2 × {L} × {g} × {d} × {nbytes}",
                                 f"{g} key/value heads" + (" (the model's own)" if g == a.kv_heads else "")))
    out.append(KVVariant("MQA", 2 * L * 1 * d * nbytes, f"2 × {L} × 1 × {d} × {nbytes}", "1 key/value head"))
    return out


@dataclass
class KVReport:
    arch: Arch
    seq: int
    batch: int
    dtype: str
    nbytes: int
    own: KVVariant
    total_bytes: int
    compare: list[KVVariant]
    steps: list[str]

    def to_json(self) -> dict:
        doc = {
            "model": self.arch.name, "attention": self.own.attention, "dtype": self.dtype,
            "bytes_per_element": self.nbytes, "seq": self.seq, "batch": self.batch,
            "bytes_per_token": self.own.bytes_per_token, "total_bytes": self.total_bytes,
            "formula": self.own.formula,
        }
        if self.compare:
            doc["compare"] = [{"attention": v.attention, "bytes_per_token": v.bytes_per_token,
                               "total_bytes": v.bytes_per_token * self.seq * self.batch,
                               "ratio_to_mha": _ratio(v, self.compare[0]), "note": v.note} for v in self.compare]
        return doc


def _ratio(v: KVVariant, mha: KVVariant) -> float:
    return round(mha.bytes_per_token / v.bytes_per_token, 4)


def kv_cache(a: Arch, seq: int, batch: int = 1, dtype: str = "bf16", nbytes: int = 2,
             compare: bool = False) -> KVReport:
    if seq < 1 or batch < 1:
        raise CalcError("--seq and --batch must be at least 1")
    own = own_kv(a, nbytes)
    total = own.bytes_per_token * seq * batch
    steps = [f"{a.name}: {own.attention}, {a.layers} layers"
             + (f", {a.heads} query heads, {a.kv_heads} key/value heads of dim {a.head_dim}" if not a.is_mla else
                f", latent rank {a.kv_lora_rank} + RoPE key {a.qk_rope_dim}, shared by all {a.heads} heads"),
             f"bytes per token = {own.formula} = {own.bytes_per_token:,}",
             f"total = bytes per token × seq × batch = {own.bytes_per_token:,} × {seq:,} × {batch} = {total:,}"]
    if a.max_position and seq > a.max_position:
        steps.append(f"warning: seq {seq:,} is longer than max_position_embeddings {a.max_position:,}")
    variants = alternatives(a, nbytes) if compare else []
    if variants:
        mha = variants[0]
        for v in variants:
            steps.append(f"{v.attention:4} {v.formula} = {v.bytes_per_token:,} bytes/token, "
                         f"{mha.bytes_per_token / v.bytes_per_token:.2f}× smaller than MHA" + (f" ({v.note})" if v.note else ""))
    return KVReport(a, seq, batch, dtype, nbytes, own, total, variants, steps)
