"""One pass with a hash map from value to index: for each element, its partner target - x is
either already in the map (an earlier element) or x goes into the map for a later one. O(n)."""


def two_sum(nums: list[int], target: int) -> list[int]:
    index_of: dict[int, int] = {}  # value -> index of an earlier element holding it
    for i, x in enumerate(nums):
        # look up before storing x: an element may not be paired with itself
        j = index_of.get(target - x)
        if j is not None:
            return [j, i]
        index_of[x] = i
    raise ValueError("no pair sums to target")  # the statement promises one; never reached
