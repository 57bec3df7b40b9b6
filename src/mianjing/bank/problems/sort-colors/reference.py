"""Dutch national flag partition (Dijkstra), one pass: nums[:low] are 0s, nums[low:i] are 1s,
nums[i:high + 1] are not yet seen, nums[high + 1:] are 2s."""


def sort_colors(nums: list[int]) -> None:
    low, i, high = 0, 0, len(nums) - 1
    while i <= high:
        if nums[i] == 0:
            nums[low], nums[i] = nums[i], nums[low]
            low += 1
            i += 1  # what came from nums[low] was already seen: a 1 (or this very 0)
        elif nums[i] == 2:
            nums[high], nums[i] = nums[i], nums[high]
            high -= 1  # do not advance i: the value swapped in from the right is still unseen
        else:
            i += 1
