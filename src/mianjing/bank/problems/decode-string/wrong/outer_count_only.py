"""Finds each top-level k[...] and repeats its inside as it is: nested brackets are copied through
undecoded."""


def decode_string(s: str) -> str:
    out, i = [], 0
    while i < len(s):
        if s[i].isdigit():
            j = i
            while s[j].isdigit():
                j += 1
            depth, k = 0, j
            while True:
                depth += {"[": 1, "]": -1}.get(s[k], 0)
                if depth == 0:
                    break
                k += 1
            out.append(s[j + 1:k] * int(s[i:j]))
            i = k + 1
        else:
            out.append(s[i])
            i += 1
    return "".join(out)
