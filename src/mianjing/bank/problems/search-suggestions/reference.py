"""Sort once; for each prefix, binary-search the first product >= prefix and take up to three."""

from bisect import bisect_left


def suggested_products(products: list[str], search_word: str) -> list[list[str]]:
    products = sorted(products)  # lexicographic order: products sharing a prefix are contiguous
    result = []
    lo = 0  # products before lo are smaller than every later prefix, so the search only moves right
    for i in range(1, len(search_word) + 1):
        prefix = search_word[:i]
        lo = bisect_left(products, prefix, lo)  # first product >= prefix
        picks = []
        for p in products[lo:lo + 3]:
            if not p.startswith(prefix):  # sorted: once one fails, the rest fail too
                break
            picks.append(p)
        result.append(picks)
    return result
