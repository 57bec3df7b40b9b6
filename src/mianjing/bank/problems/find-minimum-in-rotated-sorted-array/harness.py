"""find-minimum-in-rotated-sorted-array harness: builds nums (a list, or a huge read-only rotated
sorted sequence for a {"lazy": {...}} spec, see mianjing.judge.structures.SortedSequence)."""

from mianjing.judge.harness import HarnessError
from mianjing.judge.structures import sequence_from_spec


def run(entry, inputs, dtype, seed):
    result = entry(sequence_from_spec(inputs["nums"]))
    if type(result) is not int:
        raise HarnessError(f"expected an int, got {type(result).__name__}")
    return {"out": result}
