"""The hardware side of every calculator: which card (`--gpu`), how many (`--gpus` or `--gpus-per-node` ×
`--nodes`), how much of a card a program can use, and the limits past which a setup is not a machine.

A card is a name or a size. Names map to the total memory `nvidia-smi` reports for that card, where we
know it (the H200 figure was measured with `bench/gpu_memory.py`, see bench/results/); otherwise to
the nominal size, said so. Cards sold as "80 GB" carry 80 GiB of HBM: `--gpu 80GB` means 80·10⁹ bytes
(74.5 GiB) and the output says so, `--gpu 80GiB` or `--gpu A100-80G` means the card.

Usable memory = capacity − reserve. The reserve (default 2 GiB, `--reserve`) stands for what no
tensor of yours gets: the driver's own reservation and the CUDA context (1.1 GiB together on an
H200, measured), NCCL and cuBLAS workspaces, allocator fragmentation.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass

from .units import GB, GiB, CalcError, fmt_bytes, parse_size

MiB = 2**20
DEFAULT_RESERVE = 2 * GiB
DEFAULT_GPUS_PER_NODE = 8

# Limits past which a number is a typo, not a machine (checked before any arithmetic).
MIN_CARD = 1 * GiB
MAX_CARD = 1024 * GiB  # the largest accelerators have 288 GB
MAX_GPUS = 1_000_000  # the largest clusters built have a few hundred thousand GPUs
MAX_GPUS_PER_NODE = 72  # an NVL72 rack is the largest single NVLink domain
MAX_SEQ = 100_000_000
MAX_BATCH = 1_000_000


@dataclass(frozen=True)
class Card:
    name: str
    bytes: int
    source: str  # where the capacity comes from

    def describe(self) -> str:
        return f"{self.name}: {fmt_bytes(self.bytes)} ({self.source})"

    def to_json(self) -> dict:
        return {"name": self.name, "bytes": self.bytes, "source": self.source}


# name -> (MiB, source). Aliases below map other spellings onto these names.
_CARDS: dict[str, tuple[int, str]] = {
    "H200": (143_771, "nvidia-smi total, measured on an H200 141GB"),
    "H100-80G": (81_559, "nvidia-smi total of an H100 80GB HBM3"),
    "H800": (81_559, "the H100's memory (80 GiB HBM3); nvidia-smi total as for the H100"),
    "H20": (96 * 1024, "nominal 96 GiB HBM3"),
    "A100-80G": (81_920, "nvidia-smi total of an A100 80GB"),
    "A800-80G": (81_920, "the A100 80GB's memory"),
    "A100-40G": (40_960, "nvidia-smi total of an A100 40GB"),
    "L40S": (46_068, "nvidia-smi total of an L40S (48 GB GDDR6 less ECC)"),
    "V100-32G": (32_768, "nominal 32 GiB HBM2"),
    "4090": (24_564, "nvidia-smi total of an RTX 4090"),
    "3090": (24_576, "nvidia-smi total of an RTX 3090"),
}
_ALIASES = {
    "h100": "H100-80G", "h100-80gb": "H100-80G", "h100-80g": "H100-80G", "h100-sxm": "H100-80G",
    "h800": "H800", "h800-80g": "H800", "h20": "H20", "h200": "H200", "h200-141g": "H200", "h200-141gb": "H200",
    "a100": "A100-80G", "a100-80g": "A100-80G", "a100-80gb": "A100-80G", "a800": "A800-80G", "a800-80g": "A800-80G",
    "a100-40g": "A100-40G", "a100-40gb": "A100-40G", "l40s": "L40S", "v100": "V100-32G", "v100-32g": "V100-32G",
    "4090": "4090", "rtx4090": "4090", "rtx-4090": "4090", "3090": "3090", "rtx3090": "3090", "rtx-3090": "3090",
}


_UNIT_WORDS = {"b": "bytes", "kb": "10^3 bytes", "mb": "10^6 bytes", "gb": "10^9 bytes", "tb": "10^12 bytes",
               "kib": "2^10 bytes", "mib": "2^20 bytes", "gib": "2^30 bytes", "tib": "2^40 bytes"}


def card_names() -> list[str]:
    return list(_CARDS)


def resolve_gpu(text: str) -> Card:
    """'A100-80G' / 'h100' / '4090' -> that card; '80GiB' / '80GB' -> a card of exactly that size."""
    if text is None or not str(text).strip():
        raise CalcError("--gpu is empty: give a card (H100, A100-80G, 4090, ...) or a size (80GiB, 80GB)")
    raw = str(text).strip()
    key = re.sub(r"[\s_]+", "-", raw.lower()).replace("nvidia-", "").replace("geforce-", "")
    if key in _ALIASES:
        name = _ALIASES[key]
        mib, source = _CARDS[name]
        return Card(name, mib * MiB, source)
    if re.fullmatch(r"[0-9.]+\s*[A-Za-z]+", raw):  # a size: parse_size says what is wrong with it
        size = parse_size(raw)
        check_card_size(size, raw)
        unit = re.sub(r"[0-9.\s]", "", raw)
        unit_note = f"{unit} = {_UNIT_WORDS[unit.lower()]}"
        return Card(raw, size, f"a size: {unit_note}")
    close = difflib.get_close_matches(key, list(_ALIASES), n=3, cutoff=0.5)
    hint = f"; did you mean {', '.join(sorted({_ALIASES[c] for c in close}))}?" if close else ""
    raise CalcError(f"unknown GPU {raw!r}{hint} Give a card ({', '.join(_CARDS)}) or a size with its unit "
                    "(80GiB, 80GB; a bare 80G is ambiguous)")


def check_card_size(size: int, text: str = "") -> None:
    shown = text or fmt_bytes(size)
    if size < MIN_CARD:
        raise CalcError(f"a GPU of {shown} is smaller than any card that can hold a model ({fmt_bytes(MIN_CARD)} "
                        "at least); did you forget the unit's G?")
    if size > MAX_CARD:
        raise CalcError(f"a GPU of {shown} is larger than any card made (the largest have 288 GB); "
                        f"the limit here is {fmt_bytes(MAX_CARD)}")


def unit_warning(text: str, card: Card) -> str | None:
    """A size typed in GB that is a marketed card size: say that it is read as 10^9 bytes."""
    m = re.fullmatch(r"\s*([0-9.]+)\s*gb\s*", str(text).lower())
    if not m:
        return None
    gib = float(m.group(1)) * GB / GiB
    return (f"{text} is read as {float(m.group(1)):g}·10^9 bytes = {gib:.2f} GiB; a card sold as "
            f"\"{m.group(1)} GB\" has {m.group(1)} GiB: write --gpu {m.group(1)}GiB or a card name "
            "such as A100-80G for it")


@dataclass(frozen=True)
class Cluster:
    gpus: int
    gpus_per_node: int
    nodes: int

    def describe(self) -> str:
        if self.nodes == 1:
            return f"{self.gpus} GPU{'s' if self.gpus > 1 else ''}"
        return f"{self.gpus} GPUs = {self.nodes} nodes × {self.gpus_per_node}"


def resolve_gpus(gpus: int | None, gpus_per_node: int | None, nodes: int | None) -> Cluster | None:
    """`--gpus N` (total) or `--gpus-per-node G [--nodes K]`; None when none is given (the question
    is then "how many?")."""
    for flag, v in (("--gpus", gpus), ("--gpus-per-node", gpus_per_node), ("--nodes", nodes)):
        if v is not None and v < 1:
            raise CalcError(f"{flag} must be at least 1, not {v}")
    if gpus is not None and gpus > MAX_GPUS:
        raise CalcError(f"--gpus {gpus:,} is more GPUs than any cluster has (limit {MAX_GPUS:,})")
    if gpus_per_node is not None and gpus_per_node > MAX_GPUS_PER_NODE:
        raise CalcError(f"--gpus-per-node {gpus_per_node} is more than any node holds (an NVL72 rack has 72)")
    if nodes is not None and nodes > MAX_GPUS:
        raise CalcError(f"--nodes {nodes:,} is more than any cluster has")
    if gpus is None and gpus_per_node is None and nodes is None:
        return None
    if gpus is not None:
        if gpus_per_node is None and nodes is None:
            # a total alone: one node up to 8 GPUs, whole nodes of 8 beyond when it divides
            if gpus > DEFAULT_GPUS_PER_NODE and gpus % DEFAULT_GPUS_PER_NODE == 0:
                return Cluster(gpus, DEFAULT_GPUS_PER_NODE, gpus // DEFAULT_GPUS_PER_NODE)
            return Cluster(gpus, gpus, 1)
        per = gpus_per_node if gpus_per_node is not None else None
        n = nodes
        if per is None:
            if gpus % n:
                raise CalcError(f"--gpus {gpus} is not a whole number of GPUs per node over --nodes {n}")
            per = gpus // n
        if n is None:
            if gpus % per:
                raise CalcError(f"--gpus {gpus} is not a whole number of nodes of --gpus-per-node {per}")
            n = gpus // per
        if per * n != gpus:
            raise CalcError(f"--gpus {gpus} disagrees with --gpus-per-node {per} × --nodes {n} = {per * n}")
        return Cluster(gpus, per, n)
    per = gpus_per_node if gpus_per_node is not None else DEFAULT_GPUS_PER_NODE
    n = nodes if nodes is not None else 1
    if per * n > MAX_GPUS:
        raise CalcError(f"{per} × {n:,} GPUs is more than any cluster has (limit {MAX_GPUS:,})")
    return Cluster(per * n, per, n)


def check_seq_batch(seq: int | None, batch: int | None, max_position: int = 0) -> list[str]:
    """Refuse impossible sequence lengths and batches; warn (return the text) past the model's context."""
    warnings = []
    if seq is not None:
        if seq < 1:
            raise CalcError(f"--seq must be at least 1, not {seq}")
        if seq > MAX_SEQ:
            raise CalcError(f"--seq {seq:,} is longer than any model's context (limit {MAX_SEQ:,})")
        if max_position and seq > max_position:
            warnings.append(f"--seq {seq:,} is longer than the model's context, max_position_embeddings = "
                            f"{max_position:,}; the numbers assume it could run at that length")
    if batch is not None:
        if batch < 1:
            raise CalcError(f"--batch must be at least 1, not {batch}")
        if batch > MAX_BATCH:
            raise CalcError(f"--batch {batch:,} is beyond any real batch (limit {MAX_BATCH:,})")
    return warnings


