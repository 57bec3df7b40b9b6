"""search-a-2d-matrix harness: builds the matrix (a list of lists, or for a {"lazy": {...}} spec a
huge read-only m x n matrix whose rows read from one sorted sequence in row-major order) and returns
the submission's bool."""

from mianjing.judge.harness import HarnessError
from mianjing.judge.structures import SortedSequence


class _Row:
    __slots__ = ("_seq", "_start", "_n")

    def __init__(self, seq, start, n):
        self._seq, self._start, self._n = seq, start, n

    def __len__(self):
        return self._n

    def __getitem__(self, j):
        if not isinstance(j, int) or isinstance(j, bool):
            raise TypeError("rows support integer indices only (no slicing)")
        if j < 0:
            j += self._n
        if not 0 <= j < self._n:
            raise IndexError("row index out of range")
        return self._seq[self._start + j]


class _Matrix:
    """m rows of n columns over one sorted sequence: matrix[i][j] = seq[i * n + j]."""

    __slots__ = ("_seq", "_m", "_n")

    def __init__(self, m, n, **seq_args):
        self._seq, self._m, self._n = SortedSequence(m * n, **seq_args), m, n

    def __len__(self):
        return self._m

    def __getitem__(self, i):
        if not isinstance(i, int) or isinstance(i, bool):
            raise TypeError("the matrix supports integer indices only (no slicing)")
        if i < 0:
            i += self._m
        if not 0 <= i < self._m:
            raise IndexError("matrix row out of range")
        return _Row(self._seq, i * self._n, self._n)

    def __repr__(self):
        return f"<sorted {self._m} x {self._n} matrix>"


def run(entry, inputs, dtype, seed):
    spec = inputs["matrix"]
    matrix = _Matrix(**spec["lazy"]) if isinstance(spec, dict) else [list(row) for row in spec]
    result = entry(matrix, inputs["target"])
    if type(result) is not bool:
        raise HarnessError(f"expected a bool, got {type(result).__name__}")
    return {"out": result}
