"""ways(n) = ways(n - 1) + ways(n - 2): the last move is a 1-step from stair n - 1 or a 2-step from
stair n - 2. With ways(0) = 1 (the empty climb) and ways(1) = 1 these are the Fibonacci numbers,
computed bottom-up with two variables."""


def climb_stairs(n: int) -> int:
    before, last = 1, 1  # ways(i - 1), ways(i) for i = 1
    for _ in range(n - 1):
        before, last = last, before + last
    return last
