"""Mistake: a two-pointer window that grows on the right and shrinks from the left while its sum
exceeds k. That works only when every number is positive: with negatives a larger sum can come
back down, and with zeros several windows end at the same place."""


def subarray_sum(nums: list[int], k: int) -> int:
    count = 0
    left = 0
    total = 0
    for right, x in enumerate(nums):
        total += x
        while total > k and left <= right:
            total -= nums[left]
            left += 1
        if total == k and left <= right:
            count += 1
    return count
