def solve_n_queens(n: int) -> list[list[str]]:
    """Return every placement of n non-attacking queens on an n x n board, each as n strings of 'Q' and '.'."""
    raise NotImplementedError
