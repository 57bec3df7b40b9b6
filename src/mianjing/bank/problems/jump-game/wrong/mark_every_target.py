"""Marks, for each reachable index, every index it can jump to: correct, but each index costs up to
its jump length, so long jumps make it quadratic."""


def can_jump(nums: list[int]) -> bool:
    n = len(nums)
    ok = [False] * n
    ok[0] = True
    for i in range(n):
        if ok[i]:
            for j in range(i + 1, min(n, i + nums[i] + 1)):
                ok[j] = True
    return ok[-1]
