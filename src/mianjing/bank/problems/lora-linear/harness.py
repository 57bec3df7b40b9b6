"""lora-linear harness: builds the module (seeded), reports its initial state, loads the case's
parameters, runs forward and backward, then merge() and unmerge() and reads the weights back.

Outputs:
  init.A, init.B            lora_A and lora_B right after construction (checked statistically)
  init.trainable            {parameter name: requires_grad} right after construction
  out, grad.x, grad.param.lora_A, grad.param.lora_B   forward and gradients with the case's parameters
  nograd.param.base.weight, nograd.param.base.bias    True when a frozen parameter got a gradient
  weight_merged, out_merged     base.weight after merge() and the forward in the merged state
  weight_unmerged, out_unmerged the same after unmerge()
"""

from mianjing.judge.harness import HarnessError, backward, tensorize

PARAMS = ("base.weight", "base.bias", "lora_A", "lora_B")


def _grad(p):
    return None if p.grad is None else p.grad


def _got_grad(p):
    import torch

    return bool(p.requires_grad) or (p.grad is not None and bool(torch.any(p.grad != 0)))


def run(entry, inputs, dtype, seed):
    import torch

    init = dict(inputs["init"])
    torch.manual_seed(seed)
    module = entry(**init)
    if not isinstance(module, torch.nn.Module):
        raise HarnessError("LoRALinear must be a torch.nn.Module subclass", "invalid_submission")
    module = module.to(getattr(torch, dtype))
    named = dict(module.named_parameters())
    want = [n for n in PARAMS if init.get("bias", True) or n != "base.bias"]
    missing = [n for n in want if n not in named]
    if missing:
        raise HarnessError(
            f"your module has no parameter(s) {missing} (it has: {', '.join(sorted(named)) or 'none'}); "
            "the statement fixes the names base.weight, base.bias, lora_A, lora_B", "invalid_submission")
    out = {
        "init.A": named["lora_A"].detach().clone(),
        "init.B": named["lora_B"].detach().clone(),
        "init.trainable": {n: bool(named[n].requires_grad) for n in want},
    }

    # load the case's parameters (B no longer zero, so the LoRA path shows)
    with torch.no_grad():
        for name, arr in inputs["params"].items():
            p = named[name]
            if tuple(p.shape) != tuple(arr.shape):
                raise HarnessError(f"parameter '{name}' has shape {tuple(p.shape)}, the statement requires "
                                   f"{tuple(arr.shape)}", "invalid_submission")
            p.copy_(torch.tensor(arr, dtype=p.dtype))
    x = tensorize(inputs["x"], dtype).requires_grad_(True)
    y = module(x)
    backward([y], seed)
    out["out"] = y
    out["grad.x"] = x.grad
    out["grad.param.lora_A"] = _grad(named["lora_A"])
    out["grad.param.lora_B"] = _grad(named["lora_B"])
    out["nograd.param.base.weight"] = _got_grad(named["base.weight"])
    if "base.bias" in want:
        out["nograd.param.base.bias"] = _got_grad(named["base.bias"])

    x2 = tensorize(inputs["x"], dtype)
    with torch.no_grad():
        module.merge()
        out["weight_merged"] = named["base.weight"].detach().clone()
        out["out_merged"] = module(x2)
        module.unmerge()
        out["weight_unmerged"] = named["base.weight"].detach().clone()
        out["out_unmerged"] = module(x2)
    return out
