"""Validate a card against docs/card-format.md; every problem named by file and field.

`validate_card` returns a list of `Issue`s (empty when the card is valid) instead of stopping at
the first, so an author fixes a file in one go. Checks are looked up statically (see checks.py):
validating never imports a topic's checks.
"""

from __future__ import annotations

import datetime as dt
import keyword
import re
from dataclasses import dataclass
from pathlib import Path

from .card import (
    HEADER_KEYS,
    HEADING,
    LANGS,
    LEVELS,
    OPTIONAL_SECTIONS,
    SECTION_KEYS,
    Card,
    CardFormatError,
    bullets,
    non_bullet_lines,
    parse_card,
)
from .checks import ChecksFileError, checks_path, defined_checks

KEBAB = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_CJK = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{3,}")
# follow-up bullets: "question — one-line answer" (an em dash; Chinese text may use a double one)
FOLLOWUP_SPLIT = re.compile(r"\s*—{1,2}\s*")
KEYPOINTS_MIN, KEYPOINTS_MAX = 3, 6
# sources must be primary: these hosts carry blogs and note collections, never the source of a fact
BANNED_SOURCE_HOSTS = ("zhihu.com", "csdn.net", "juejin.cn", "cnblogs.com", "medium.com",
                       "jianshu.com", "mp.weixin.qq.com", "segmentfault.com")


@dataclass(frozen=True)
class Issue:
    path: Path
    field: str
    message: str

    def __str__(self) -> str:
        return f"{_show(self.path)}: {self.field}: {self.message}"

    def to_dict(self) -> dict:
        return {"path": str(self.path), "field": self.field, "message": self.message}


def validate_file(path: Path, catalogue_ids: set[str], *, today: dt.date | None = None) -> tuple[Card | None, list[Issue]]:
    """Parse and validate one file. Returns the card (None if it could not be parsed) and its issues."""
    try:
        card = parse_card(path)
    except CardFormatError as exc:
        return None, [Issue(Path(path), "file", exc.message)]
    return card, validate_card(card, catalogue_ids, today=today)


def validate_card(card: Card, catalogue_ids: set[str], *, today: dt.date | None = None) -> list[Issue]:
    issues: list[Issue] = []

    def bad(field: str, message: str) -> None:
        issues.append(Issue(card.path, field, message))

    _validate_header(card, catalogue_ids, today or dt.date.today(), bad)
    _validate_body(card, bad)
    return issues


def _validate_header(card: Card, catalogue_ids: set[str], today: dt.date, bad) -> None:
    h = card.header
    for key in HEADER_KEYS:
        if key not in h:
            bad(key, f"missing; every card header needs: {', '.join(HEADER_KEYS)}")
    for key in h:
        if key not in HEADER_KEYS:
            bad(key, f"unknown header key; the allowed keys are: {', '.join(HEADER_KEYS)}")

    if "id" in h:
        value = h["id"]
        if not isinstance(value, str):
            bad("id", f"must be a string, got {type(value).__name__}")
        elif value != card.file_id:
            bad("id", f"is {value!r} but the file is named {card.path.name!r}; the id must equal the file name without .md")
        elif not KEBAB.match(value):
            bad("id", f"{value!r} is not kebab-case (lower-case letters and digits joined by '-')")
    elif not KEBAB.match(card.file_id):
        bad("id", f"file name {card.path.name!r} is not a kebab-case id")

    if "answers" in h:
        value = h["answers"]
        if not _is_str_list(value):
            bad("answers", "must be a list of catalogue ids, e.g. [\"K31\"]")
        elif not value:
            bad("answers", "is empty; name the catalogue items (K.., R.., B.., A03, C..) this card answers")
        else:
            for item in value:
                if item not in catalogue_ids:
                    bad("answers", f"{item!r} is not an id in the catalogue (bank/catalogue.md)")
            dupes = sorted({v for v in value if value.count(v) > 1})
            if dupes:
                bad("answers", f"lists {', '.join(dupes)} more than once")

    if "tags" in h:
        value = h["tags"]
        if not _is_str_list(value):
            bad("tags", "must be a list of strings")
        elif not value:
            bad("tags", "is empty; give at least one topic tag")
        else:
            for tag in value:
                if not KEBAB.match(tag):
                    bad("tags", f"{tag!r} is not a lower-case kebab-case tag")

    if "level" in h:
        value = h["level"]
        if value not in LEVELS:
            bad("level", f"is {value!r}; must be one of {', '.join(LEVELS)}")

    if "reviewed" in h:
        value = h["reviewed"]
        if isinstance(value, dt.datetime) or not isinstance(value, dt.date):
            bad("reviewed", f"must be a bare TOML date like 2026-11-29 (no quotes, no time), got {value!r}")
        elif value > today + dt.timedelta(days=1):
            bad("reviewed", f"{value.isoformat()} is in the future")

    if "sources" in h:
        value = h["sources"]
        if not _is_str_list(value):
            bad("sources", "must be a list of strings")
        elif not value:
            bad("sources", "is empty; cite the paper (with section) or the official documentation (with version)")
        else:
            for i, src in enumerate(value):
                if not src.strip():
                    bad("sources", f"entry {i + 1} is blank")
                elif len(src.strip()) < 15:
                    bad("sources", f"entry {i + 1} ({src!r}) is too short to find the source; give title and section or version")
                for host in BANNED_SOURCE_HOSTS:
                    if host in src.lower():
                        bad("sources", f"entry {i + 1} cites {host}, a blog/notes host; cite the primary source instead")

    if "checks" in h:
        value = h["checks"]
        if not _is_str_list(value):
            bad("checks", "must be a list of function names ([] when the card has no checkable claim)")
        else:
            _validate_checks(card, value, bad)


