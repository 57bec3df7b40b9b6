"""Probes a handful of evenly spaced positions for a descent and trusts that the minimum follows the
first one it sees; without a descent among the probes, returns the first element."""


def find_min(nums) -> int:
    n = len(nums)
    probes = sorted({0, n // 4, n // 2, 3 * n // 4, n - 1})
    for a, b in zip(probes, probes[1:]):
        if nums[a] > nums[b]:
            return nums[b]
    return nums[0]
