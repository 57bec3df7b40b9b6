"""Mistake: one pass that swaps each zero with its right neighbour. A single zero bubbles to the
end, but of a run of zeros each moves one step only: [0, 0, 1] becomes [0, 1, 0]."""


def move_zeroes(nums: list[int]) -> None:
    for i in range(len(nums) - 1):
        if nums[i] == 0:
            nums[i], nums[i + 1] = nums[i + 1], nums[i]
