"""grad-clip harness: builds leaf parameters, sets their .grad (None where the case says), calls
clip_grad_norm(params, max_norm, norm_type), and reads back the returned norm and every .grad."""

from mianjing.judge.harness import HarnessError, tensorize


def run(entry, inputs, dtype, seed):
    import torch

    params = []
    for value, grad in zip(inputs["params"], inputs["grads"]):
        p = tensorize(value, dtype).requires_grad_(True)
        p.grad = None if grad is None else tensorize(grad, dtype)
        params.append(p)
    norm_type = inputs["norm_type"]
    norm_type = float("inf") if norm_type == "inf" else float(norm_type)
    total = entry(params, max_norm=float(inputs["max_norm"]), norm_type=norm_type)
    if not isinstance(total, torch.Tensor):
        raise HarnessError(f"clip_grad_norm must return a 0-dim tensor, got {type(total).__name__}")
    out = {"total_norm": total}
    for i, p in enumerate(params):
        out[f"grad{i}"] = None if p.grad is None else p.grad.detach().clone()
    return out
