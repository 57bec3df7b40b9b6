def suggested_products(products: list[str], search_word: str) -> list[list[str]]:
    """For each prefix search_word[:i], return up to three products with that prefix, in lexicographic order."""
    raise NotImplementedError
