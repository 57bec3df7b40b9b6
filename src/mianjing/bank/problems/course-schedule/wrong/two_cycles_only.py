"""Looks only for two courses that require each other, the shortest possible cycle."""


def can_finish(num_courses: int, prerequisites: list[list[int]]) -> bool:
    pairs = {(a, b) for a, b in prerequisites}
    return not any((b, a) in pairs for a, b in pairs if a != b)
