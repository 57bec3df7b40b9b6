"""Greedy reach: scan the indices in order and keep the farthest index reachable so far. An index
beyond that reach can never be stood on; every index within it can, and extends the reach to
i + nums[i]."""


def can_jump(nums: list[int]) -> bool:
    reach = 0  # the farthest index known to be reachable
    for i, step in enumerate(nums):
        if i > reach:
            return False  # a gap: nothing before i jumps this far
        reach = max(reach, i + step)
        if reach >= len(nums) - 1:
            return True
    return True
