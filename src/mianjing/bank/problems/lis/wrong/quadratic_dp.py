"""dp[i] = 1 + max(dp[j] for j < i with nums[j] < nums[i]): correct, but O(n^2)."""


def length_of_lis(nums):
    dp = [1] * len(nums)
    for i in range(len(nums)):
        for j in range(i):
            if nums[j] < nums[i] and dp[j] + 1 > dp[i]:
                dp[i] = dp[j] + 1
    return max(dp, default=0)
