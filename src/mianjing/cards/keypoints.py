"""Offline matching of a typed answer against a card's key points, for Chinese and English.

No model and no network: each text becomes weighted features and a key point counts as mentioned
when enough of its weight is found in the answer.

Features
  Chinese  character bigrams and single characters of each run of Han characters. Bigrams need
           no word segmenter and keep word order ("状态" is not "态状"); single characters forgive
           a changed word ("梯度变小" vs "梯度很小"). A key point's score is the mean of its bigram
           recall and its character recall, so "把参数、梯度、优化器状态都切分" mentions
           "分片优化器状态、梯度和参数" and "推理加速" does not. Grams holding a function
           character (的, 了, 和, ...) weigh little: they are in every sentence.
  English  (and Latin words inside Chinese text) lower-cased alphanumeric tokens, stop words
           dropped, reduced by a small suffix stemmer so "shards/sharded/sharding" meet. A number
           weighs more than a word, a single letter less.
A key point is matched when its score reaches `THRESHOLD`. An empty answer matches nothing.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

THRESHOLD = 0.5

_HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(rf"[{_HAN}]+|[a-z0-9]+(?:\.[0-9]+)?")
_IS_HAN = re.compile(rf"[{_HAN}]")
# function characters: in nearly every sentence, so a gram holding one says little
_FUNCTION = frozenset("的了和与及或把被是在也就都而")
_LIGHT = 0.2
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
    """Feature -> weight. Keys: `b:` Han bigram, `u:` Han character, `en:` stemmed Latin token."""
    out: dict[str, float] = {}
    for tok in _TOKEN.findall(normalise(text)):
        if _IS_HAN.match(tok):
            for ch in tok:
                out["u:" + ch] = _LIGHT if ch in _FUNCTION else 1.0
            for i in range(len(tok) - 1):
                g = tok[i : i + 2]
                out["b:" + g] = _LIGHT if (g[0] in _FUNCTION or g[1] in _FUNCTION) else 1.0
        else:
            if tok in _STOP:
                continue
            s = stem(tok)
            weight = 1.5 if any(c.isdigit() for c in s) else (1.0 if len(s) > 1 else 0.5)
            out["en:" + s] = max(out.get("en:" + s, 0.0), weight)
    return out


def _recall(want: dict[str, float], have: dict[str, float], view: str) -> float | None:
    """Weighted share of the key point's features of one view (`b` or `u`, plus Latin tokens) found."""
    keys = [k for k in want if k.startswith((view + ":", "en:"))]
    total = sum(want[k] for k in keys)
    if not total:
        return None
    return sum(want[k] for k in keys if k in have) / total


def _score(want: dict[str, float], have: dict[str, float]) -> float:
    if not want or not have:
        return 0.0
    views = [r for r in (_recall(want, have, "b"), _recall(want, have, "u")) if r is not None]
    return sum(views) / len(views) if views else 0.0


@dataclass(frozen=True)
class PointMatch:
    point: str
    score: float
    hit: bool

    def to_dict(self) -> dict:
        return {"point": self.point, "score": round(self.score, 3), "hit": self.hit}


def score(answer: str, point: str) -> float:
    """How much of the key point the answer mentions, 0..1."""
    return _score(features(point), features(answer))


def match(answer: str, points: list[str], *, threshold: float = THRESHOLD) -> list[PointMatch]:
    """Score every key point against the answer; an empty answer mentions nothing."""
    have = features(answer) if answer.strip() else {}
    out = []
    for point in points:
        s = _score(features(point), have)
        out.append(PointMatch(point, s, bool(have) and s >= threshold))
    return out
