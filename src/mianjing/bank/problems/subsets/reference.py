"""Backtracking with a start index: every node of the search tree is a subset. From a node, extend
the current subset only with numbers to the right of the last one taken, so each subset is built in
exactly one order (increasing index) and never twice."""


def subsets(nums: list[int]) -> list[list[int]]:
    result = []
    path = []

    def backtrack(start: int) -> None:
        result.append(path[:])  # every node is a subset, the root being the empty one
        for i in range(start, len(nums)):
            path.append(nums[i])
            backtrack(i + 1)  # only later indices: no subset in two orders
            path.pop()

    backtrack(0)
    return result
