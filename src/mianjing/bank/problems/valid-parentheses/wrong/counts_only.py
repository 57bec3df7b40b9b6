"""Counts each kind of bracket and checks that a closer never outnumbers its opener: the kinds are
checked independently, so crossings like '([)]' pass."""


def is_valid(s: str) -> bool:
    depth = {"(": 0, "[": 0, "{": 0}
    opener = {")": "(", "]": "[", "}": "{"}
    for ch in s:
        if ch in depth:
            depth[ch] += 1
        else:
            depth[opener[ch]] -= 1
            if depth[opener[ch]] < 0:
                return False
    return all(v == 0 for v in depth.values())
