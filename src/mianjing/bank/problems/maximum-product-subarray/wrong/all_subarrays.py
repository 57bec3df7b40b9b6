"""From every start, multiply step by step to every end: O(n^2) products."""


def max_product(nums: list[int]) -> int:
    best = nums[0]
    for i in range(len(nums)):
        p = 1
        for j in range(i, len(nums)):
            p *= nums[j]
            if p > best:
                best = p
    return best
