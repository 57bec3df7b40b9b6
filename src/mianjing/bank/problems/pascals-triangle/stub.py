def generate(num_rows: int) -> list[list[int]]:
    """The first num_rows rows of Pascal's triangle, top row [1] first."""
    raise NotImplementedError
