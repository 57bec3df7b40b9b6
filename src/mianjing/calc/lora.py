"""LoRA trainable parameters, counted the way PEFT counts them.

PEFT wraps each targeted `nn.Linear(d_in, d_out)` with A (r × d_in) and B (d_out × r), no biases:
r × (d_in + d_out) trainable parameters per wrapped matrix (Hu et al. 2021; peft.tuners.lora).

Targets:
- `all-linear`: PEFT's own shortcut: every linear layer except the output head, MoE routers and
  routed experts included.
- `attention`: the attention projections (q/k/v/o, or MLA's q_a/q_b/kv_a/kv_b/o).
- a comma list of module names (`q_proj,v_proj`) or the groups `attention`, `mlp` (dense MLPs and shared
  experts), `experts` (routed experts) and `router`.

Routed experts on transformers >= 5 are fused 3-D parameters (`gate_up_proj` of shape E × 2f × h and
`down_proj` E × h × f). PEFT (>= 0.18) wraps them with one adapter per stacked parameter of rank r·E,
and keeps the pre-fusion semantics (separate rank-r adapters on each expert's gate and up matrices) by
storing gate_up's B block-diagonally, zeros included. PEFT therefore counts
    gate_up: 2r·E·(h + 2f)      down: r·E·(f + h)
per MoE layer, while the independent (non-zero) entries are 2r·E·(h + f) + r·E·(f + h), the count
the per-expert `nn.Linear` layout of transformers 4 gave. `trainable` is PEFT's count;
`trainable_effective` the independent entries.
"""

from __future__ import annotations

from dataclasses import dataclass

from .params import Arch, Linear, attention_linears, mlp_linears
from .units import CalcError


def layer_linears(a: Arch, i: int) -> list[Linear]:
    """Every 2-D weight matrix of decoder layer i, tagged with its group (routed experts: see lora_params)."""
    out = list(attention_linears(a))
    if i in set(a.moe_layers):
        if a.shared_intermediate:
            out += mlp_linears(a.hidden, a.shared_intermediate, False, "shared")
            if a.shared_gate:
                out.append(Linear("shared_expert_gate", a.hidden, 1, False, "shared"))
        out.append(Linear("router", a.hidden, a.experts, False, "router"))
    else:
        out += mlp_linears(a.hidden, a.intermediate, a.mlp_bias, "mlp")
    return out


ATTENTION_NAMES = {"q_proj", "k_proj", "v_proj", "o_proj", "q_a_proj", "q_b_proj", "kv_a_proj_with_mqa", "kv_b_proj"}
MLP_NAMES = {"gate_proj", "up_proj", "down_proj", "shared_expert_gate"}


def _selector(a: Arch, targets: str):
    t = targets.strip().lower()
    if t in ("all-linear", "all_linear"):
        return (lambda x: True), "all-linear", a.is_moe
    items = [s.strip() for s in targets.split(",") if s.strip()]
    if not items:
        raise CalcError("--targets is empty: use all-linear, attention, or a comma list like q_proj,v_proj")
    known = ATTENTION_NAMES | MLP_NAMES | {"attention", "mlp", "experts", "router"}
    bad = [s for s in items if s not in known]
    if bad:
        raise CalcError(f"unknown LoRA target(s) {', '.join(bad)}; use all-linear, attention, mlp, experts or "
                        f"module names: {', '.join(sorted(ATTENTION_NAMES | MLP_NAMES))}")
    names = set(items)
    present = {x.name for i in range(a.layers) for x in layer_linears(a, i)}
    missing = [s for s in items if s in ATTENTION_NAMES | MLP_NAMES and s not in present]
    if missing:
        raise CalcError(f"this model has no module named {', '.join(missing)}; it has "
                        f"{', '.join(sorted(present))}")
    if names & {"experts", "router"} and not a.is_moe:
        raise CalcError("`experts` / `router` given but this model has no routed experts")

    def pick(x: Linear) -> bool:
        if x.group == "router":
            return "router" in names
        if "attention" in names and x.group == "attention":
            return True
        if "mlp" in names and x.group in ("mlp", "shared"):
            return True
        return x.name in names
    return pick, ", ".join(items), "experts" in names


@dataclass
class LoraReport:
    arch: Arch
    rank: int
    targets: str
    trainable: int
    trainable_effective: int
    base_total: int
    per_module: dict[str, tuple[int, int]]  # name -> (matrices wrapped, trainable)
    steps: list[str]

    def to_json(self) -> dict:
        return {
            "model": self.arch.name, "rank": self.rank, "targets": self.targets, "trainable": self.trainable,
            "trainable_effective": self.trainable_effective,
            "base_total": self.base_total,
            "trainable_percent": round(100 * self.trainable / self.base_total, 6) if self.base_total else None,
            "modules": [{"name": k, "matrices": v[0], "trainable": v[1]} for k, v in self.per_module.items()],
        }


def lora_params(a: Arch, rank: int, targets: str = "all-linear", base_total: int = 0) -> LoraReport:
    if rank < 1:
        raise CalcError("--rank must be at least 1")
    pick, desc, experts = _selector(a, targets)
    per: dict[str, tuple[int, int]] = {}
    shape: dict[str, tuple[int, int]] = {}
    for i in range(a.layers):
        for x in layer_linears(a, i):
            if pick(x):
                key = x.name if x.group != "shared" else f"{x.name} (shared expert)"
                n, t = per.get(key, (0, 0))
                per[key] = (n + 1, t + rank * (x.d_in + x.d_out))
                shape[key] = (x.d_in, x.d_out)
    steps = ["PEFT adds A (r × d_in) and B (d_out × r) to each wrapped matrix: r × (d_in + d_out) each"]
    for k, (n, t) in per.items():
        di, do = shape[k]
        steps.append(f"{k}: {n} matrices × {rank} × ({di:,} + {do:,}) = {t:,}")
    saved_zeros = 0
    if experts and a.is_moe:
        h, f, E, m = a.hidden, a.moe_intermediate, a.experts, len(a.moe_layers)
        gu = m * 2 * rank * E * (h + 2 * f)
        dn = m * rank * E * (f + h)
        per["experts.gate_up_proj"] = (m, gu)
        per["experts.down_proj"] = (m, dn)
        saved_zeros = m * 2 * rank * E * f
        steps.append(f"experts.gate_up_proj: {m} layers × 2r·E·(h + 2f) = {m} × 2 × {rank} × {E} × ({h:,} + 2 × {f:,}) "
                     f"= {gu:,} (block-diagonal B: {saved_zeros:,} of these are structural zeros)")
        steps.append(f"experts.down_proj: {m} layers × r·E·(f + h) = {m} × {rank} × {E} × ({f:,} + {h:,}) = {dn:,}")
    if not per:
        raise CalcError(f"no module of this model matches --targets {targets!r}")
    trainable = sum(t for _, t in per.values())
    steps.append(f"trainable = {' + '.join(f'{t:,}' for _, t in per.values())} = {trainable:,}")
    if saved_zeros:
        steps.append(f"independent entries (per-expert gate, up, down adapters) = {trainable:,} − {saved_zeros:,} "
                     f"= {trainable - saved_zeros:,}")
    if base_total:
        steps.append(f"= {100 * trainable / base_total:.4f}% of the {base_total:,} base parameters")
    return LoraReport(a, rank, desc, trainable, trainable - saved_zeros, base_total, per, steps)
