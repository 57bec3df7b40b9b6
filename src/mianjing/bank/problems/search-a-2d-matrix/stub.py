def search_matrix(matrix, target: int) -> bool:
    """True if target is in the m x n matrix whose rows are sorted and each row starts above the previous row's end."""
    raise NotImplementedError
