"""Greedy with last occurrences: a part that contains a letter must reach that letter's last
occurrence. Scan left to right, stretching the current part's end to the last occurrence of every
letter met; when the scan reaches that end, no letter inside occurs later, so cut there. Cutting as
early as possible gives the most parts."""


def partition_labels(s: str) -> list[int]:
    last = {ch: i for i, ch in enumerate(s)}  # the last index of each letter
    sizes = []
    start = end = 0
    for i, ch in enumerate(s):
        end = max(end, last[ch])  # this part must reach every letter's last occurrence
        if i == end:  # nothing in s[start:i + 1] occurs again: cut
            sizes.append(i - start + 1)
            start = i + 1
    return sizes
