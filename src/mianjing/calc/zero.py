"""ZeRO model-state memory per GPU, in two conventions that must not be mixed up.

`paper`: Rajbhandari et al., "ZeRO: Memory Optimizations Toward Training Trillion Parameter Models"
(SC'20), section 5 and Figure 1. Mixed-precision Adam keeps 2Ψ bytes of fp16 parameters, 2Ψ of fp16
gradients and KΨ of optimizer states (K = 12: fp32 master copy, momentum, variance). Across N_d
data-parallel GPUs:
    stage 0 (plain DP)   (2 + 2 + K)Ψ
    stage 1 (P_os)       2Ψ + 2Ψ + KΨ/N_d
    stage 2 (P_os+g)     2Ψ + (2 + K)Ψ/N_d
    stage 3 (P_os+g+p)   (2 + 2 + K)Ψ/N_d

`deepspeed`: what DeepSpeed's own estimators print (`estimate_zero2_model_states_mem_needs_all_cold` in
deepspeed/runtime/zero/stage_1_and_2.py and `estimate_zero3_model_states_mem_needs_all_cold` in
deepspeed/runtime/zero/stage3.py), row for row, with their float arithmetic, their `int()` truncation
and their additional_buffer_factor (1.5) on CPU memory. The logic is re-derived here from the source;
DeepSpeed is not imported. DeepSpeed prints "GB" for 2**30 bytes (GiB); mianjing says GiB.

Where DeepSpeed's documentation and its current code disagree: the ZeRO-2 row without offload is
2Ψ + int(18Ψ/N) in the code (2 bytes of 16-bit params kept whole; 2 + 4 + 4 + 8 = 18 bytes of 16-bit
grads, fp32 grads, fp32 params and Adam states sharded), while the docs' example (15.93GB for 2851M
params on 8 GPUs) comes from the older 4Ψ + int(16Ψ/N). mianjing follows the code; `legacy_docs=True`
reproduces the docs' number for the verification.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .units import CalcError

GiB = 2**30


def parse_count(text: str | int | float) -> int:
    """'7.5B' -> 7_500_000_000, '2851e6' -> 2_851_000_000, '325M' -> 325_000_000."""
    if isinstance(text, (int, float)) and not isinstance(text, bool):
        value = float(text)
    else:
        m = re.fullmatch(r"\s*([0-9]+(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?)\s*([kKmMbBtT]?)\s*", str(text))
        if not m:
            raise CalcError(f"cannot read the count {text!r}: write e.g. 7.5B, 325M, 2851e6 or 13000000000")
        mult = {"": 1, "k": 10**3, "m": 10**6, "b": 10**9, "t": 10**12}[m.group(2).lower()]
        value = float(m.group(1)) * mult
    if value <= 0 or value != value:
        raise CalcError(f"count {text!r} must be positive")
    n = round(value)
    if abs(value - n) > 1e-6 * max(1.0, value):
        raise CalcError(f"count {text!r} is not a whole number of parameters")
    return int(n)


# ---- the paper ----------------------------------------------------------------------------------------

@dataclass
class PaperStage:
    stage: int
    name: str
    bytes_per_gpu: int
    formula: str


def paper_stages(psi: int, n_gpus: int, k: int = 12) -> list[PaperStage]:
    """Per-GPU model-state bytes for stages 0-3 (integer bytes; the division is floored)."""
    if n_gpus < 1:
        raise CalcError("the number of GPUs must be at least 1")
    N = n_gpus
    return [
        PaperStage(0, "baseline DP", (4 + k) * psi,
                   f"(2 + 2 + {k})Ψ = {4 + k} × {psi:,}"),
        PaperStage(1, "P_os", 4 * psi + k * psi // N,
                   f"2Ψ + 2Ψ + {k}Ψ/N = 4 × {psi:,} + {k} × {psi:,} / {N}"),
        PaperStage(2, "P_os+g", 2 * psi + (2 + k) * psi // N,
                   f"2Ψ + (2 + {k})Ψ/N = 2 × {psi:,} + {2 + k} × {psi:,} / {N}"),
        PaperStage(3, "P_os+g+p", (4 + k) * psi // N,
                   f"(2 + 2 + {k})Ψ/N = {4 + k} × {psi:,} / {N}"),
    ]


def paper_floor(psi: int, stage: int, k: int = 12) -> int:
    """What a stage never shards: its per-GPU bytes as the number of GPUs grows without bound."""
    return {0: (4 + k) * psi, 1: 4 * psi, 2: 2 * psi, 3: 0}[stage]


def fewest_gpus_paper(psi: int, usable: int, stage: int, max_gpus: int, k: int = 12) -> int | None:
    """The fewest GPUs whose paper-convention model states fit in `usable` bytes (None: no count does).
    Per-GPU bytes never grow with N, so a binary search finds it."""
    def fits(n: int) -> bool:
        return paper_stages(psi, n, k)[stage].bytes_per_gpu <= usable
    if stage == 0:
        return 1 if fits(1) else None
    if not fits(max_gpus):
        return None
    lo, hi = 1, max_gpus
    while lo < hi:
        mid = (lo + hi) // 2
        if fits(mid):
            hi = mid
        else:
            lo = mid + 1
    return lo


# ---- DeepSpeed's estimators ---------------------------------------------------------------------------

@dataclass
class DSRow:
    stage: int
    offload_param: str  # "cpu" | "none"
    offload_optimizer: str
    zero_init: int | None  # ZeRO-3 only
    cpu_bytes: int
    gpu_bytes_per_gpu: int
    cpu_formula: str
    gpu_formula: str

    def options(self) -> str:
        """The options column exactly as DeepSpeed prints it."""
        def dev(x: str) -> str:
            return "cpu " if x == "cpu" else "none"
        if self.stage == 2:
            return f"offload_optimizer={dev(self.offload_optimizer)}"
        return (f"offload_param={dev(self.offload_param)}, offload_optimizer={dev(self.offload_optimizer)}, "
                f"zero_init={self.zero_init}")

    def line(self) -> str:
        """One table row in DeepSpeed's print format (its 'GB' are GiB)."""
        return f" {self.cpu_bytes / GiB:7.2f}GB | {self.gpu_bytes_per_gpu / GiB:6.2f}GB | {self.options()}"


