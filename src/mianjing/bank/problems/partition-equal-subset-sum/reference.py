"""0/1 knapsack on reachable sums: the array splits into two equal halves exactly when some subset
sums to total / 2. reach[s] says whether a subset of the numbers seen so far sums to s. Each number
is added once, so the sums are updated from high to low: reach[s - x] must still describe the
numbers before x."""


def can_partition(nums: list[int]) -> bool:
    total = sum(nums)
    if total % 2:  # an odd total cannot be split into two equal integer halves
        return False
    half = total // 2
    reach = [True] + [False] * half  # the empty subset sums to 0
    for x in nums:
        for s in range(half, x - 1, -1):  # downwards: x is used at most once
            if reach[s - x]:
                reach[s] = True
        if reach[half]:
            return True
    return reach[half]
