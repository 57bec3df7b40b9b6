"""Hash set of the values; count each run once, from its smallest value. A value x starts a run
exactly when x - 1 is absent, so every value is visited by at most one upward walk: O(n)."""


def longest_consecutive(nums: list[int]) -> int:
    values = set(nums)  # duplicates collapse; membership is O(1)
    best = 0
    for x in values:
        if x - 1 in values:
            continue  # not the start of its run: the walk from the start covers x
        length = 1
        while x + length in values:
            length += 1
        best = max(best, length)
    return best
