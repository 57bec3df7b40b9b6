"""Two pointers in one array: `read` scans every element, `write` marks where the next non-zero
goes. The non-zeros are copied forward in order (write never passes read, so nothing unread is
overwritten), then the tail is filled with zeros. O(n) time, O(1) extra space."""


def move_zeroes(nums: list[int]) -> None:
    write = 0  # nums[:write] holds the non-zeros seen so far, in their original order
    for read in range(len(nums)):
        if nums[read] != 0:
            nums[write] = nums[read]
            write += 1
    for i in range(write, len(nums)):
        nums[i] = 0  # the tail still holds old values: overwrite them with the moved zeros
