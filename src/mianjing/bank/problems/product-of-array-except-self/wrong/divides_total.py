"""Mistake: the shortcut the statement rules out: multiply everything once and divide by each
number. Besides being forbidden, it breaks on a zero (ZeroDivisionError, or a wrong 0 for the zero's
own answer)."""


def product_except_self(nums: list[int]) -> list[int]:
    total = 1
    for x in nums:
        total *= x
    return [total // x for x in nums]
