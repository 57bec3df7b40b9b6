"""From every start index, grows a set until the first repeat. Right answers, but O(n * answer):
quadratic on long strings whose answer is long."""


def length_of_longest_substring(s):
    best = 0
    for i in range(len(s)):
        seen = set()
        for c in s[i:]:
            if c in seen:
                break
            seen.add(c)
        best = max(best, len(seen))
    return best
