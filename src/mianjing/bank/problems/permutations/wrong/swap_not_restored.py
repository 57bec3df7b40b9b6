"""Swap-based permutations that never swap back: after the recursive call the array stays
scrambled, so the next swap at the same depth starts from the wrong order (repeats, missing
permutations)."""


def permute(nums: list[int]) -> list[list[int]]:
    nums = list(nums)
    result = []

    def backtrack(first: int) -> None:
        if first == len(nums):
            result.append(nums[:])
            return
        for i in range(first, len(nums)):
            nums[first], nums[i] = nums[i], nums[first]
            backtrack(first + 1)
            # missing: nums[first], nums[i] = nums[i], nums[first]

    backtrack(0)
    return result
