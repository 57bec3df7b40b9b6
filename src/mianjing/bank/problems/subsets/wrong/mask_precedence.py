"""Bit-mask enumeration with an operator-precedence slip: `1 << n - 1` means `1 << (n - 1)`,
so the range stops at 2^(n-1) instead of 2^n: only half of the masks are tried and every subset
containing the last number is missing."""


def subsets(nums: list[int]) -> list[list[int]]:
    n = len(nums)
    result = []
    for mask in range(1 << n - 1):  # meant: range(1 << n)
        result.append([nums[i] for i in range(n) if mask >> i & 1])
    return result
