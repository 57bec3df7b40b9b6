"""Greedy: take the largest numbers that still fit under half of the total. Works on many inputs,
not on all (e.g. [10, 7, 5, 4, 3, 3]: takes 10 + 5 and is stuck at 15 of 16; 10 + 3 + 3 works)."""


def can_partition(nums: list[int]) -> bool:
    total = sum(nums)
    if total % 2:
        return False
    room = total // 2
    for x in sorted(nums, reverse=True):
        if x <= room:
            room -= x
    return room == 0
