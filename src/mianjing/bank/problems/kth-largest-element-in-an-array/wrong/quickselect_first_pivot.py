"""Quickselect (Hoare's selection) with the first element as pivot: expected O(n) on random input,
but on sorted input each partition removes only the pivot: O(n^2)."""


def find_kth_largest(nums: list[int], k: int) -> int:
    a = list(nums)
    target = len(a) - k  # index of the answer in ascending order
    lo, hi = 0, len(a) - 1
    while True:
        pivot = a[lo]
        smaller = [x for x in a[lo:hi + 1] if x < pivot]
        equal = [x for x in a[lo:hi + 1] if x == pivot]
        larger = [x for x in a[lo:hi + 1] if x > pivot]
        a[lo:hi + 1] = smaller + equal + larger
        if target < lo + len(smaller):
            hi = lo + len(smaller) - 1
        elif target < lo + len(smaller) + len(equal):
            return pivot
        else:
            lo = lo + len(smaller) + len(equal)
