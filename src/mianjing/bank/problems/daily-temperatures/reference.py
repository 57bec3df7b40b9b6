"""Monotonic stack of days still waiting for a warmer day; their temperatures decrease from the
bottom to the top. Each new day answers every waiting day that is colder than it (they are on top),
then waits itself. Every day is pushed and popped once: O(n)."""


def daily_temperatures(temperatures: list[int]) -> list[int]:
    answer = [0] * len(temperatures)  # 0 stays for days that never see a warmer one
    waiting: list[int] = []  # indices, temperatures non-increasing from bottom to top
    for day, t in enumerate(temperatures):
        while waiting and temperatures[waiting[-1]] < t:  # strictly warmer
            earlier = waiting.pop()
            answer[earlier] = day - earlier
        waiting.append(day)
    return answer