def check_reserve(reserve: int, card: Card) -> None:
    if reserve < 0:
        raise CalcError("--reserve cannot be negative")
    if reserve >= card.bytes:
        raise CalcError(f"--reserve {fmt_bytes(reserve)} leaves nothing of the {fmt_bytes(card.bytes)} card")


def parse_reserve(text: str) -> int:
    """'2GiB' -> bytes; '0' is allowed (no reserve), unlike a card size."""
    if str(text).strip() in ("0", "0GiB", "0GB"):
        return 0
    return parse_size(text)


def valid_tp_degrees(heads: int, kv_heads: int, limit: int) -> list[int]:
    """Tensor-parallel degrees t <= limit that split the model evenly, by vLLM's rule: t divides the
    attention heads, and either divides the KV heads or is a multiple of them (each KV head then
    replicated t / kv_heads times)."""
    return [t for t in range(1, min(limit, heads) + 1) if tp_problem(t, heads, kv_heads) is None]


def tp_problem(t: int, heads: int, kv_heads: int) -> str | None:
    """Why tensor parallelism of degree t cannot split this model (None when it can)."""
    if t < 1:
        return f"a tensor-parallel degree must be at least 1, not {t}"
    if t > heads:
        return f"TP {t} exceeds the {heads} attention heads (each GPU needs at least one head)"
    if heads % t:
        return f"TP {t} does not divide the {heads} attention heads ({heads} / {t} = {heads / t:.2f} per GPU)"
    if kv_heads % t and t % kv_heads:
        return (f"TP {t} neither divides the {kv_heads} KV heads nor is a multiple of them "
                f"({kv_heads} / {t} = {kv_heads / t:.2f} KV heads per GPU)")
    return None
