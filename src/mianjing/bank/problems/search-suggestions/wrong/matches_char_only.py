"""For the i-th typed character keeps the products whose i-th letter equals it, without checking
that the earlier letters match too."""


def suggested_products(products, search_word):
    products = sorted(products)
    out = []
    for i, ch in enumerate(search_word):
        out.append([p for p in products if len(p) > i and p[i] == ch][:3])
    return out
