"""fewest[j] = min over i that can reach j of fewest[i] + 1, relaxing every target of every jump:
correct, but the work is the sum of all jump lengths."""


def jump(nums: list[int]) -> int:
    n = len(nums)
    fewest = [0] + [n] * (n - 1)
    for i in range(n):
        for j in range(i + 1, min(n, i + nums[i] + 1)):
            if fewest[i] + 1 < fewest[j]:
                fewest[j] = fewest[i] + 1
    return fewest[-1]
