"""Mistake: for every index, multiplies all the other numbers. Correct, but O(n^2)
multiplications: tens of thousands of numbers are too many."""


def product_except_self(nums: list[int]) -> list[int]:
    n = len(nums)
    answer = []
    for i in range(n):
        p = 1
        for j in range(n):
            if j != i:
                p *= nums[j]
        answer.append(p)
    return answer
