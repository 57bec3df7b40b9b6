"""Kahn's topological sort: repeatedly take a course with no unmet prerequisites. All courses can be
taken exactly when the prerequisite graph has no cycle, i.e. when this process takes every course."""

from collections import deque


def can_finish(num_courses: int, prerequisites: list[list[int]]) -> bool:
    unlocks: list[list[int]] = [[] for _ in range(num_courses)]  # b -> the courses that need b
    missing = [0] * num_courses  # how many prerequisites of each course are not taken yet
    for course, before in prerequisites:
        unlocks[before].append(course)
        missing[course] += 1
    ready = deque(c for c in range(num_courses) if missing[c] == 0)
    taken = 0
    while ready:
        c = ready.popleft()
        taken += 1
        for nxt in unlocks[c]:
            missing[nxt] -= 1
            if missing[nxt] == 0:
                ready.append(nxt)
    return taken == num_courses  # courses on or behind a cycle are never ready
