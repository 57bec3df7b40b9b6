"""mla harness: builds the submission's module, loads the parameters by name, then decodes the
sequence chunk by chunk with one cache dict kept across calls, recording after every call which
entries the cache holds.

Outputs: "out" (B, T, D), all steps' outputs concatenated along time; "c_kv" and "k_rope", the
cache's two entries after the last call (None if missing); "cache_keys", per call the sorted names
in the cache, so caching decompressed keys or values shows (cases.check explains)."""

from mianjing.judge.harness import HarnessError, tensorize


def _load(module, params, torch):
    named = dict(module.named_parameters())
    with torch.no_grad():
        for name, arr in params.items():
            if name not in named:
                raise HarnessError(
                    f"your module has no parameter '{name}' (it has: {', '.join(sorted(named)) or 'none'}); "
                    "the statement fixes the parameter names", "invalid_submission")
            p = named[name]
            if tuple(p.shape) != tuple(arr.shape):
                raise HarnessError(f"parameter '{name}' has shape {tuple(p.shape)}, the statement requires "
                                   f"{tuple(arr.shape)}", "invalid_submission")
            p.copy_(torch.tensor(arr, dtype=p.dtype))


def run(entry, inputs, dtype, seed):
    import torch

    module = entry(**inputs["init"])
    if not isinstance(module, torch.nn.Module):
        raise HarnessError("MLA must be a torch.nn.Module subclass", "invalid_submission")
    module = module.to(getattr(torch, dtype))
    _load(module, inputs["params"], torch)
    x = tensorize(inputs["x"], dtype)  # (B, T, D)
    B, T, D = x.shape
    cache = {}
    outs, keys = [], []
    t0 = 0
    with torch.no_grad():
        for s in inputs["steps"]:
            y = module(x[:, t0:t0 + s].clone(), cache)
            if not isinstance(y, torch.Tensor) or tuple(y.shape) != (B, s, D):
                got = tuple(y.shape) if isinstance(y, torch.Tensor) else type(y).__name__
                raise HarnessError(f"a call with {s} new token(s) returned {got}, expected a tensor of shape {(B, s, D)}")
            outs.append(y)
            if not isinstance(cache, dict):
                raise HarnessError("the cache must stay a dict")
            keys.append(sorted(str(k) for k in cache))
            t0 += s
    c_kv, k_rope = cache.get("c_kv"), cache.get("k_rope")
    return {"out": torch.cat(outs, dim=1), "c_kv": c_kv if isinstance(c_kv, torch.Tensor) else None,
            "k_rope": k_rope if isinstance(k_rope, torch.Tensor) else None, "cache_keys": keys}
