"""`mianjing calc verify`: every published number the calculators can be held to, recomputed.

Sources:
- DeepSpeed docs, "Memory Requirements" (docs/code-docs/source/memory.rst): the ZeRO-2 and ZeRO-3
  estimator outputs for t5-3b on 1 node × 8 GPUs (cold and live), and the t5-large ZeRO-3 cases.
- Hugging Face transformers docs, "DeepSpeed" (main_classes/deepspeed and the deepspeed guide): the
  ZeRO-3 estimator output for bigscience/T0_3B on 1 GPU (and on 2 GPUs in the older version).
- ZeRO paper (Rajbhandari et al. 2020), Figure 1: Ψ = 7.5B, N_d = 64, K = 12.
- Published model sizes (safetensors totals on each model page; DeepSeek-V3 and Mixtral reports).
- With measure=True, real PyTorch on CPU (see measure.py); that part imports torch.

The "live" examples are fed the exact parameter counts of the models named (T5Model built from each
config: t5-3b 2,851,598,336 params / largest module 32,899,072; T0_3B 2,783,959,040 / 65,798,144;
t5-large 737,668,096 / 32,899,072); the test suite rebuilds those models with transformers on the
meta device and checks these constants.
"""

from __future__ import annotations

from dataclasses import dataclass

from . import zero as z
from .params import params_from_config
from .presets import PUBLISHED, PUBLISHED_ROUNDED, load_config, preset_names

DS_DOCS = "DeepSpeed docs, memory.rst"
HF_DOCS = "Hugging Face transformers docs, DeepSpeed"

T5_3B = (2_851_598_336, 32_899_072)
T0_3B = (2_783_959_040, 65_798_144)
T5_LARGE = (737_668_096, 32_899_072)

# Published estimator tables, exactly as printed (DeepSpeed's "GB" = GiB).
DS_ZERO2_COLD_8 = ["  127.45GB |   5.31GB | offload_optimizer=cpu ",
                   "  127.45GB |  15.93GB | offload_optimizer=none"]
DS_ZERO2_LIVE_8 = ["  127.48GB |   5.31GB | offload_optimizer=cpu ",
                   "  127.48GB |  15.93GB | offload_optimizer=none"]
DS_ZERO3_COLD_8 = [
    "   71.69GB |   0.12GB | offload_param=cpu , offload_optimizer=cpu , zero_init=1",
    "  127.45GB |   0.12GB | offload_param=cpu , offload_optimizer=cpu , zero_init=0",
    "   63.72GB |   0.78GB | offload_param=none, offload_optimizer=cpu , zero_init=1",
    "  127.45GB |   0.78GB | offload_param=none, offload_optimizer=cpu , zero_init=0",
    "    1.43GB |   6.09GB | offload_param=none, offload_optimizer=none, zero_init=1",
    "  127.45GB |   6.09GB | offload_param=none, offload_optimizer=none, zero_init=0",
]
DS_ZERO3_LIVE_8 = [
    "   71.71GB |   0.12GB | offload_param=cpu , offload_optimizer=cpu , zero_init=1",
    "  127.48GB |   0.12GB | offload_param=cpu , offload_optimizer=cpu , zero_init=0",
    "   63.74GB |   0.79GB | offload_param=none, offload_optimizer=cpu , zero_init=1",
    "  127.48GB |   0.79GB | offload_param=none, offload_optimizer=cpu , zero_init=0",
    "    1.47GB |   6.10GB | offload_param=none, offload_optimizer=none, zero_init=1",
    "  127.48GB |   6.10GB | offload_param=none, offload_optimizer=none, zero_init=0",
]
HF_T0_3B_1 = [
    "   70.00GB |   0.25GB | offload_param=cpu , offload_optimizer=cpu , zero_init=1",
    "   70.00GB |   0.25GB | offload_param=cpu , offload_optimizer=cpu , zero_init=0",
    "   62.23GB |   5.43GB | offload_param=none, offload_optimizer=cpu , zero_init=1",
    "   62.23GB |   5.43GB | offload_param=none, offload_optimizer=cpu , zero_init=0",
    "    0.37GB |  46.91GB | offload_param=none, offload_optimizer=none, zero_init=1",
    "   15.56GB |  46.91GB | offload_param=none, offload_optimizer=none, zero_init=0",
]
HF_T0_3B_2 = [
    "   70.00GB |   0.25GB | offload_param=cpu , offload_optimizer=cpu , zero_init=1",
    "   70.00GB |   0.25GB | offload_param=cpu , offload_optimizer=cpu , zero_init=0",
    "   62.23GB |   2.84GB | offload_param=none, offload_optimizer=cpu , zero_init=1",
    "   62.23GB |   2.84GB | offload_param=none, offload_optimizer=cpu , zero_init=0",
    "    0.74GB |  23.58GB | offload_param=none, offload_optimizer=none, zero_init=1",
    "   31.11GB |  23.58GB | offload_param=none, offload_optimizer=none, zero_init=0",
]
# t5-large, 4 GPUs: "case1 gpu memory: 3291MB", "case2 ... 125MB", "case3 ... 477MB" (>> 20, MiB)
DS_T5_LARGE_CASES = {"none/none": 3291, "cpu/cpu": 125, "none/cpu": 477}
# ZeRO paper Figure 1 (GB, one decimal)
ZERO_FIG1 = {0: "120", 1: "31.4", 2: "16.6", 3: "1.9"}


