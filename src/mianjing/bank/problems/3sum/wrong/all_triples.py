"""Mistake: tries every triple of positions and removes duplicates with a set of sorted tuples.
Correct, but O(n^3): a few hundred numbers already mean tens of millions of triples."""


def three_sum(nums: list[int]) -> list[list[int]]:
    n = len(nums)
    found = set()
    for i in range(n):
        for j in range(i + 1, n):
            for k in range(j + 1, n):
                if nums[i] + nums[j] + nums[k] == 0:
                    found.add(tuple(sorted((nums[i], nums[j], nums[k]))))
    return [list(t) for t in found]
