"""rotate-array harness: the task is in place, so the judge passes a list and reads that same list
back after the call. The function must return None, as the statement says.

Outputs: "out", the list after the call."""

from mianjing.judge.harness import HarnessError


def run(entry, inputs, dtype, seed):
    nums = list(inputs["nums"])
    returned = entry(nums, inputs["k"])
    if returned is not None:
        raise HarnessError(
            f"rotate returned a {type(returned).__name__}; it must rotate nums in place and return None "
            "(the judge reads nums after the call)"
        )
    return {"out": nums}
