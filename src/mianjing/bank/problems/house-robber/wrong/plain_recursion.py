"""Rob or skip each house, recursively, without remembering results: about 1.6^n calls."""


def rob(nums: list[int]) -> int:
    def best(i: int) -> int:
        if i >= len(nums):
            return 0
        return max(best(i + 1), nums[i] + best(i + 2))

    return best(0)
