"""search-insert-position harness: builds nums (a list, or a huge read-only sorted sequence for a
{"lazy": {...}} spec, see mianjing.judge.structures.SortedSequence) and returns the index."""

from mianjing.judge.harness import HarnessError
from mianjing.judge.structures import sequence_from_spec


def run(entry, inputs, dtype, seed):
    result = entry(sequence_from_spec(inputs["nums"]), inputs["target"])
    if type(result) is not int:
        raise HarnessError(f"expected an int index, got {type(result).__name__}")
    return {"out": result}
