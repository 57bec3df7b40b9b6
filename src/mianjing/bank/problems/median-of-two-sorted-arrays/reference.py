"""Binary search for the cut. Cut the shorter array a after i elements and the longer b after
j = half - i elements, so that the left parts hold half of all values. The cut is right when
a[i-1] <= b[j] and b[j-1] <= a[i]: then every left value is <= every right value and the median
comes from the four values around the cut. Only O(log(min(m, n))) elements are ever read."""


def find_median_sorted_arrays(nums1, nums2) -> float:
    a, b = (nums1, nums2) if len(nums1) <= len(nums2) else (nums2, nums1)  # search the shorter one
    m, n = len(a), len(b)
    half = (m + n + 1) // 2  # the left part's size (one more than the right for an odd total)
    lo, hi = 0, m
    neg, pos = float("-inf"), float("inf")
    while True:
        i = (lo + hi) // 2  # elements of a on the left
        j = half - i  # elements of b on the left
        a_left = a[i - 1] if i > 0 else neg
        a_right = a[i] if i < m else pos
        b_left = b[j - 1] if j > 0 else neg
        b_right = b[j] if j < n else pos
        if a_left > b_right:
            hi = i - 1  # too many from a
        elif b_left > a_right:
            lo = i + 1  # too few from a
        else:
            left_max = max(a_left, b_left)
            if (m + n) % 2:
                return float(left_max)
            return (left_max + min(a_right, b_right)) / 2
