def climb_stairs(n: int) -> int:
    """Number of distinct ways to climb n stairs taking 1 or 2 stairs at a time."""
    raise NotImplementedError
