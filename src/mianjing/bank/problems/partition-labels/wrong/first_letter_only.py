"""Starts each part at its first letter and extends it to that letter's last occurrence only,
ignoring the other letters that the part then contains."""


def partition_labels(s: str) -> list[int]:
    last = {ch: i for i, ch in enumerate(s)}
    sizes, start = [], 0
    while start < len(s):
        end = last[s[start]]
        sizes.append(end - start + 1)
        start = end + 1
    return sizes
