"""rotate-image harness: the task is in place, so the judge passes a matrix (a list of row lists)
and reads that same matrix back after the call. The function must return None.

Outputs: "out", the matrix after the call."""

from mianjing.judge.harness import HarnessError


def run(entry, inputs, dtype, seed):
    matrix = [list(row) for row in inputs["matrix"]]
    returned = entry(matrix)
    if returned is not None:
        raise HarnessError(
            f"rotate returned a {type(returned).__name__}; it must rotate matrix in place and "
            "return None (the judge reads matrix after the call)"
        )
    return {"out": matrix}
