"""ok[i] says whether the prefix s[:i] splits into dictionary words. It does when some word ends at
i and starts at a j with ok[j]: ok[i] = any(ok[j] and s[j:i] in words). Only word lengths that
occur in the dictionary are tried, and word lookup is a set: O(n * L) slices for L distinct lengths."""


def word_break(s: str, word_dict: list[str]) -> bool:
    words = set(word_dict)
    lengths = sorted({len(w) for w in words})
    n = len(s)
    ok = [True] + [False] * n  # ok[0]: the empty prefix needs no words
    for i in range(1, n + 1):
        for length in lengths:
            if length > i:
                break
            if ok[i - length] and s[i - length:i] in words:  # a word ends at i after a good cut
                ok[i] = True
                break
    return ok[n]
