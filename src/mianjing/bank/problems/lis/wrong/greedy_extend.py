"""Keeps one chain and appends every element larger than its last. An early large element (such
as 100 in [100, 1, 2, 3]) blocks the longer chain that starts lower."""


def length_of_lis(nums):
    chain = []
    for x in nums:
        if not chain or x > chain[-1]:
            chain.append(x)
    return len(chain)
