"""find-median-from-data-stream harness: constructs `MedianFinder()` and replays operations.

Explicit cases give `ops` ("addNum" / "findMedian") and `args`; "out" has one entry per operation:
None for addNum, the median for findMedian. Long cases give `generate = {n, lo, hi, query_every,
seed}`: the stream comes from a seeded `random.Random` here (the same in the controller and the
worker), and the output summarises the medians: "queries" and "checksum" (a polynomial hash of
2 * median, which is an integer)."""

import random

from mianjing.judge.harness import HarnessError

_MOD = (1 << 61) - 1


def _median_value(result):
    if isinstance(result, bool) or not isinstance(result, (int, float)):
        raise HarnessError(f"findMedian returned {type(result).__name__}, expected a float")
    return float(result)


def generated_ops(n, lo, hi, query_every, seed):
    rnd = random.Random(seed)
    for i in range(n):
        yield "addNum", (rnd.randint(lo, hi),)
        if i % query_every == query_every - 1:
            yield "findMedian", ()


def run(entry, inputs, dtype, seed):
    finder = entry()
    gen = inputs.get("generate")
    if gen is None:
        ops = zip(inputs["ops"], (tuple(a) for a in inputs["args"]))
    else:
        ops = generated_ops(gen["n"], gen["lo"], gen["hi"], gen["query_every"], gen["seed"])
    out, queries, checksum = [], 0, 0
    for op, args in ops:
        if op == "addNum":
            finder.addNum(*args)
            if gen is None:
                out.append(None)
        elif op == "findMedian":
            median = _median_value(finder.findMedian())
            if gen is None:
                out.append(median)
                continue
            twice = 2 * median
            if twice != int(twice):
                raise HarnessError(f"findMedian returned {median}, which is not a median of integers")
            queries += 1
            checksum = (checksum * 1_000_003 + int(twice) + 10**6) % _MOD
        else:
            raise HarnessError(f"judge setup: unknown operation {op!r}", "judge_error")
    if gen is None:
        return {"out": out}
    return {"queries": queries, "checksum": checksum}
