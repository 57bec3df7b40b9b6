def can_finish(num_courses: int, prerequisites: list[list[int]]) -> bool:
    """True if all courses 0..num_courses-1 can be taken; [a, b] in prerequisites means b must come before a."""
    raise NotImplementedError
