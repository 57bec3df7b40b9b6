"""Optimiser harness: builds leaf parameters, constructs the submission's optimiser on them, and for
each step sets every parameter's .grad to the given gradient (or None where the case says so), calls
step(), and records the parameter values. Outputs "param<i>": an array of shape (steps, *shape) with
parameter i after each step; the whole trajectory is compared with the reference."""

from mianjing.judge.harness import HarnessError, tensorize


def run(entry, inputs, dtype, seed):
    import torch

    params = [tensorize(a, dtype).requires_grad_(True) for a in inputs["params"]]
    grads = [tensorize(g, dtype) for g in inputs["grads"]]          # grads[i]: (steps, *shape_i)
    present = inputs["present"]                                      # present[t][i]: is grad i set at step t
    opt = entry(params, **inputs["hparams"])
    traj = [[] for _ in params]
    for t in range(len(present)):
        for i, p in enumerate(params):
            p.grad = grads[i][t].clone() if present[t][i] else None
        opt.step()
        for i, p in enumerate(params):
            if not isinstance(p, torch.Tensor) or tuple(p.shape) != tuple(grads[i].shape[1:]):
                raise HarnessError(f"parameter {i} changed shape or type during step()")
            traj[i].append(p.detach().clone())
    return {f"param{i}": torch.stack(v) for i, v in enumerate(traj)}
