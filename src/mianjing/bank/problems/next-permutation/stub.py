def next_permutation(nums: list[int]) -> None:
    """Rearrange nums in place into the next larger permutation in lexicographic order (the smallest,
    ascending one after the largest); return None. O(1) extra space."""
    raise NotImplementedError
