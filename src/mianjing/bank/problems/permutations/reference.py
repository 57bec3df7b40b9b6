"""Backtracking over positions: fill the permutation one position at a time with a number not yet
used, recurse, then undo the choice so the next number can take that position. Each leaf (all
positions filled) is one permutation; a copy is stored because the working list keeps changing."""


def permute(nums: list[int]) -> list[list[int]]:
    result = []
    path = []
    used = [False] * len(nums)

    def backtrack() -> None:
        if len(path) == len(nums):
            result.append(path[:])  # a copy: path is reused by every branch
            return
        for i, x in enumerate(nums):
            if used[i]:
                continue
            used[i] = True
            path.append(x)
            backtrack()
            path.pop()  # undo the choice before trying the next number here
            used[i] = False

    backtrack()
    return result