def ds_zero2_rows(total_params: int | float, gpus_per_node: int = 1, nodes: int = 1,
                  buffer_factor: float = 1.5, legacy_docs: bool = False) -> list[DSRow]:
    """The two rows of estimate_zero2_model_states_mem_needs_all_cold (optimizer offload cpu, none)."""
    _check_hw(gpus_per_node, nodes)
    P = total_params
    total_gpus = nodes * gpus_per_node
    rows = []
    # offload_optimizer=cpu: fp16 params stay on GPU; CPU holds fp32 params/grads/Adam states,
    # or the fp32 model being built on each of the node's GPUs' processes, whichever is larger.
    gpu = 2 * P
    cpu = P * max(4 * total_gpus, 16) * buffer_factor
    rows.append(DSRow(2, "none", "cpu", None, int(cpu), int(gpu),
                      f"int(P × max(4 × {total_gpus}, 16) × {buffer_factor})", "2 × P"))
    if legacy_docs:
        gpu = 4 * P + int(16 * P / total_gpus)
        gf = f"4 × P + int(16 × P / {total_gpus})  [older DeepSpeed, as in its docs]"
    else:
        gpu = 2 * P + int(18 * P / total_gpus)
        gf = f"2 × P + int(18 × P / {total_gpus})"
    cpu = P * 4 * gpus_per_node * buffer_factor
    rows.append(DSRow(2, "none", "none", None, int(cpu), int(gpu),
                      f"int(P × 4 × {gpus_per_node} × {buffer_factor})", gf))
    return rows


def ds_zero3_rows(total_params: int | float, largest_layer_params: int | float, gpus_per_node: int = 1,
                  nodes: int = 1, buffer_factor: float = 1.5) -> list[DSRow]:
    """The six rows of estimate_zero3_model_states_mem_needs_all_cold, in its order."""
    _check_hw(gpus_per_node, nodes)
    P, Lp = total_params, largest_layer_params
    total_gpus = nodes * gpus_per_node
    gpus_factor = 1 / nodes
    largest_mem = 4 * Lp  # gathering the largest layer: 2-byte params + 2-byte grads
    rows = []
    for off_opt in (True, False):
        for off_param in (True, False):
            if not off_opt and off_param:
                continue  # DeepSpeed skips param offload without optimizer offload
            for zero_init in (True, False):
                if off_opt and off_param:
                    gpu, gf = largest_mem, "4 × largest_layer"
                    if zero_init:
                        cpu, cf = P * 18 * gpus_factor * buffer_factor, f"int(P × 18 × {gpus_factor:g} × {buffer_factor})"
                    else:
                        cpu = P * max(4 * gpus_per_node, 18 * gpus_factor) * buffer_factor
                        cf = f"int(P × max(4 × {gpus_per_node}, 18 × {gpus_factor:g}) × {buffer_factor})"
                elif off_opt:
                    gpu, gf = largest_mem + int(2 * P / total_gpus), f"4 × largest_layer + int(2 × P / {total_gpus})"
                    if zero_init:
                        cpu, cf = P * 16 * gpus_factor * buffer_factor, f"int(P × 16 × {gpus_factor:g} × {buffer_factor})"
                    else:
                        cpu = P * max(4 * gpus_per_node, 16 * gpus_factor) * buffer_factor
                        cf = f"int(P × max(4 × {gpus_per_node}, 16 × {gpus_factor:g}) × {buffer_factor})"
                else:
                    gpu, gf = largest_mem + int(18 * P / total_gpus), f"4 × largest_layer + int(18 × P / {total_gpus})"
                    if zero_init:
                        cpu, cf = Lp * 4 * gpus_per_node * buffer_factor, f"int(largest_layer × 4 × {gpus_per_node} × {buffer_factor})"
                    else:
                        cpu, cf = P * 4 * gpus_per_node * buffer_factor, f"int(P × 4 × {gpus_per_node} × {buffer_factor})"
                rows.append(DSRow(3, "cpu" if off_param else "none", "cpu" if off_opt else "none",
                                  1 if zero_init else 0, int(cpu), int(gpu), cf, gf))
    return rows


def ds_header(stage: int, total_params: int | float, gpus_per_node: int, nodes: int,
              largest_layer_params: int | float | None = None) -> list[str]:
    """The header lines DeepSpeed prints above its table."""
    nodes_str = "nodes" if nodes > 1 else "node"
    gpus_str = "GPUs" if gpus_per_node > 1 else "GPU"
    sw = f"SW: Model with {int(total_params / 1e6)}M total params"
    sw += f", {int(largest_layer_params / 1e6)}M largest layer params." if stage == 3 else "."
    return ["Estimated memory needed for params, optim states and gradients for a:",
            f"HW: Setup with {nodes} {nodes_str}, {gpus_per_node} {gpus_str} per node.", sw,
            "  per CPU  |  per GPU |   Options"]


def _check_hw(gpus_per_node: int, nodes: int) -> None:
    if gpus_per_node < 1 or nodes < 1:
        raise CalcError("--gpus-per-node and --nodes must be at least 1")
