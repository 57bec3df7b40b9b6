"""Binary search with bisect_right: the first product *greater than* the prefix, so a product
equal to the prefix (typing "mo" when "mo" is a product) is skipped."""

from bisect import bisect_right


def suggested_products(products, search_word):
    products = sorted(products)
    out = []
    for i in range(1, len(search_word) + 1):
        prefix = search_word[:i]
        j = bisect_right(products, prefix)
        out.append([p for p in products[j:j + 3] if p.startswith(prefix)])
    return out
