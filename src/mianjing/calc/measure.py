"""Real PyTorch measurements on CPU that the formulas must equal. This module imports torch (inside
its functions); only `calc verify --measure` and the tests call it.

1. Mixed-precision AdamW step: bf16 weights and gradients, fp32 master weights, fp32 Adam moments:
   the bytes of every tensor after a real step equal (2 + 2 + 12)Ψ, the ZeRO paper's 16 bytes/param.
2. ZeRO-1 sharding: torch's ZeroRedundancyOptimizer across N gloo processes; each rank's Adam moments
   equal 8Ψ/N (ZeroRedundancyOptimizer shards the moments but not fp32 master weights, which are
   the model's own parameters here; DeepSpeed shards those too, giving the paper's 12Ψ/N).
3. ZeRO-3 sharding: FSDP2 (`fully_shard`) across the same processes with bf16 compute: each rank's
   fp32 parameter shard + fp32 gradient shard + Adam moments equal 16Ψ/N, the paper's (2 + 2 + 12)Ψ/N
   in total (FSDP keeps the 16 bytes as 4 + 4 + 8 rather than 2 + 2 + 12).
4. KV cache: a real transformers forward pass with a cache; the cache tensors' bytes equal `calc kv`
   (GQA, and MLA, whose transformers 5 cache holds the compressed latent).
Activation memory is not measured here (CPU tensors give no allocator peak comparable to a GPU's);
bench/activation_memory.py measures it on a GPU (bench/results/activation_memory_h200.txt).
"""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass


@dataclass
class Measured:
    name: str
    measured: int
    formula: int
    detail: str

    @property
    def ok(self) -> bool:
        return self.measured == self.formula


def _nbytes(t) -> int:
    return t.numel() * t.element_size()


def _small_model(torch, dtype=None):
    torch.manual_seed(0)
    m = torch.nn.Sequential(*[torch.nn.Linear(64, 64, bias=False) for _ in range(4)])
    return m.to(dtype) if dtype is not None else m


def mixed_precision_adamw() -> list[Measured]:
    """One real mixed-precision AdamW step; returns the bytes of each kind of state vs the formula."""
    import torch

    model = _small_model(torch, torch.bfloat16)
    params = list(model.parameters())
    psi = sum(p.numel() for p in params)
    master = [p.detach().float().clone().requires_grad_(True) for p in params]
    opt = torch.optim.AdamW(master, lr=1e-3)
    x = torch.randn(8, 64, dtype=torch.bfloat16)
    model(x).float().pow(2).mean().backward()
    for mp, p in zip(master, params):  # fp32 copy of the 16-bit gradient for the update, then freed
        mp.grad = p.grad.float()
    opt.step()
    for mp in master:
        mp.grad = None
    with torch.no_grad():
        for p, mp in zip(params, master):
            p.copy_(mp)
    w = sum(_nbytes(p) for p in params)
    g = sum(_nbytes(p.grad) for p in params)
    mw = sum(_nbytes(p) for p in master)
    moments = sum(_nbytes(v) for s in opt.state.values() for k, v in s.items() if k in ("exp_avg", "exp_avg_sq"))
    steps = sum(_nbytes(v) for s in opt.state.values() for k, v in s.items() if k == "step")
    return [
        Measured("bf16 weights", w, 2 * psi, f"2 × Ψ, Ψ = {psi:,}"),
        Measured("bf16 gradients", g, 2 * psi, "2 × Ψ"),
        Measured("optimizer states (fp32 master + Adam m, v)", mw + moments, 12 * psi,
                 f"K × Ψ = 12 × Ψ; torch also keeps a {steps}-byte 'step' counter, not counted"),
        Measured("total model states", w + g + mw + moments, 16 * psi, "(2 + 2 + 12) × Ψ"),
    ]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _worker(rank: int, world: int, port: int, queue) -> None:  # runs in a spawned process
    import torch
    import torch.distributed as dist

    os.environ["MASTER_ADDR"] = "127.0.0.1"
    os.environ["MASTER_PORT"] = str(port)
    torch.set_num_threads(1)
    dist.init_process_group("gloo", rank=rank, world_size=world)
    result: dict = {"rank": rank}
    try:
        from torch.distributed.optim import ZeroRedundancyOptimizer

        model = _small_model(torch)
        psi = sum(p.numel() for p in model.parameters())
        zro = ZeroRedundancyOptimizer(model.parameters(), optimizer_class=torch.optim.AdamW, lr=1e-3)
        model(torch.randn(8, 64)).pow(2).mean().backward()
        zro.step()
        result["psi"] = psi
        result["zero1_moments"] = sum(_nbytes(v) for s in zro.optim.state.values() for k, v in s.items()
                                      if k in ("exp_avg", "exp_avg_sq"))
    except Exception as exc:  # pragma: no cover - reported, not hidden
        result["zero1_error"] = f"{type(exc).__name__}: {exc}"
    try:
        from torch.distributed.device_mesh import init_device_mesh
        from torch.distributed.fsdp import MixedPrecisionPolicy, fully_shard

        mesh = init_device_mesh("cpu", (world,))
        model = _small_model(torch)
        mp = MixedPrecisionPolicy(param_dtype=torch.bfloat16, reduce_dtype=torch.float32)
        for layer in model:
            fully_shard(layer, mesh=mesh, mp_policy=mp)
        fully_shard(model, mesh=mesh, mp_policy=mp)
        opt = torch.optim.AdamW(model.parameters(), lr=1e-3)
        model(torch.randn(8, 64)).float().pow(2).mean().backward()
        opt.step()
        local = [p.to_local() for p in model.parameters()]
        grads = [p.grad.to_local() for p in model.parameters()]
        mom = sum(_nbytes(v.to_local() if hasattr(v, "to_local") else v) for s in opt.state.values()
                  for k, v in s.items() if k in ("exp_avg", "exp_avg_sq"))
        result["fsdp_params"] = sum(_nbytes(t) for t in local)
        result["fsdp_grads"] = sum(_nbytes(t) for t in grads)
        result["fsdp_moments"] = mom
        result["fsdp_param_dtype"] = str(local[0].dtype)
    except Exception as exc:  # FSDP on CPU depends on the torch build: reported, not hidden
        result["fsdp_error"] = f"{type(exc).__name__}: {exc}"
    finally:
        dist.barrier()
        dist.destroy_process_group()
    queue.put(result)


