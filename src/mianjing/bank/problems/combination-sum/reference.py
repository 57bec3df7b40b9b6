"""Backtracking over sorted candidates with a start index. A combination is built in
non-decreasing order: after choosing candidates[i], the next choice starts at i again (the same
number may repeat) but never before i (so no combination is built in two orders). Sorting lets the
loop stop at the first candidate larger than what remains."""


def combination_sum(candidates: list[int], target: int) -> list[list[int]]:
    nums = sorted(candidates)
    result = []
    path = []

    def backtrack(start: int, remaining: int) -> None:
        if remaining == 0:
            result.append(path[:])  # a copy: path is reused by every branch
            return
        for i in range(start, len(nums)):
            if nums[i] > remaining:
                break  # sorted: every later candidate is larger still
            path.append(nums[i])
            backtrack(i, remaining - nums[i])  # i, not i + 1: nums[i] may be used again
            path.pop()

    backtrack(0, target)
    return result
