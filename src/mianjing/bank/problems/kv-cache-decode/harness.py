"""kv-cache-decode harness: feeds the sequence to the submission chunk by chunk (a prefill, then
single tokens or short chunks), with one cache dict kept across the calls, and hands it the four
projections as opaque callables that count the token rows they are applied to.

Counts live in the worker, where a hostile submission can rewrite them, so they only explain honest
mistakes. What the controller can trust is the output: proj.k and proj.v add an offset that changes
from call to call (inputs "k_offsets"/"v_offsets", one row per call), so a key or value computed
again in a later call differs from the one the reference cached, and the attention output shows it.

Outputs: "out", the attention outputs of all steps concatenated along time, (B, T, D); "rows", for
each step the rows fed to [q, k, v, o]. A cache that works applies each projection to the new tokens
only, so every entry must equal B * (tokens in that step); recomputing past keys or values shows up
as a larger count (cases.check explains which step and which projection)."""

from mianjing.judge.harness import HarnessError, tensorize


def _counting(weight, d, counts, slot, offsets=None, step=None):
    """A linear map x -> x W^T (+ the offset of the current call, for k and v) that adds the rows
    (tokens) it is applied to to counts[slot]."""

    def apply(x):
        if not hasattr(x, "shape") or x.dim() < 1 or x.shape[-1] != d:
            raise HarnessError(f"a projection expects a tensor whose last dimension is {d}")
        counts[slot] += x.numel() // d
        y = x @ weight.transpose(0, 1)
        return y if offsets is None else y + offsets[step[0]]

    return apply


class Projections:
    """What the submission receives as `proj`: four callables, q, k, v, o, and nothing else (the
    weights and the counters live in the callables' closures, out of the submission's reach)."""

    __slots__ = ("q", "k", "v", "o")

    def __init__(self, weights, d, counts, offsets, step):
        for slot, name in enumerate(self.__slots__):
            setattr(self, name, _counting(weights["w" + name], d, counts, slot, offsets.get(name), step))


def run(entry, inputs, dtype, seed):
    import torch

    x = tensorize(inputs["x"], dtype)  # (B, T, D)
    B, T, D = x.shape
    counts = [0, 0, 0, 0]  # rows fed to q, k, v, o so far
    step = [0]  # which call of decode_step is running: selects the offset row of k and v
    offsets = {name: tensorize(inputs[f"{name}_offsets"], dtype) for name in ("k", "v") if f"{name}_offsets" in inputs}
    proj = Projections({k: tensorize(inputs[k], dtype) for k in ("wq", "wk", "wv", "wo")}, D, counts, offsets, step)
    n_heads = int(inputs["n_heads"])
    cache = {}
    outs, rows = [], []
    t0 = 0
    for i, s in enumerate(inputs["steps"]):
        step[0] = i
        before = list(counts)
        chunk = x[:, t0:t0 + s].clone()  # a copy: the future is not reachable through the view
        y = entry(chunk, cache, proj, n_heads)
        if not isinstance(y, torch.Tensor):
            raise HarnessError(f"step with {s} new token(s): expected a tensor, got {type(y).__name__}")
        if tuple(y.shape) != (B, s, D):
            raise HarnessError(f"step with {s} new token(s): output shape {tuple(y.shape)}, expected {(B, s, D)}")
        outs.append(y.detach())
        rows.append([a - b for a, b in zip(counts, before)])
        t0 += s
    return {"out": torch.cat(outs, dim=1), "rows": rows}
