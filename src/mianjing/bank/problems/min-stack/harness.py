"""min-stack harness: constructs `MinStack()` and replays operations.

Explicit cases give `ops` ("push", "pop", "top", "getMin") and `args`; "out" has one entry per
operation: the result of top and getMin, None for push and pop. Long cases give `generate = {n,
seed}`: operations from a seeded `random.Random` here (identical in the controller and the worker),
never popping an empty stack, summarised as "reads" and "checksum" (a polynomial hash of the
results of top and getMin)."""

import random

from mianjing.judge.harness import HarnessError

_MOD = (1 << 61) - 1
READS = ("top", "getMin")


def generated_ops(n, seed):
    rnd = random.Random(seed)
    size = 0
    for _ in range(n):
        r = rnd.random()
        if size == 0 or r < 0.45:
            # small values repeat often, so the minimum is often duplicated
            yield "push", (rnd.randint(-50, 50) if rnd.random() < 0.7 else rnd.randint(-(2**31), 2**31 - 1),)
            size += 1
        elif r < 0.65:
            yield "pop", ()
            size -= 1
        else:
            yield READS[rnd.random() < 0.6], ()


def run(entry, inputs, dtype, seed):
    stack = entry()
    gen = inputs.get("generate")
    ops = generated_ops(gen["n"], gen["seed"]) if gen else zip(inputs["ops"], (tuple(a) for a in inputs["args"]))
    out, reads, checksum = [], 0, 0
    for op, args in ops:
        if op not in ("push", "pop", "top", "getMin"):
            raise HarnessError(f"judge setup: unknown operation {op!r}", "judge_error")
        result = getattr(stack, op)(*args)
        if op in READS:
            if type(result) is not int:
                raise HarnessError(f"{op} returned {type(result).__name__}, expected an int")
            if gen:
                reads += 1
                checksum = (checksum * 1_000_003 + result + 2**31) % _MOD
                continue
        else:
            result = None  # push and pop return nothing; what they return is ignored
        if not gen:
            out.append(result)
    return {"reads": reads, "checksum": checksum} if gen else {"out": out}
