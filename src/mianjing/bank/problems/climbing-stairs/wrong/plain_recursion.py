"""The recurrence as plain recursion: ways(n - 2) is computed again inside ways(n - 1), and so on
down: about 1.6^n calls."""


def climb_stairs(n: int) -> int:
    if n <= 2:
        return n
    return climb_stairs(n - 1) + climb_stairs(n - 2)
