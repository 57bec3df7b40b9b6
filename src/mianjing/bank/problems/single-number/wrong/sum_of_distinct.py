"""The sum identity the wrong way round: sum(nums) - sum(set(nums)) is the sum of the values that
appear twice, not the single one (that is 2 * sum(set(nums)) - sum(nums))."""


def single_number(nums: list[int]) -> int:
    return sum(nums) - sum(set(nums))
