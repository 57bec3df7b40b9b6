"""Cases for search-suggestions: the examples, prefix and ordering edge cases, and random product
lists built to share prefixes with the search word."""

import numpy as np

from mianjing.problems.case import Case

LETTERS = "abcdefghijklmnopqrstuvwxyz"


def _word(rng: np.random.Generator, alphabet: str, lo: int, hi: int) -> str:
    return "".join(alphabet[i] for i in rng.integers(0, len(alphabet), size=int(rng.integers(lo, hi + 1))))


def _random_case(rng: np.random.Generator, n: int, alphabet: str) -> dict:
    search = _word(rng, alphabet, 3, 12)
    products: set[str] = set()
    while len(products) < n:
        if rng.random() < 0.7:
            # share a prefix with the search word, then diverge: many products match early prefixes
            k = int(rng.integers(0, len(search) + 1))
            products.add(search[:k] + _word(rng, alphabet, 0 if k else 1, 8))
        else:
            products.add(_word(rng, alphabet, 1, 10))
    items = sorted(products)
    return {"products": [items[i] for i in rng.permutation(len(items))], "search_word": search}


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"products": ["pencil", "pen", "penguin", "peach", "pebble"],
                           "search_word": "pen"}, hidden=False),
        Case("example-2", {"products": ["orange"], "search_word": "grape"}, hidden=False),
        Case("example-3", {"products": ["corn", "cord", "core", "cab", "dart"],
                           "search_word": "core"}, hidden=False),
        Case("edge-product-equals-prefix", {"products": ["mod", "mo", "m", "moa", "mob"], "search_word": "mo"},
             note="products equal to a prefix are suggestions too"),
        Case("edge-longer-first", {"products": ["zz", "aaaaaaaaaa", "ab", "aab", "a"], "search_word": "a"},
             note="lexicographic order, not length order"),
        Case("edge-no-match-middle", {"products": ["abc", "abd", "xyz"], "search_word": "abxd"},
             note="no product matches from the third character on"),
        Case("edge-single-letter", {"products": ["b", "a", "c"], "search_word": "b"}),
        Case("edge-fewer-than-three", {"products": ["apple", "apply"], "search_word": "appl"}),
        Case("edge-late-letters-match", {"products": ["xb", "ab", "cb"], "search_word": "ab"},
             note="products sharing only the second letter must not appear"),
    ]
    for k in range(4):
        out.append(Case(f"random-few-letters-{k + 1}", _random_case(rng, int(rng.integers(5, 40)), "abc")))
    for k in range(4):
        out.append(Case(f"random-{k + 1}", _random_case(rng, int(rng.integers(20, 300)), LETTERS)))
    c = _random_case(rng, 1000, "abcd")
    out.append(Case("random-large", c, note="1000 products"))
    return out
