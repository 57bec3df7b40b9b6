def num_islands(grid: list[list[str]]) -> int:
    """Number of islands: groups of '1' cells connected up, down, left or right."""
    raise NotImplementedError
