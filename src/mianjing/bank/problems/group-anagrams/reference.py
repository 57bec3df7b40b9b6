"""Hash by a canonical form: two words are anagrams exactly when their sorted letters are equal,
so the sorted string is a dictionary key shared by the whole group. O(n k log k) for n words of
length at most k."""

from collections import defaultdict


def group_anagrams(strs: list[str]) -> list[list[str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for word in strs:
        key = "".join(sorted(word))  # same multiset of letters <=> same sorted string
        groups[key].append(word)  # every occurrence, duplicates included
    return list(groups.values())