def _validate_checks(card: Card, names: list[str], bad) -> None:
    for name in names:
        if not name.isidentifier() or keyword.iskeyword(name):
            bad("checks", f"{name!r} is not a valid Python function name")
    dupes = sorted({n for n in names if names.count(n) > 1})
    if dupes:
        bad("checks", f"names {', '.join(dupes)} more than once")
    if not names:
        return
    path = checks_path(card.path.parent)
    if not path.is_file():
        bad("checks", f"names {', '.join(names)} but the topic has no {path}")
        return
    try:
        found = defined_checks(path)
    except ChecksFileError as exc:
        bad("checks", str(exc))
        return
    for name in names:
        if not name.isidentifier():
            continue
        d = found.get(name)
        if d is None:
            bad("checks", f"{name!r} is not a top-level function in {path}")
        elif d.required_args:
            bad("checks", f"{name}() in {path} (line {d.line}) takes arguments; a check takes none")


def _validate_body(card: Card, bad) -> None:
    for title in card.unknown_languages:
        bad("body", f"unknown top-level section '## {title}'; the body has exactly '## zh' then '## en'")
    for lang in LANGS:
        if lang not in card.language_order:
            bad(lang, f"section '## {lang}' is missing; both languages are required")
    if card.language_order[:2] == ["en", "zh"]:
        bad("body", "'## zh' must come before '## en'")
    for lang in set(card.language_order):
        if card.language_order.count(lang) > 1:
            bad(lang, f"'## {lang}' appears more than once")

    for lang in LANGS:
        if lang not in card.language_order:
            continue
        side = card.side(lang)
        where = lambda key: f"{lang}.{HEADING[lang][key]}"  # noqa: E731
        expected = ", ".join(f"'### {HEADING[lang][k]}'" for k in SECTION_KEYS)
        for title in side.unknown_headings:
            bad(lang, f"unknown heading '### {title}'; the {lang} headings are, in order: {expected}")
        if side.preamble:
            bad(lang, f"text before the first '###' heading of '## {lang}'; put it under a heading")
        for key in SECTION_KEYS:
            if side.order.count(key) > 1:
                bad(where(key), "appears more than once")
        seen = [k for i, k in enumerate(side.order) if k not in side.order[:i]]
        want = [k for k in SECTION_KEYS if k in seen]
        if seen != want:
            got = ", ".join(HEADING[lang][k] for k in seen)
            bad(lang, f"sections are out of order ({got}); the order is: {expected}")
        for key in SECTION_KEYS:
            if key in OPTIONAL_SECTIONS:
                continue
            if key not in side.sections:
                bad(where(key), "missing; this section is required")
            elif not side.sections[key].strip():
                bad(where(key), "is empty")
        if "derivation" in side.sections and not side.sections["derivation"].strip():
            bad(where("derivation"), "is empty; remove the heading or write the derivation")

        for key in ("followups", "mistakes", "keypoints"):
            text = side.sections.get(key, "")
            if text.strip():
                stray = non_bullet_lines(text)
                if stray:
                    bad(where(key), f"must be a bullet list; this line is not a bullet: {stray[0][:60]!r}")
                elif not bullets(text):
                    bad(where(key), "has no bullet items")
        for item in side.followups:
            parts = FOLLOWUP_SPLIT.split(item, maxsplit=1)
            if len(parts) < 2 or not parts[0].strip() or not parts[1].strip():
                bad(where("followups"), f"item {item[:50]!r} needs ' — ' and a one-line answer after it")
        n = len(side.keypoints)
        if side.sections.get("keypoints", "").strip() and not KEYPOINTS_MIN <= n <= KEYPOINTS_MAX:
            bad(where("keypoints"), f"has {n} items; give {KEYPOINTS_MIN} to {KEYPOINTS_MAX} short points")
        for point in side.keypoints:
            if len(point) > 120:
                bad(where("keypoints"), f"point {point[:40]!r}... is {len(point)} characters; keep each a short phrase")

        # a cheap guard against a language section written in the other language
        question = side.question
        if question:
            if lang == "zh" and not _CJK.search(question):
                bad(where("question"), "has no Chinese characters; write the zh question in Chinese")
            if lang == "en" and (not _LATIN_WORD.search(question) or len(_CJK.findall(question)) > len(question) // 4):
                bad(where("question"), "is not in English; write the en question in English")

    # both languages say the same thing: the lists have as many items in each
    if all(lang in card.language_order for lang in LANGS):
        for key in ("followups", "mistakes", "keypoints"):
            nz, ne = len(bullets(card.zh.get(key))), len(bullets(card.en.get(key)))
            if nz and ne and nz != ne:
                bad(f"en.{HEADING['en'][key]}",
                    f"has {ne} items but zh.{HEADING['zh'][key]} has {nz}; both languages list the same points")

    # both languages must agree on whether there is a derivation
    zh_d, en_d = "derivation" in card.zh.sections, "derivation" in card.en.sections
    if zh_d != en_d and all(lang in card.language_order for lang in LANGS):
        has, lacks = ("zh", "en") if zh_d else ("en", "zh")
        bad(f"{lacks}.{HEADING[lacks]['derivation']}",
            f"missing while '## {has}' has a derivation; both languages say the same thing")


def _show(path: Path) -> str:
    """The path relative to the working directory when it lies below it (shorter messages)."""
    try:
        return str(Path(path).resolve().relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _is_str_list(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)
