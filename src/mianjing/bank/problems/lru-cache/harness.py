"""lru-cache harness: constructs `LRUCache(capacity)` and replays operations in order.

Explicit cases give `ops` and `args`; the output "out" has one entry per operation: get's return
value, None for put (its return value is ignored, as for a method returning nothing).

Long cases give `generate = {n, key_range, seed}` instead: the operations come from a seeded
`random.Random` right here (identical in the controller and the worker), so tens of thousands of
operations cost no transfer time. Their output is a summary of get's results: "gets", "hits" (results
other than -1) and "checksum", a polynomial hash of the results in order."""

import random

from mianjing.judge.harness import HarnessError

_MOD = (1 << 61) - 1


def generated_ops(n, key_range, seed):
    """n operations, half put and half get on keys in [0, key_range), values in [0, 10^5]."""
    rnd = random.Random(seed)
    for _ in range(n):
        key = rnd.randrange(key_range)
        if rnd.random() < 0.5:
            yield "put", (key, rnd.randrange(100_001))
        else:
            yield "get", (key,)


def run(entry, inputs, dtype, seed):
    cache = entry(inputs["capacity"])
    gen = inputs.get("generate")
    if gen is None:
        ops = zip(inputs["ops"], (tuple(a) for a in inputs["args"]))
    else:
        ops = generated_ops(gen["n"], gen["key_range"], gen["seed"])
    out, gets, hits, checksum = [], 0, 0, 0
    for op, args in ops:
        if op == "get":
            result = cache.get(*args)
            if gen is None:
                out.append(result)
                continue
            if type(result) is not int:
                raise HarnessError(f"get returned {type(result).__name__}, expected an int")
            gets += 1
            hits += result != -1
            checksum = (checksum * 1_000_003 + result + 2) % _MOD
        elif op == "put":
            cache.put(*args)
            if gen is None:
                out.append(None)
        else:
            raise HarnessError(f"judge setup: unknown operation {op!r}", "judge_error")
    if gen is None:
        return {"out": out}
    return {"gets": gets, "hits": hits, "checksum": checksum}
