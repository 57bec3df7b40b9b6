"""implement-trie-prefix-tree harness: constructs `Trie()` and replays operations.

Explicit cases give `ops` ("insert", "search", "startsWith") and `args`; "out" has one entry per
operation: the bool of search and startsWith, None for insert. Long cases give `generate = {n,
alphabet, max_len, seed}`: operations from a seeded `random.Random` here (identical in the controller
and the worker), summarised as "queries", "trues" and "checksum" of the answers in order."""

import random

from mianjing.judge.harness import HarnessError

_MOD = (1 << 61) - 1


def generated_ops(n, alphabet, max_len, seed):
    rnd = random.Random(seed)
    inserted = []
    for _ in range(n):
        r = rnd.random()
        if r < 0.4 or not inserted:
            word = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, max_len)))
            inserted.append(word)
            yield "insert", (word,)
        else:
            if rnd.random() < 0.5:  # a known word, or a prefix of one
                base = rnd.choice(inserted)
                word = base if rnd.random() < 0.5 else base[: rnd.randint(1, len(base))]
            else:
                word = "".join(rnd.choice(alphabet) for _ in range(rnd.randint(1, max_len)))
            yield ("search" if r < 0.7 else "startsWith"), (word,)


def run(entry, inputs, dtype, seed):
    trie = entry()
    gen = inputs.get("generate")
    if gen:
        ops = generated_ops(gen["n"], gen["alphabet"], gen["max_len"], gen["seed"])
    else:
        ops = zip(inputs["ops"], (tuple(a) for a in inputs["args"]))
    out, queries, trues, checksum = [], 0, 0, 0
    for op, args in ops:
        if op not in ("insert", "search", "startsWith"):
            raise HarnessError(f"judge setup: unknown operation {op!r}", "judge_error")
        result = getattr(trie, op)(*args)
        if op == "insert":
            if not gen:
                out.append(None)
            continue
        if type(result) is not bool:
            raise HarnessError(f"{op} returned {type(result).__name__}, expected a bool")
        if gen:
            queries += 1
            trues += result
            checksum = (checksum * 3 + result + 1) % _MOD
        else:
            out.append(result)
    return {"queries": queries, "trues": trues, "checksum": checksum} if gen else {"out": out}
