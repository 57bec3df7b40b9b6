"""Cases for group-anagrams: the examples, empty strings, duplicates, words with the same letters in
different counts, character-code-sum collisions, random groups, and a complexity series of mostly
distinct words (many groups) on which only the hash-by-canonical-form approach stays fast.

Groups and the words inside a group may come in any order, so `check` compares both sides as
sorted lists of sorted groups and explains the first difference."""

import numpy as np

from mianjing.checkers import CheckResult
from mianjing.problems.case import Case

LETTERS = np.array(list("abcdefghijklmnopqrstuvwxyz"))


def _word(rng: np.random.Generator, length: int, alphabet: int = 26) -> str:
    return "".join(LETTERS[rng.integers(0, alphabet, size=length)])


def _shuffled(rng: np.random.Generator, word: str) -> str:
    return "".join(np.array(list(word))[rng.permutation(len(word))]) if word else word


def _grouped(rng: np.random.Generator, n_groups: int, max_size: int, max_len: int, alphabet: int) -> list[str]:
    words = []
    for _ in range(n_groups):
        base = _word(rng, int(rng.integers(0, max_len + 1)), alphabet)
        words += [_shuffled(rng, base) for _ in range(int(rng.integers(1, max_size + 1)))]
    return [words[i] for i in rng.permutation(len(words))]


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"strs": ["stop", "pots", "cat", "tops", "act", "dog"]}, hidden=False),
        Case("example-2", {"strs": [""]}, hidden=False),
        Case("example-3", {"strs": ["z"]}, hidden=False),
        Case("edge-duplicates", {"strs": ["ab", "ba", "ab", "c", "c"]}, note="equal words stay, once per occurrence"),
        Case("edge-empty-strings", {"strs": ["", "b", "", ""]}),
        Case("edge-letter-counts", {"strs": ["aab", "abb", "ab", "ba", "bab"]}, note="same letters, different counts"),
        Case("edge-code-sum", {"strs": ["ad", "bc", "da", "cb", "ae"]}, note="'ad' and 'bc' have the same sum of codes"),
        Case("edge-one-group", {"strs": ["listen", "silent", "enlist", "tinsel", "inlets"]}),
        Case("edge-all-alone", {"strs": ["abc", "abd", "abe", "xyz"]}),
        Case("edge-long-words", {"strs": [_word(rng, 100), _word(rng, 100)] * 2}, note="100-letter words"),
    ]
    for k in range(6):
        alphabet = 3 if k < 3 else 26  # few letters: many near-collisions between groups
        out.append(Case(f"random-{k + 1}", {"strs": _grouped(rng, int(rng.integers(1, 12)), 4, 6, alphabet)}))
    out.append(Case("random-large", {"strs": _grouped(rng, 800, 5, 10, 5)}))
    for k, n in enumerate((1_500, 3_000, 6_000, 12_000)):
        words = [_word(rng, 6) for _ in range(n)]  # 26^6 possible words: nearly all in their own group
        out.append(Case(f"large-{k + 1}", {"strs": words}, size=n, note=f"{n} words, almost all without an anagram"))
    return out


def _normal(groups) -> list[list[str]]:
    return sorted(sorted(g) for g in groups)


def check(case: Case, expected, got) -> CheckResult:
    answer = got.get("out")
    if not isinstance(answer, list) or not all(
        isinstance(g, list) and all(isinstance(w, str) for w in g) for g in answer
    ):
        return CheckResult.failed("expected a list of groups, each a list of strings")
    if any(len(g) == 0 for g in answer):
        return CheckResult.failed("the answer contains an empty group")
    words_in = sorted(case.inputs["strs"])
    words_out = sorted(w for g in answer for w in g)
    if words_out != words_in:
        return CheckResult.failed(
            f"the groups hold {len(words_out)} words, the input has {len(words_in)}: every input word "
            "must appear exactly once per occurrence"
            if len(words_out) != len(words_in) else "the groups do not hold exactly the input words"
        )
    for g in answer:
        if len({"".join(sorted(w)) for w in g}) > 1:
            shown = "" if case.hidden else f": {g[:6]}"
            return CheckResult.failed(f"a group mixes words that are not anagrams of each other{shown}")
    if _normal(answer) != _normal(expected["out"]):
        return CheckResult.failed(
            f"{len(answer)} groups, expected {len(expected['out'])}: anagrams of one another must be in the same group"
        )
    return CheckResult.passed()
