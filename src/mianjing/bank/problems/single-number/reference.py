"""XOR of everything: x ^ x = 0 and x ^ 0 = x, and XOR is associative and commutative, so the pairs
cancel in any order and only the single value is left. One pass, O(1) extra space."""


def single_number(nums: list[int]) -> int:
    acc = 0  # the identity of XOR: an empty list would give 0
    for x in nums:
        acc ^= x  # Python ints XOR bitwise in two's complement, so negatives cancel too
    return acc
