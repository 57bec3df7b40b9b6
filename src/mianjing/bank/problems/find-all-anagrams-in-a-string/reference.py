"""Fixed-size sliding window with letter counts. The window s[i - m + 1 .. i] gains s[i] and loses
s[i - m] at each step, so its 26 counts are updated in O(1); comparing them with p's counts is 26
steps. O(26 n) = O(n) for a fixed alphabet."""


def find_anagrams(s: str, p: str) -> list[int]:
    m = len(p)
    need = [0] * 26  # letter counts of p
    for c in p:
        need[ord(c) - 97] += 1
    window = [0] * 26  # letter counts of the last m characters of s read so far
    starts: list[int] = []
    for i, c in enumerate(s):
        window[ord(c) - 97] += 1
        if i >= m:
            window[ord(s[i - m]) - 97] -= 1  # s[i - m] just left the window
        if window == need:  # only possible once the window holds m characters
            starts.append(i - m + 1)
    return starts
