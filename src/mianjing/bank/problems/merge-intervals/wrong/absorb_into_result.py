"""Mistake: no sorting; each interval absorbs every result interval it overlaps. Correct in any
input order, but each interval scans the whole result: O(n^2) when most intervals are disjoint."""


def merge(intervals: list[list[int]]) -> list[list[int]]:
    result: list[list[int]] = []
    for start, end in intervals:
        keep = []
        for a, b in result:
            if b < start or end < a:
                keep.append([a, b])  # disjoint: stays as it is
            else:
                start, end = min(start, a), max(end, b)  # overlapping: absorbed
        keep.append([start, end])
        result = keep
    return result
