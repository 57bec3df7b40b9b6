"""Prefix sums with a hash map. With P[j] = nums[0] + ... + nums[j - 1], the subarray nums[i:j]
sums to k exactly when P[i] = P[j] - k. Scanning j from left to right and counting how often each
prefix sum has occurred so far answers that for every end in O(1). O(n)."""


def subarray_sum(nums: list[int], k: int) -> int:
    count = 0
    prefix = 0  # sum of the elements read so far
    seen = {0: 1}  # prefix sum -> how many earlier prefixes have it; the empty prefix once
    for x in nums:
        prefix += x
        count += seen.get(prefix - k, 0)  # each earlier prefix equal to prefix - k starts one subarray
        seen[prefix] = seen.get(prefix, 0) + 1  # after the lookup: a subarray must be non-empty
    return count
