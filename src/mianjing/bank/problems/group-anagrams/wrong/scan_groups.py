"""Mistake: for each word, scans the groups found so far and compares against each group's first
word. Correct, but O(n x groups): when most words have no anagram that is quadratic in n."""


def group_anagrams(strs: list[str]) -> list[list[str]]:
    groups: list[list[str]] = []
    keys: list[str] = []
    for word in strs:
        key = "".join(sorted(word))
        for i, k in enumerate(keys):
            if k == key:
                groups[i].append(word)
                break
        else:
            keys.append(key)
            groups.append([word])
    return groups
