"""search-rotated harness: calls search(nums, target) for every target on the same list, so a
case can time thousands of calls and tell O(log n) from O(n) per call."""

from mianjing.judge.harness import HarnessError


def run(entry, inputs, dtype, seed):
    nums = inputs["nums"]
    n = len(nums)
    answers = []
    for target in inputs["targets"]:
        got = entry(nums, target)
        if len(nums) != n:
            raise HarnessError("search changed the length of nums: it must only read it")
        answers.append(got)
    return {"out": answers}
