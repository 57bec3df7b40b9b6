"""Backtracking over the digits: position i of the combination takes each letter of digits[i]'s key
in turn. Each leaf (one letter per digit) is one combination; the product of the key sizes is the
number of them."""

KEYS = {
    "2": "abc", "3": "def", "4": "ghi", "5": "jkl",
    "6": "mno", "7": "pqrs", "8": "tuv", "9": "wxyz",
}


def letter_combinations(digits: str) -> list[str]:
    if not digits:  # no digit pressed: no combination (not one empty combination)
        return []
    result = []
    path = []

    def backtrack(i: int) -> None:
        if i == len(digits):
            result.append("".join(path))
            return
        for letter in KEYS[digits[i]]:
            path.append(letter)
            backtrack(i + 1)
            path.pop()  # free position i for the next letter

    backtrack(0)
    return result
