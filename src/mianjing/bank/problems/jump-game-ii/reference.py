"""Breadth-first search in layers, without a queue: the indices reachable with k jumps form a
contiguous range, and the next range ends at the farthest i + nums[i] over the current one. Count
how many times the scan has to cross the end of the current range."""


def jump(nums: list[int]) -> int:
    jumps = 0
    layer_end = 0  # the last index reachable with `jumps` jumps
    farthest = 0  # the last index reachable with one more jump
    for i in range(len(nums) - 1):  # standing on the last index needs no further jump
        farthest = max(farthest, i + nums[i])
        if i == layer_end:  # every index of this layer has been seen: take the jump
            jumps += 1
            layer_end = farthest
            if layer_end >= len(nums) - 1:
                break
    return jumps
