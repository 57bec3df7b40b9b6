"""Boyer-Moore majority vote: pair off each occurrence of the current candidate against a different
value. The majority occurs more than n/2 times, so it cannot be paired off completely and is the
candidate left standing. One pass, O(1) extra space."""


def majority_element(nums: list[int]) -> int:
    candidate, count = None, 0
    for x in nums:
        if count == 0:
            candidate, count = x, 1  # everything before cancelled out: start a new vote with x
        elif x == candidate:
            count += 1
        else:
            count -= 1  # x cancels one occurrence of the candidate
    return candidate  # the statement guarantees a majority exists, so no second pass is needed
