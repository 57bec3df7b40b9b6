"""Cases for word-search: the examples, a one-cell board, a word longer than the board, a word that
needs a cell twice, diagonal-only contact, a start that fails before the right one, a dead end that
must give its cells back, upper/lower case, and random 1x1 to 6x6 boards with words traced along
random paths (present) or drawn at random (mostly absent), up to 15 letters."""

import numpy as np

from mianjing.problems.case import Case


def _grid(rows: list[str]) -> list[list[str]]:
    return [list(r) for r in rows]


def _board(rng: np.random.Generator, m: int, n: int, alphabet: str) -> list[list[str]]:
    return [[alphabet[int(i)] for i in row] for row in rng.integers(0, len(alphabet), size=(m, n))]


def _traced(rng: np.random.Generator, board: list[list[str]], length: int) -> str:
    """The letters along a random self-avoiding walk of up to `length` cells: always present."""
    m, n = len(board), len(board[0])
    r, c = int(rng.integers(0, m)), int(rng.integers(0, n))
    seen, letters = {(r, c)}, [board[r][c]]
    while len(letters) < length:
        options = [(r + dr, c + dc) for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1))
                   if 0 <= r + dr < m and 0 <= c + dc < n and (r + dr, c + dc) not in seen]
        if not options:
            break
        r, c = options[int(rng.integers(0, len(options)))]
        seen.add((r, c))
        letters.append(board[r][c])
    return "".join(letters)


def _drawn(rng: np.random.Generator, alphabet: str, length: int) -> str:
    return "".join(alphabet[int(i)] for i in rng.integers(0, len(alphabet), size=length))


def cases(rng: np.random.Generator) -> list[Case]:
    out = [
        Case("example-1", {"board": _grid(["pen", "tea", "mix"]), "word": "teen"}, hidden=False),
        Case("example-2", {"board": _grid(["pen", "tea", "mix"]), "word": "pea"}, hidden=False,
             note="e and a are diagonal, not side by side"),
        Case("example-3", {"board": _grid(["pen", "tea", "mix"]), "word": "pep"}, hidden=False,
             note="the one p cannot be used twice"),
        Case("edge-one-cell", {"board": [["Q"]], "word": "Q"}),
        Case("edge-one-cell-absent", {"board": [["q"]], "word": "Q"}, note="case matters"),
        Case("edge-longer-than-board", {"board": _grid(["ab", "ba"]), "word": "ababa"}),
        Case("edge-needs-reuse", {"board": _grid(["abxa"]), "word": "aba"}, note="only by going back to the first a"),
        Case("edge-diagonal-only", {"board": _grid(["ax", "yb"]), "word": "ab"}),
        Case("edge-wraps-around-row", {"board": _grid(["abc", "xyz"]), "word": "ac"},
             note="a and c touch only if column -1 wrapped to the last column (Python's negative index)"),
        Case("edge-late-start", {"board": _grid(["zzzq", "zzzr", "zzzs"]), "word": "qrs"}, note="the word starts in the last column"),
        Case("edge-give-back", {"board": _grid(["aa", "bx"]), "word": "aab"},
             note="the first try from the top-left dead-ends; the path from the top-right needs its cells"),
        Case("edge-snake", {"board": _grid(["abcdef", "lkjihg", "mnopqr"]), "word": "abcdefghijklmnopq"[:15]}),
        Case("edge-mixed-case", {"board": _grid(["aA", "Aa"]), "word": "aAaA"}),
    ]
    for k in range(8):
        m, n = int(rng.integers(1, 7)), int(rng.integers(1, 7))
        alphabet = ["ab", "abc", "aAbB", "xyzw"][k % 4]
        board = _board(rng, m, n, alphabet)
        length = int(rng.integers(1, 16))
        word = _traced(rng, board, length) if k % 2 == 0 else _drawn(rng, alphabet, length)
        out.append(Case(f"random-{k + 1}", {"board": board, "word": word}))
    for k in range(4):
        board = _board(rng, 6, 6, "abc")
        word = _traced(rng, board, 15)
        if k % 2 == 1:  # change the last letter: usually no longer present, after a long search
            word = word[:-1] + "abc"[("abc".index(word[-1]) + 1) % 3]
        out.append(Case(f"large-{k + 1}", {"board": board, "word": word}, note="6 x 6 board, 15 letters"))
    return out
