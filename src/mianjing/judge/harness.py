"""How a case is executed: call the entry point on the inputs, run backward, collect outputs.

The same code runs the trusted reference in the controller (in float64) and the submission in the
worker (in the problem's dtype), so both are driven identically. It only *produces* values; every
comparison happens in the controller (checkers/). Outputs are plain: numpy arrays or JSON values.

Output names: the problem's `harness.outputs` ("out", ...); `grad.<input>` for the gradient of an
input listed in `harness.grad`; `grad.param.<name>` for parameter gradients (module mode with
`param_grad`); `nograd.<name>` is True when an input or parameter that must get no gradient got one.
"""

from __future__ import annotations

import sys
from typing import Any, Callable

import numpy as np


class HarnessError(Exception):
    """The submission broke the calling contract (wrong return type, missing parameter, ...).

    `verdict` is the failing verdict it deserves: a wrong return type is a wrong answer, a module
    without the parameters the statement names is an invalid submission.
    """

    def __init__(self, message: str, verdict: str = "wrong_answer"):
        super().__init__(message)
        self.verdict = verdict


def _torch():
    import torch

    return torch


# ---------------------------------------------------------------- conversion

def tensorize(value: Any, dtype: str) -> Any:
    """numpy arrays become tensors: floats in `dtype`, ints as int64, bools as bool."""
    if not isinstance(value, np.ndarray):
        return value
    torch = _torch()
    if value.dtype.kind == "f":
        return torch.tensor(value, dtype=getattr(torch, dtype))
    if value.dtype.kind == "b":
        return torch.tensor(value, dtype=torch.bool)
    if value.dtype.kind in "iu":
        return torch.tensor(value, dtype=torch.int64)
    raise HarnessError(f"unsupported input dtype {value.dtype}")


def to_plain(value: Any, what: str = "the return value", depth: int = 0) -> Any:
    """Turn what the code returned into numpy arrays or JSON values; refuse anything else."""
    if depth > 32:
        raise HarnessError(f"{what} is nested too deeply")
    if value is None or isinstance(value, (bool, int, float, str)):
        return value
    if type(value).__module__ == "numpy" and isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        if value.dtype.kind not in "fiub":
            raise HarnessError(f"{what} is an array of dtype {value.dtype}")
        return np.array(value, copy=True)
    torch = sys.modules.get("torch")
    if torch is not None and isinstance(value, torch.Tensor):
        t = torch.Tensor.detach(value).cpu()
        if t.is_complex():
            raise HarnessError(f"{what} is a complex tensor")
        if t.dtype == torch.bfloat16:
            # numpy has no bfloat16 (and no problem works in it): say what it is, not float16
            raise HarnessError(f"{what}: dtype bfloat16; return the statement's dtype (float32 unless it says otherwise)")
        return np.array(t.numpy(), copy=True)
    if isinstance(value, (list, tuple)):
        return [to_plain(v, what, depth + 1) for v in value]
    if isinstance(value, dict):
        out = {}
        for k, v in value.items():
            if not isinstance(k, str):
                raise HarnessError(f"{what} is a dict with a non-string key")
            out[k] = to_plain(v, what, depth + 1)
        return out
    raise HarnessError(f"{what} has type {type(value).__name__}, which the judge cannot read")


# ---------------------------------------------------------------- gradients

def upstream(shape: tuple[int, ...], seed: int, dtype: Any) -> Any:
    """The random upstream gradient for one output: same seed, same values in both processes."""
    torch = _torch()
    g = torch.Generator().manual_seed(seed)
    return torch.randn(shape, generator=g, dtype=torch.float64).to(dtype)


def backward(outputs: list[Any], seed: int) -> None:
    """Backpropagate sum_i <out_i, R_i> with random R_i, so every output element matters."""
    torch = _torch()
    loss = None
    for i, out in enumerate(outputs):
        if isinstance(out, torch.Tensor) and out.requires_grad and out.is_floating_point():
            r = upstream(tuple(out.shape), seed * 1000 + i, out.dtype)
            term = (out * r).sum()
            loss = term if loss is None else loss + term
    if loss is None:
        raise HarnessError(
            "no returned tensor depends on the inputs through autograd "
            "(did you detach, use .data, or build the result with numpy?)"
        )
    loss.backward()


def _grad_value(t: Any) -> Any:
    if t.grad is None:
        return None  # the checker reports "no gradient reached ..."
    return to_plain(t.grad)


def _got_grad(t: Any) -> bool:
    torch = _torch()
    return t.grad is not None and bool(torch.any(t.grad != 0))


# ---------------------------------------------------------------- modes

def _split_outputs(result: Any, names: list[str]) -> dict[str, Any]:
    if len(names) == 1:
        return {names[0]: result}
    if not isinstance(result, (tuple, list)) or len(result) != len(names):
        raise HarnessError(
            f"expected a tuple of {len(names)} values ({', '.join(names)}), got {type(result).__name__}"
            + (f" of length {len(result)}" if isinstance(result, (tuple, list)) else "")
        )
    return dict(zip(names, result))


