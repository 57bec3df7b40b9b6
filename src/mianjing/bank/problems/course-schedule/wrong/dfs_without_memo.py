"""Correct cycle detection with a set of courses on the current path, but no memory of courses
whose prerequisites were already fully explored: shared prerequisites are explored again from
every path that reaches them."""


def can_finish(num_courses: int, prerequisites: list[list[int]]) -> bool:
    needs = [[] for _ in range(num_courses)]
    for course, before in prerequisites:
        needs[course].append(before)
    on_path = set()

    def safe(c):
        if c in on_path:
            return False
        on_path.add(c)
        ok = all(safe(b) for b in needs[c])
        on_path.discard(c)
        return ok

    return all(safe(c) for c in range(num_courses))
