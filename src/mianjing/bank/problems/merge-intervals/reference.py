"""Sort by start, then sweep once. After sorting, an interval overlaps the merged ones only if it
overlaps the last of them (its start is not after the last end), so each interval either extends
the last merged interval or begins a new one. O(n log n) for the sort, O(n) for the sweep."""


def merge(intervals: list[list[int]]) -> list[list[int]]:
    merged: list[list[int]] = []
    for start, end in sorted(intervals):  # a sorted copy: the input is left as it was
        if merged and start <= merged[-1][1]:
            # overlaps or touches the last merged interval: extend it (the new one may lie inside)
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    return merged
