"""find-first-and-last-position harness: builds nums (a list, or a huge read-only sorted sequence
for a {"lazy": {...}} spec, see mianjing.judge.structures.SortedSequence) and returns the pair."""

from mianjing.judge.harness import HarnessError
from mianjing.judge.structures import sequence_from_spec


def run(entry, inputs, dtype, seed):
    result = entry(sequence_from_spec(inputs["nums"]), inputs["target"])
    if isinstance(result, tuple):
        result = list(result)
    if not (isinstance(result, list) and len(result) == 2 and all(type(v) is int for v in result)):
        raise HarnessError(f"expected a list of two ints, got {str(result)[:60]}")
    return {"out": result}