@dataclass
class Check:
    name: str
    source: str
    expected: str
    got: str
    ok: bool | None  # None: not measurable here (said so in `got`)
    note: str = ""

    def to_json(self) -> dict:
        return {"name": self.name, "source": self.source, "expected": self.expected, "got": self.got,
                "ok": self.ok, "note": self.note}


def _table(name: str, source: str, expected: list[str], rows: list[z.DSRow], note: str = "") -> list[Check]:
    """One check per printed row: CPU and GPU columns as DeepSpeed prints them (its 'GB' = GiB)."""
    out = []
    for e, r in zip(expected, rows, strict=True):
        e_cols = " | ".join(x.strip() for x in e.split("|")[:2])
        g_cols = " | ".join(x.strip() for x in r.line().split("|")[:2])
        out.append(Check(f"{name} [{r.options().replace(' ,', ',')}]", source, e_cols, g_cols, r.line() == e, note))
    return out


def deepspeed_checks() -> list[Check]:
    out = []
    cold2 = z.ds_zero2_rows(2851e6, 8, 1)
    out.append(Check("ZeRO-2 cold, 2851M params, 8 GPUs, offload_optimizer=cpu row", DS_DOCS,
                     DS_ZERO2_COLD_8[0].strip(), cold2[0].line().strip(), cold2[0].line() == DS_ZERO2_COLD_8[0]))
    legacy = z.ds_zero2_rows(2851e6, 8, 1, legacy_docs=True)
    out.append(Check("ZeRO-2 cold, offload_optimizer=none row (docs' older formula 4P + 16P/N)", DS_DOCS,
                     DS_ZERO2_COLD_8[1].strip(), legacy[1].line().strip(), legacy[1].line() == DS_ZERO2_COLD_8[1],
                     f"DeepSpeed's current code (2P + 18P/N) prints {cold2[1].line().strip()}; mianjing follows the code"))
    live2 = z.ds_zero2_rows(T5_3B[0], 8, 1, legacy_docs=True)
    out.extend(_table("ZeRO-2 live t5-3b, 8 GPUs (docs' older formula for the second row)", DS_DOCS,
                      DS_ZERO2_LIVE_8, live2))
    out.extend(_table("ZeRO-3 cold, 2851M params, 32M largest layer, 8 GPUs", DS_DOCS, DS_ZERO3_COLD_8,
                      z.ds_zero3_rows(2851e6, 32e6, 8, 1)))
    out.extend(_table("ZeRO-3 live t5-3b, 8 GPUs", DS_DOCS, DS_ZERO3_LIVE_8, z.ds_zero3_rows(*T5_3B, 8, 1)))
    out.extend(_table("ZeRO-3 live bigscience/T0_3B, 1 GPU", HF_DOCS, HF_T0_3B_1, z.ds_zero3_rows(*T0_3B, 1, 1)))
    out.extend(_table("ZeRO-3 live bigscience/T0_3B, 2 GPUs", HF_DOCS + " (older version)", HF_T0_3B_2,
                      z.ds_zero3_rows(*T0_3B, 2, 1)))
    rows = z.ds_zero3_rows(*T5_LARGE, 4, 1)
    by = {f"{r.offload_param}/{r.offload_optimizer}": r.gpu_bytes_per_gpu >> 20 for r in rows}
    exp = ", ".join(f"{k} {v}MB" for k, v in DS_T5_LARGE_CASES.items())
    got = ", ".join(f"{k} {by[k]}MB" for k in DS_T5_LARGE_CASES)
    out.append(Check("ZeRO-3 GPU cases, t5-large on 4 GPUs (>> 20)", DS_DOCS, exp, got,
                     all(by[k] == v for k, v in DS_T5_LARGE_CASES.items())))
    return out


def paper_checks() -> list[Check]:
    st = z.paper_stages(7_500_000_000, 64)
    got = {s.stage: f"{s.bytes_per_gpu / 1e9:.1f}".rstrip("0").rstrip(".") if s.stage == 0 else
           f"{s.bytes_per_gpu / 1e9:.1f}" for s in st}
    return [Check(f"ZeRO paper Fig. 1, Ψ=7.5B, N_d=64, stage {k}", "Rajbhandari et al. 2020, Figure 1",
                  f"{v} GB", f"{got[k]} GB ({st[k].bytes_per_gpu:,} bytes)", got[k] == v) for k, v in ZERO_FIG1.items()]


def size_checks() -> list[Check]:
    out = []
    for name in preset_names():
        _, cfg = load_config(model=name)
        r = params_from_config(cfg, name)
        p = PUBLISHED.get(name)
        if p and p.total:
            out.append(Check(f"{name} total parameters", f"{p.repo} (safetensors total)", f"{p.total:,}",
                             f"{r.total:,}", r.total == p.total))
        for what, value, tol, desc in PUBLISHED_ROUNDED.get(name, []):
            got = {"total": r.total, "active": r.active, "stored": r.total + r.mtp_stored,
                   "non_embedding": r.non_embedding}[what]
            out.append(Check(f"{name} {what}", p.note if p else "", desc, f"{got:,}",
                             abs(got - value) <= tol * value, f"within {tol:.1%}"))
    return out


def run_checks(measure: bool = False) -> list[Check]:
    checks = deepspeed_checks() + paper_checks() + size_checks()
    if measure:
        from .measure import measured_checks  # imports torch

        checks += measured_checks()
    return checks
