"""Offline matching of a typed answer against a card's key points, for Chinese and English.

No model and no network: each text becomes a set of features and a key point counts as mentioned
when enough of its features appear in the answer.

Features
  Chinese  character bigrams of each run of Han characters (a run of one gives that character),
           after splitting runs at punctuation and at a few function characters (的, 了, 和, ...).
           Bigrams need no word segmenter and tolerate reordering: "优化器状态、梯度和参数分片"
           and "把参数、梯度、优化器状态都切分" share most of them.
  English  (and Latin words inside Chinese text) lower-cased alphanumeric tokens, stop words
           dropped, reduced by a small suffix stemmer so "shards/sharded/sharding" meet.
A key point's score is the fraction of its features found in the answer (weighted: a number or a
long token counts more than a short one); it is matched when the score reaches `THRESHOLD`.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

THRESHOLD = 0.5

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"[{_HAN}]+|[a-z0-9]+(?:\.[0-9]+)?")
_IS_HAN = re.compile(rf"[{_HAN}]")
# function characters that join phrases; splitting at them keeps bigrams inside content words
_ZH_SPLIT = set("的了和与及或把被是在")
_ISE = re.compile(r"is(e|er|ers|es|ed|ing|ation|ations)$")
_STOP = frozenset(
    """a an the and or of to in on at by for with from as is are was were be been being it its this
    that these those which who whom what when where why how than then so such not no do does did
    into onto over under per each every all any both there their they them we you your our i he she
    his her can could should would may might must will shall has have had also only just very""".split()
)


def normalise(text: str) -> str:
    """NFKC (full-width letters and digits become ASCII), lower case."""
    return unicodedata.normalize("NFKC", text).casefold()


def stem(word: str) -> str:
    """A small suffix stemmer: enough to make inflected forms of one word meet, nothing more."""
    if word.isdigit() or len(word) <= 3:
        return word
    # British and American spellings meet: optimise/optimize, normalisation/normalization
    word = _ISE.sub(r"iz\1", word)
    for suffix, repl in (("ies", "y"), ("ied", "y"), ("sses", "ss"), ("ization", "ize"),
                         ("ational", "ate"), ("ation", "ate"), ("ness", ""), ("ments", ""), ("ment", ""),
                         ("ings", ""), ("ing", ""), ("edly", ""), ("ed", ""), ("ly", ""),
                         ("ches", "ch"), ("shes", "sh"), ("xes", "x"), ("zes", "z"), ("s", "")):
        if suffix == "s" and word.endswith(("ss", "us", "is")):
            break  # loss, focus, basis: not plurals
        if word.endswith(suffix) and len(word) - len(suffix) >= 3:
            word = word[: -len(suffix)] + repl
            break
    # "sharding" -> "shard", "mapped" -> "mapp" -> "map": undouble a final consonant
    if len(word) > 3 and word[-1] == word[-2] and word[-1] not in "aeiouls":
        word = word[:-1]
    if word.endswith("e") and len(word) > 4:
        word = word[:-1]  # "scale"/"scaled"/"scaling" all become "scal"
    return word


def features(text: str) -> dict[str, float]:
    """Feature -> weight."""
    out: dict[str, float] = {}
    for tok in _TOKEN.findall(normalise(text)):
        if _IS_HAN.match(tok):
            for run in _split_han(tok):
                grams = [run] if len(run) == 1 else [run[i : i + 2] for i in range(len(run) - 1)]
                for g in grams:
                    out["zh:" + g] = 1.0
        else:
            if tok in _STOP:
                continue
            s = stem(tok)
            weight = 1.5 if any(c.isdigit() for c in s) else (1.0 if len(s) > 1 else 0.5)
            out["en:" + s] = max(out.get("en:" + s, 0.0), weight)
    return out


def _split_han(run: str) -> list[str]:
    parts, buf = [], ""
    for ch in run:
        if ch in _ZH_SPLIT:
            if buf:
                parts.append(buf)
            buf = ""
        else:
            buf += ch
    if buf:
        parts.append(buf)
    return parts


@dataclass(frozen=True)
class PointMatch:
    point: str
    score: float
    hit: bool

    def to_dict(self) -> dict:
        return {"point": self.point, "score": round(self.score, 3), "hit": self.hit}


def score(answer: str, point: str) -> float:
    want = features(point)
    if not want:
        return 0.0
    have = features(answer)
    total = sum(want.values())
    got = sum(w for f, w in want.items() if f in have)
    return got / total


def match(answer: str, points: list[str], *, threshold: float = THRESHOLD) -> list[PointMatch]:
    """Score every key point against the answer; an empty answer mentions nothing."""
    have = features(answer) if answer.strip() else {}
    out = []
    for point in points:
        want = features(point)
        total = sum(want.values())
        s = (sum(w for f, w in want.items() if f in have) / total) if total else 0.0
        out.append(PointMatch(point, s, bool(have) and s >= threshold))
    return out