def sharded(world: int = 2) -> list[Measured | tuple[str, str]]:
    """ZeRO-1 (ZeroRedundancyOptimizer) and ZeRO-3 (FSDP2) per-rank bytes across `world` gloo processes."""
    import torch.multiprocessing as mp

    ctx = mp.get_context("spawn")
    queue = ctx.SimpleQueue()
    mp.start_processes(_worker, args=(world, _free_port(), queue), nprocs=world, join=True, start_method="spawn")
    results = sorted((queue.get() for _ in range(world)), key=lambda r: r["rank"])
    out: list = []
    for r in results:
        rk = r["rank"]
        if "zero1_error" in r:
            out.append((f"ZeRO-1 rank {rk}", r["zero1_error"]))
        else:
            psi = r["psi"]
            out.append(Measured(f"ZeRO-1 (ZeroRedundancyOptimizer) rank {rk}/{world}: Adam m, v bytes",
                                r["zero1_moments"], 8 * psi // world, f"8 × Ψ / N = 8 × {psi:,} / {world}"))
        if "fsdp_error" in r:
            out.append((f"ZeRO-3 (FSDP2) rank {rk}", r["fsdp_error"]))
        else:
            psi = results[0].get("psi", 16384)
            tot = r["fsdp_params"] + r["fsdp_grads"] + r["fsdp_moments"]
            out.append(Measured(f"ZeRO-3 (FSDP2, bf16 compute) rank {rk}/{world}: params + grads + Adam bytes", tot,
                                16 * psi // world, f"(2 + 2 + 12) × Ψ / N = 16 × {psi:,} / {world} "
                                f"(FSDP: {r['fsdp_param_dtype']} shard 4 + grad 4 + m, v 8)"))
    return out


def kv_cache_bytes() -> list[Measured]:
    """Real cache tensors from transformers forward passes vs `calc kv`."""
    import torch
    from transformers import DeepseekV3Config, DeepseekV3ForCausalLM, LlamaConfig, LlamaForCausalLM

    from .kv import kv_cache
    from .params import arch_from_config

    out = []
    B, S = 2, 24
    llama = dict(model_type="llama", vocab_size=256, hidden_size=64, intermediate_size=128, num_hidden_layers=3,
                 num_attention_heads=8, num_key_value_heads=2, tie_word_embeddings=False)
    ds = dict(model_type="deepseek_v3", vocab_size=256, hidden_size=64, intermediate_size=128,
              moe_intermediate_size=32, num_hidden_layers=2, num_attention_heads=4, num_key_value_heads=4,
              n_routed_experts=4, n_shared_experts=1, num_experts_per_tok=2, first_k_dense_replace=1,
              n_group=1, topk_group=1, q_lora_rank=32, kv_lora_rank=16, qk_rope_head_dim=8,
              qk_nope_head_dim=16, v_head_dim=16, tie_word_embeddings=False)
    for name, cfg, cls, ccls in (("tiny GQA (Llama)", llama, LlamaForCausalLM, LlamaConfig),
                                 ("tiny MLA (DeepSeek-V3)", ds, DeepseekV3ForCausalLM, DeepseekV3Config)):
        kw = {k: v for k, v in cfg.items() if k != "model_type"}
        torch.manual_seed(0)
        model = cls(ccls(**kw)).to(torch.bfloat16).eval()
        latents: list = []
        for mod in model.modules():  # MLA: the compressed latent c_KV and shared RoPE key, as computed
            if hasattr(mod, "kv_a_proj_with_mqa"):
                mod.kv_a_proj_with_mqa.register_forward_hook(lambda m, i, o: latents.append(o))
        with torch.no_grad():
            res = model(torch.randint(0, 256, (B, S)), use_cache=True)
        cache = getattr(res, "cache", None) or res.past_key_values
        got = sum(_nbytes(layer.keys) + _nbytes(layer.values) for layer in cache.layers)
        a = arch_from_config(cfg, name)
        if a.is_mla:
            lat = kv_cache(a, S, B, "bf16", 2)
            out.append(Measured(f"{name}: transformers' cache tensors after a forward pass", got, lat.total_bytes,
                                f"calc kv (MLA latent): {lat.own.formula} × {B} × {S}"))
            out.append(Measured(f"{name}: latent c_KV + RoPE key as computed (kv_a_proj_with_mqa outputs)",
                                sum(_nbytes(t) for t in latents), lat.total_bytes, "calc kv (MLA latent)"))
        else:
            rep = kv_cache(a, S, B, "bf16", 2)
            out.append(Measured(f"{name}: cache tensors after a forward pass", got, rep.total_bytes,
                                f"calc kv: {rep.own.formula} × {B} × {S}"))
    return out


def transformers_param_counts() -> list[Measured]:
    """Every preset built by transformers on the meta device vs `calc params`."""
    import torch
    from transformers import AutoConfig, AutoModelForCausalLM

    from .params import params_from_config
    from .presets import load_config, preset_names

    out = []
    for name in preset_names():
        _, cfg = load_config(model=name)
        kw = {k: v for k, v in cfg.items() if k not in ("model_type", "quantization_config")}
        conf = AutoConfig.for_model(cfg["model_type"], **kw)
        with torch.device("meta"):
            model = AutoModelForCausalLM.from_config(conf)
        got = sum(p.numel() for p in model.parameters())
        out.append(Measured(f"{name}: {type(model).__name__} on meta device", got,
                            params_from_config(cfg, name).total, "calc params total"))
    return out


def measured_checks():
    from .verify import Check

    checks: list[Check] = []

    def add(items, source):
        for m in items:
            if isinstance(m, tuple):
                checks.append(Check(m[0], source, "measurable", f"not measurable here: {m[1]}", None))
            else:
                unit = "" if "parameters" in source else " bytes"
                checks.append(Check(m.name, source, f"{m.formula:,}{unit}", f"{m.measured:,}{unit} measured",
                                    m.ok, m.detail))

    add(mixed_precision_adamw(), "PyTorch CPU, AdamW step")
    add(sharded(2), "PyTorch CPU, 2 gloo processes")
    try:
        add(kv_cache_bytes(), "transformers forward pass, CPU")
        add(transformers_param_counts(), "transformers models (parameters)")
    except ImportError as exc:
        checks.append(Check("transformers cross-checks", "transformers", "installed", f"skipped: {exc}", None))
    checks.append(Check("activation memory", "bench/activation_memory.py on a GPU", "layer_activation_bytes",
                        "not measured on CPU (no GPU allocator peak); on an H200 the count is within 3% of "
                        "bench/results/activation_memory_h200.txt", None))
    return checks
