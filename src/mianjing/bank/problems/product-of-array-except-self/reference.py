"""Prefix and suffix products. answer[i] = (product of nums[:i]) x (product of nums[i + 1:]). A
left-to-right pass writes the prefix products into answer, a right-to-left pass multiplies in the
suffix products with a running variable. No division, so zeros need no special case. O(n) time,
O(1) extra space besides the output."""


def product_except_self(nums: list[int]) -> list[int]:
    n = len(nums)
    answer = [1] * n
    left = 1  # product of nums[:i]
    for i in range(n):
        answer[i] = left
        left *= nums[i]
    right = 1  # product of nums[i + 1:]
    for i in range(n - 1, -1, -1):
        answer[i] *= right  # use the suffix before nums[i] joins it
        right *= nums[i]
    return answer
