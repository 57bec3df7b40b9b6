"""median-of-two-sorted-arrays harness: builds the two inputs (plain lists, or huge read-only
sorted sequences for {"lazy": {...}} specs, see mianjing.judge.structures.SortedSequence) and
returns the submission's median as a float."""

from mianjing.judge.harness import HarnessError
from mianjing.judge.structures import sequence_from_spec


def run(entry, inputs, dtype, seed):
    nums1 = sequence_from_spec(inputs["nums1"])
    nums2 = sequence_from_spec(inputs["nums2"])
    result = entry(nums1, nums2)
    if isinstance(result, bool) or not isinstance(result, (int, float)):
        raise HarnessError(f"expected a float, got {type(result).__name__}")
    return {"out": float(result)}