def run_function(entry: Callable, inputs: dict[str, Any], spec: Any, dtype: str, seed: int) -> dict[str, Any]:
    """Call entry(**inputs). Model problems: tensors in, backward through the outputs."""
    if not callable(entry):
        raise HarnessError("the entry point is not callable")
    want_grad = list(spec.grad) + list(spec.no_grad)
    if not want_grad:
        kwargs = {k: tensorize(v, dtype) for k, v in inputs.items()} if _uses_torch(inputs) else inputs
        result = entry(**kwargs)
        return {k: to_plain(v, f"output '{k}'") for k, v in _split_outputs(result, spec.outputs).items()}

    torch = _torch()
    kwargs = {k: tensorize(v, dtype) for k, v in inputs.items()}
    for name in want_grad:
        t = kwargs.get(name)
        if not isinstance(t, torch.Tensor) or not t.is_floating_point():
            raise HarnessError(f"judge setup: input '{name}' is not a float tensor")
        t.requires_grad_(True)
    result = entry(**kwargs)
    named = _split_outputs(result, spec.outputs)
    backward(list(named.values()), seed)
    out = {k: to_plain(v, f"output '{k}'") for k, v in named.items()}
    for name in spec.grad:
        out[f"grad.{name}"] = _grad_value(kwargs[name])
    for name in spec.no_grad:
        out[f"nograd.{name}"] = _got_grad(kwargs[name])
    return out


def run_module(entry: Callable, inputs: dict[str, Any], spec: Any, dtype: str, seed: int) -> dict[str, Any]:
    """entry is an nn.Module class: construct with inputs['init'], load inputs['params'], call forward."""
    torch = _torch()
    inputs = dict(inputs)
    init = inputs.pop("init", {}) or {}
    params = inputs.pop("params", {}) or {}
    module = entry(**init)
    if not isinstance(module, torch.nn.Module):
        raise HarnessError(f"{getattr(entry, '__name__', 'the entry')} must be a torch.nn.Module subclass", "invalid_submission")
    module = module.to(getattr(torch, dtype))
    named = dict(module.named_parameters())
    with torch.no_grad():
        for name, arr in params.items():
            if name not in named:
                raise HarnessError(
                    f"your module has no parameter '{name}' (it has: {', '.join(sorted(named)) or 'none'}); "
                    "the statement fixes the parameter names",
                    "invalid_submission",
                )
            p = named[name]
            if tuple(p.shape) != tuple(arr.shape):
                raise HarnessError(
                    f"parameter '{name}' has shape {tuple(p.shape)}, the statement requires {tuple(arr.shape)}",
                    "invalid_submission",
                )
            p.copy_(torch.tensor(arr, dtype=p.dtype))
    kwargs = {k: tensorize(v, dtype) for k, v in inputs.items()}
    for name in list(spec.grad) + [n for n in spec.no_grad if not n.startswith("param.")]:
        kwargs[name].requires_grad_(True)
    result = module(**kwargs)
    outs = _split_outputs(result, spec.outputs)
    wants_backward = spec.grad or spec.param_grad or spec.no_grad
    if wants_backward:
        backward(list(outs.values()), seed)
    out = {k: to_plain(v, f"output '{k}'") for k, v in outs.items()}
    for name in spec.grad:
        out[f"grad.{name}"] = _grad_value(kwargs[name])
    if spec.param_grad:
        for name in params:
            p = named[name]
            if f"param.{name}" in spec.no_grad:
                continue
            out[f"grad.param.{name}"] = _grad_value(p)
    for name in spec.no_grad:
        if name.startswith("param."):
            p = named.get(name[len("param."):])
            if p is None:
                raise HarnessError(f"your module has no parameter '{name[len('param.'):]}'")
            out[f"nograd.{name}"] = bool(p.requires_grad) or _got_grad(p)
        else:
            out[f"nograd.{name}"] = _got_grad(kwargs[name])
    return out


def _uses_torch(inputs: dict[str, Any]) -> bool:
    return any(isinstance(v, np.ndarray) for v in inputs.values())


def run_case(entry: Any, inputs: dict[str, Any], spec: Any, dtype: str, seed: int, custom: Any = None) -> dict[str, Any]:
    """Run one case in the given mode and return plain outputs by name."""
    if spec.mode == "custom":
        out = custom["run"](entry, inputs, dtype=dtype, seed=seed)
        if not isinstance(out, dict):
            raise HarnessError("judge setup: custom harness must return a dict")
        return {k: to_plain(v, f"output '{k}'") for k, v in out.items()}
    if spec.mode == "module":
        return run_module(entry, inputs, spec, dtype, seed)
    return run_function(entry, inputs, spec, dtype, seed)


def load_custom(source: str | None) -> dict[str, Any] | None:
    """A problem's harness.py: defines run(entry, inputs, dtype, seed) and optionally setup(namespace)."""
    if source is None:
        return None
    ns: dict[str, Any] = {"__name__": "mianjing_problem_harness"}
    exec(compile(source, "<problem harness>", "exec"), ns)
    return ns
