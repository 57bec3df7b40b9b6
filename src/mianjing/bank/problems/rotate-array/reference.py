"""Three reversals, in place with O(1) extra space. Rotating right by k moves the last k elements
to the front. Reversing the whole list puts them in front but backwards, and the other n - k
elements behind them also backwards; reversing each part again fixes both. O(n)."""


def _reverse(nums: list[int], i: int, j: int) -> None:
    """Reverse nums[i..j] (both ends included) by swapping from the outside in."""
    while i < j:
        nums[i], nums[j] = nums[j], nums[i]
        i += 1
        j -= 1


def rotate(nums: list[int], k: int) -> None:
    n = len(nums)
    k %= n  # rotating by n changes nothing; also keeps the indices below in range
    _reverse(nums, 0, n - 1)  # [1 2 3 4 5], k = 2  ->  [5 4 3 2 1]
    _reverse(nums, 0, k - 1)  # the first k, the old tail, back in order: [4 5 3 2 1]
    _reverse(nums, k, n - 1)  # the rest back in order: [4 5 1 2 3]
