def find_median_sorted_arrays(nums1, nums2) -> float:
    """Median of all values of two sorted sequences together, in O(log(m + n)) time."""
    raise NotImplementedError
