"""A knowledge card: the dataclass and the parser of its file format (docs/card-format.md).

A card file is a TOML header between `+++` lines, then `## zh` and `## en`, each with the same
`###` subsections. The parser only splits the file into its parts and records what it finds; it
raises `CardFormatError` when the file cannot be split at all (no header, TOML that does not
parse). Whether the parts are complete and correct is `schema.py`'s job, so that one pass can
report every problem of a file at once.
"""

from __future__ import annotations

import datetime as dt
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

LANGS = ("zh", "en")

# canonical section key -> heading per language, in the order the format requires
SECTIONS: tuple[tuple[str, str, str], ...] = (
    ("question", "问题", "Question"),
    ("short", "30秒回答", "30-second answer"),
    ("full", "完整回答", "Full answer"),
    ("derivation", "推导", "Derivation"),
    ("followups", "追问", "Follow-ups"),
    ("mistakes", "常见错误", "Common mistakes"),
    ("keypoints", "要点", "Key points"),
)
OPTIONAL_SECTIONS = frozenset({"derivation"})
SECTION_KEYS = tuple(key for key, _, _ in SECTIONS)
HEADING = {lang: {key: (zh if lang == "zh" else en) for key, zh, en in SECTIONS} for lang in LANGS}
KEY_BY_HEADING = {lang: {h: k for k, h in HEADING[lang].items()} for lang in LANGS}

HEADER_KEYS = ("id", "answers", "tags", "level", "checks", "reviewed", "sources")
LEVELS = ("basic", "core", "advanced")

_FENCE = re.compile(r"^\s*(```|~~~)")
_BULLET = re.compile(r"^\s{0,3}(?:[-*+]|\d+[.)])\s+(.*)$")


class CardFormatError(Exception):
    """The file cannot be split into header and body; `str()` names the file and what is wrong."""

    def __init__(self, path: Path | str, message: str):
        self.path = Path(path)
        self.message = message
        super().__init__(f"{path}: {message}")


@dataclass
class Side:
    """One language of a card: section key -> Markdown text (stripped), in file order."""

    lang: str
    sections: dict[str, str] = field(default_factory=dict)
    # headings found in this language that the format does not know (typos are caught by the schema)
    unknown_headings: list[str] = field(default_factory=list)
    # section keys in the order they appeared (order and duplicates are checked by the schema)
    order: list[str] = field(default_factory=list)
    preamble: str = ""  # text between `## lang` and its first `###` heading

    def get(self, key: str) -> str:
        return self.sections.get(key, "")

    @property
    def question(self) -> str:
        return self.get("question")

    @property
    def short(self) -> str:
        return self.get("short")

    @property
    def full(self) -> str:
        return self.get("full")

    @property
    def derivation(self) -> str:
        return self.get("derivation")

    @property
    def followups(self) -> list[str]:
        return bullets(self.get("followups"))

    @property
    def mistakes(self) -> list[str]:
        return bullets(self.get("mistakes"))

    @property
    def keypoints(self) -> list[str]:
        return bullets(self.get("keypoints"))


@dataclass
class Card:
    """A parsed card. Header values are kept as read (the schema checks their types)."""

    path: Path
    header: dict
    zh: Side
    en: Side
    # top-level `##` headings other than zh/en, and the order zh/en appeared in
    unknown_languages: list[str] = field(default_factory=list)
    language_order: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        value = self.header.get("id")
        return value if isinstance(value, str) else self.path.stem

    @property
    def file_id(self) -> str:
        return self.path.stem

    @property
    def topic(self) -> str:
        return self.path.parent.name

    @property
    def answers(self) -> list[str]:
        return _str_list(self.header.get("answers"))

    @property
    def tags(self) -> list[str]:
        return _str_list(self.header.get("tags"))

    @property
    def level(self) -> str:
        value = self.header.get("level")
        return value if isinstance(value, str) else ""

    @property
    def checks(self) -> list[str]:
        return _str_list(self.header.get("checks"))

    @property
    def sources(self) -> list[str]:
        return _str_list(self.header.get("sources"))

    @property
    def reviewed(self) -> dt.date | None:
        value = self.header.get("reviewed")
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value
        return None

    def side(self, lang: str) -> Side:
        if lang not in LANGS:
            raise ValueError(f"unknown language {lang!r}; use one of {', '.join(LANGS)}")
        return self.zh if lang == "zh" else self.en

    def question(self, lang: str) -> str:
        return self.side(lang).question

    def to_dict(self, *, full: bool = True) -> dict:
        """JSON-ready summary (`full=False`) or the whole card."""
        doc: dict = {
            "id": self.id,
            "topic": self.topic,
            "answers": self.answers,
            "tags": self.tags,
            "level": self.level,
            "question": {lang: self.side(lang).question for lang in LANGS},
        }
        if full:
            doc["checks"] = self.checks
            doc["reviewed"] = self.reviewed.isoformat() if self.reviewed else None
            doc["sources"] = self.sources
            doc["path"] = str(self.path)
            for lang in LANGS:
                side = self.side(lang)
                doc[lang] = {
                    "question": side.question,
                    "short": side.short,
                    "full": side.full,
                    "derivation": side.derivation or None,
                    "followups": side.followups,
                    "mistakes": side.mistakes,
                    "keypoints": side.keypoints,
                }
        return doc


