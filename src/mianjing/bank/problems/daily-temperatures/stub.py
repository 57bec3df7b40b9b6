def daily_temperatures(temperatures: list[int]) -> list[int]:
    """For each day, how many days until a strictly warmer one (0 if none comes)."""
    raise NotImplementedError
