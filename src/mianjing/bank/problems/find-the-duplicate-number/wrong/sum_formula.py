"""sum(nums) - (1 + 2 + ... + n): right only when the duplicate appears exactly twice and every
other value of 1..n appears once."""


def find_duplicate(nums: list[int]) -> int:
    n = len(nums) - 1
    return sum(nums) - n * (n + 1) // 2