def _str_list(value: object) -> list[str]:
    if isinstance(value, list):
        return [v for v in value if isinstance(v, str)]
    return []


def bullets(text: str) -> list[str]:
    """The items of a Markdown bullet (or numbered) list; an indented line continues its item."""
    items: list[str] = []
    for line in text.splitlines():
        m = _BULLET.match(line)
        if m:
            items.append(m.group(1).strip())
        elif line.strip() and items and (line.startswith((" ", "\t"))):
            items[-1] = f"{items[-1]} {line.strip()}"
    return items


def non_bullet_lines(text: str) -> list[str]:
    """Lines of a section that are neither a bullet nor a continuation of one (the schema rejects them)."""
    out, in_item = [], False
    for line in text.splitlines():
        if _BULLET.match(line):
            in_item = True
        elif not line.strip():
            continue
        elif in_item and line.startswith((" ", "\t")):
            continue
        else:
            out.append(line.strip())
    return out


def split_header(text: str, path: Path | str = "<card>") -> tuple[dict, str, int]:
    """Return (header dict, body text, line number where the body starts)."""
    text = text.lstrip("\ufeff")
    lines = text.splitlines()
    if not lines or lines[0].strip() != "+++":
        raise CardFormatError(path, "the file must start with a TOML header: a line `+++`, the keys, a line `+++`")
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "+++")
    except StopIteration:
        raise CardFormatError(path, "the TOML header opened on line 1 is never closed by a `+++` line") from None
    raw = "\n".join(lines[1:end])
    try:
        header = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        # tomllib reports positions inside the header; line 1 of the header is line 2 of the file
        raise CardFormatError(path, f"the TOML header does not parse: {exc} (header starts on line 2)") from None
    return header, "\n".join(lines[end + 1 :]), end + 2


def _headings(body: str, level: int) -> list[tuple[int, str]]:
    """(line index, heading text) of ATX headings of exactly `level`, outside fenced code."""
    out, fenced = [], False
    prefix = "#" * level + " "
    for i, line in enumerate(body.splitlines()):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if not fenced and line.startswith(prefix) and not line.startswith("#" * (level + 1)):
            out.append((i, line[len(prefix) :].strip().rstrip("#").strip()))
    return out


def _split(body: str, level: int) -> tuple[str, list[tuple[str, str]]]:
    lines = body.splitlines()
    marks = _headings(body, level)
    if not marks:
        return body, []
    pre = "\n".join(lines[: marks[0][0]])
    parts = []
    for n, (i, title) in enumerate(marks):
        stop = marks[n + 1][0] if n + 1 < len(marks) else len(lines)
        parts.append((title, "\n".join(lines[i + 1 : stop]).strip("\n")))
    return pre, parts


def parse_side(lang: str, text: str) -> Side:
    side = Side(lang=lang)
    pre, parts = _split(text, 3)
    side.preamble = pre.strip()
    for title, content in parts:
        key = KEY_BY_HEADING[lang].get(title)
        if key is None:
            side.unknown_headings.append(title)
            continue
        side.order.append(key)
        if key in side.sections:
            continue  # duplicate: recorded in `order`, reported by the schema
        side.sections[key] = content.strip()
    return side


def parse_text(text: str, path: Path | str) -> Card:
    path = Path(path)
    header, body, _ = split_header(text, path)
    _, parts = _split(body, 2)
    sides: dict[str, Side] = {}
    unknown, order = [], []
    for title, content in parts:
        lang = title.strip().lower()
        if lang in LANGS:
            order.append(lang)
            if lang not in sides:
                sides[lang] = parse_side(lang, content)
        else:
            unknown.append(title)
    return Card(
        path=path,
        header=header,
        zh=sides.get("zh", Side("zh")),
        en=sides.get("en", Side("en")),
        unknown_languages=unknown,
        language_order=order,
    )


def parse_card(path: Path | str) -> Card:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise CardFormatError(path, f"not valid UTF-8 ({exc})") from None
    except OSError as exc:
        raise CardFormatError(path, f"cannot be read ({exc.strerror})") from None
    return parse_text(text, path)
