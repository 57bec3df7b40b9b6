"""next-permutation harness: calls the submission with a list and reads back that same list object, since
the answer is the list mutated in place (a new list returned or bound to a local name is not it)."""

from mianjing.judge.harness import HarnessError


def run(entry, inputs, dtype, seed):
    nums = list(inputs["nums"])
    returned = entry(nums)
    if returned is not None and returned is not nums:
        raise HarnessError(
            "next_permutation must rearrange nums in place and return None; it returned a "
            f"{type(returned).__name__} instead", verdict="wrong_answer",
        )
    return {"out": nums}
