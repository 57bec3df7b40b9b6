def oranges_rotting(grid: list[list[int]]) -> int:
    """Minutes until no fresh orange is left (0 empty, 1 fresh, 2 rotten), or -1 if some never rots."""
    raise NotImplementedError
