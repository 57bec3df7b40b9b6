def combination_sum(candidates: list[int], target: int) -> list[list[int]]:
    """Return every combination of candidates (each usable any number of times) that sums to target, in any order."""
    raise NotImplementedError
