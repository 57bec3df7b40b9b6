"""Activation memory of Llama-style decoder layers on a real GPU, next to what `calc train` counts.

`calc train` counts the tensors each decoder layer keeps for backward (mianjing.calc.train.
layer_activation_bytes): without checkpointing, every layer's; with activation checkpointing, each
layer's input (2·s·b·h) plus one layer while it is recomputed. This script builds layers as
transformers' eager Llama does (RMSNorm upcast to fp32, GQA through scaled_dot_product_attention, a
flash kernel on the GPU, SwiGLU MLP), with a preset's real widths and bf16 weights and inputs, and
measures:

- held after forward: memory allocated after the forward pass minus before it, per layer, without and
  with torch.utils.checkpoint around each layer;
- backward's peak above what forward held, with checkpointing (the recomputed layer and backward's
  temporaries; parameter gradients are allocated beforehand so they do not count).

Next to each: Korthikanti et al.'s GPT-block figure (34·s·b·h per layer) and mianjing's count. Needs a
CUDA GPU; run from the repository root (it imports mianjing from src/).

    python bench/activation_memory.py [--layers 4] [--json FILE]
"""

from __future__ import annotations

import argparse
import json

SHAPES = [("llama-3.1-8b", 4096, 1), ("llama-3.1-8b", 8192, 1), ("llama-3.1-8b", 2048, 4),
          ("qwen2.5-32b", 4096, 1)]  # (preset, seq, batch): the preset's widths, a few layers


def build(torch, h: int, heads: int, kv: int, f: int, layers: int):
    nn = torch.nn
    F = torch.nn.functional

    class RMSNorm(nn.Module):
        def __init__(self):
            super().__init__()
            self.w = nn.Parameter(torch.ones(h))

        def forward(self, x):  # as transformers' LlamaRMSNorm: one fp32 copy
            xf = x.to(torch.float32)
            v = xf.pow(2).mean(-1, keepdim=True)
            return self.w * (xf * torch.rsqrt(v + 1e-6)).to(x.dtype)

    class Layer(nn.Module):
        def __init__(self):
            super().__init__()
            d = h // heads
            self.n1, self.n2 = RMSNorm(), RMSNorm()
            self.q = nn.Linear(h, heads * d, bias=False)
            self.k = nn.Linear(h, kv * d, bias=False)
            self.v = nn.Linear(h, kv * d, bias=False)
            self.o = nn.Linear(heads * d, h, bias=False)
            self.gate = nn.Linear(h, f, bias=False)
            self.up = nn.Linear(h, f, bias=False)
            self.down = nn.Linear(f, h, bias=False)
            self.heads, self.kv, self.d = heads, kv, d

        def forward(self, x):
            b, s, _ = x.shape
            y = self.n1(x)
            q = self.q(y).view(b, s, self.heads, self.d).transpose(1, 2)
            k = self.k(y).view(b, s, self.kv, self.d).transpose(1, 2)
            v = self.v(y).view(b, s, self.kv, self.d).transpose(1, 2)
            a = F.scaled_dot_product_attention(q, k, v, is_causal=True, enable_gqa=True)
            x = x + self.o(a.transpose(1, 2).reshape(b, s, -1))
            y = self.n2(x)
            return x + self.down(F.silu(self.gate(y)) * self.up(y))

    return nn.ModuleList([Layer() for _ in range(layers)])


def measure(torch, shape, layers: int) -> dict:
    from torch.utils.checkpoint import checkpoint

    from mianjing.calc.params import arch_from_config
    from mianjing.calc.presets import load_config
    from mianjing.calc.train import layer_activation_bytes

    name, s, b = shape
    a = arch_from_config(load_config(name)[1], name)
    h, heads, kv, f = a.hidden, a.heads, a.kv_heads, a.intermediate
    dev = "cuda"
    model = build(torch, h, heads, kv, f, layers).to(device=dev, dtype=torch.bfloat16)
    out = {"model": name, "hidden": h, "heads": heads, "kv_heads": kv, "mlp": f, "seq": s, "batch": b, "layers": layers}
    for p in model.parameters():  # gradients allocated up front: backward's peak is then activations only
        p.grad = torch.zeros_like(p)
    for ckpt in (False, True):
        torch.cuda.synchronize()
        torch.cuda.empty_cache()
        x = torch.randn(b, s, h, device=dev, dtype=torch.bfloat16, requires_grad=True)
        before = torch.cuda.memory_allocated()
        y = x
        for layer in model:
            y = checkpoint(layer, y, use_reentrant=False) if ckpt else layer(y)
        torch.cuda.synchronize()
        held = torch.cuda.memory_allocated() - before
        torch.cuda.reset_peak_memory_stats()
        after_fwd = torch.cuda.memory_allocated()
        y.float().sum().backward()
        torch.cuda.synchronize()
        peak_extra = torch.cuda.max_memory_allocated() - after_fwd
        key = "ckpt" if ckpt else "no_ckpt"
        out[f"held_{key}"] = held
        out[f"backward_peak_extra_{key}"] = peak_extra
        del x, y
    sbh = s * b * h
    out["korthikanti_per_layer"] = 34 * sbh
    out["mianjing_per_layer"] = layer_activation_bytes(a, s, b)[1]
    out["mianjing_ckpt_per_layer"] = 2 * sbh
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--layers", type=int, default=4)
    ap.add_argument("--json", help="also write the measurements to this file")
    args = ap.parse_args()
    import torch

    if not torch.cuda.is_available():
        print("no CUDA GPU: nothing measured")
        return
    print(f"{torch.cuda.get_device_name(0)}, torch {torch.__version__}, bf16, {args.layers} layers, "
          "SDPA attention; MiB; ratio = measured / counted")
    rows = []
    for shape in SHAPES:
        r = measure(torch, shape, args.layers)
        rows.append(r)
        L, MiB = args.layers, 2**20
        print(f"\n{r['model']} widths (h {r['hidden']}, MLP {r['mlp']}, {r['heads']}/{r['kv_heads']} heads), "
              f"seq {r['seq']} × batch {r['batch']}")
        print(f"  {'':42} {'measured':>9} {'mianjing':>9} {'ratio':>6} {'34·sbh':>9} {'ratio':>6}")
        korth, ours, inputs = r["korthikanti_per_layer"], r["mianjing_per_layer"], r["mianjing_ckpt_per_layer"]
        for label, got, mine, theirs in (
            ("held per layer, no checkpointing", r["held_no_ckpt"] / L, ours, korth),
            ("held per layer, checkpointing", r["held_ckpt"] / L, inputs, inputs),
            ("backward peak above held, checkpointing", r["backward_peak_extra_ckpt"], ours, korth),
        ):
            print(f"  {label:42} {got / MiB:9.1f} {mine / MiB:9.1f} {got / mine:6.2f} {theirs / MiB:9.1f} "
                  f"{got / theirs:6.2f}")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(rows, fh, indent=1)


if __name__ == "__main__":
    main()
