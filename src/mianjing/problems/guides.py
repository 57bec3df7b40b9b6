"""A problem's guides: progressive hints (`hints.{zh,en}.md`) and the worked solution (`solution.{zh,en}.md`).

Formats (docs/problem-format.md):
- hints: level-2 headings `## 1`, `## 2` [, `## 3`], each followed by one hint; 2 or 3 of them.
- solution: exactly five level-2 sections in a fixed order (the names are per language); the last,
  Related cards, is a list of card ids in backticks or the single bullet `- none`.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import NamedTuple

LANGS = ("zh", "en")
SECTION_KEYS = ("approach", "complexity", "mistakes", "followups", "cards")
SECTION_TITLES = {
    "en": ("Approach", "Complexity", "Common mistakes", "Follow-up questions", "Related cards"),
    "zh": ("思路", "复杂度", "常见错误", "追问", "相关卡片"),
}
MIN_HINTS, MAX_HINTS = 2, 3

_HEADING = re.compile(r"^##\s+(.+?)\s*$")
_FENCE = re.compile(r"^\s*(```|~~~)")
_CARD_BULLET = re.compile(r"^\s*[-*]\s+`([a-z0-9]+(?:-[a-z0-9]+)*)`")


class GuideError(Exception):
    """A hints or solution file is missing or malformed; the message names the file and what is wrong."""


class Solution(NamedTuple):  # not a dataclass: `mianjing judge` imports this module, and dataclasses costs ~8 ms
    lang: str
    sections: dict[str, str]  # SECTION_KEYS -> markdown body (without its heading)
    cards: list[str]  # related card ids, in file order ([] for `- none`)

    def markdown(self) -> str:
        """The whole solution again, headings included (for display)."""
        titles = SECTION_TITLES[self.lang]
        return "\n\n".join(f"## {t}\n\n{self.sections[k]}" for t, k in zip(titles, SECTION_KEYS))


def hints_path(folder: Path, lang: str) -> Path:
    return Path(folder) / f"hints.{lang}.md"


def solution_path(folder: Path, lang: str) -> Path:
    return Path(folder) / f"solution.{lang}.md"


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise GuideError(f"{path}: missing (every problem needs it; see docs/problem-format.md)") from None
    except UnicodeDecodeError as exc:
        raise GuideError(f"{path}: not UTF-8 text ({exc})") from None


def _split_level2(text: str) -> list[tuple[str, str]]:
    """(heading, body) for each `## heading` outside fenced code; text before the first heading is
    returned under the heading '' so that callers can reject it."""
    parts: list[tuple[str, list[str]]] = [("", [])]
    in_fence = False
    for line in text.splitlines():
        if _FENCE.match(line):
            in_fence = not in_fence
        m = None if in_fence else _HEADING.match(line)
        if m:
            parts.append((m.group(1), []))
        else:
            parts[-1][1].append(line)
    return [(h, "\n".join(body).strip()) for h, body in parts]


def parse_hints(text: str, where: str = "hints") -> list[str]:
    parts = _split_level2(text)
    if parts[0][1]:
        raise GuideError(f"{where}: text before the first '## 1' heading")
    hints = parts[1:]
    if not MIN_HINTS <= len(hints) <= MAX_HINTS:
        raise GuideError(f"{where}: {len(hints)} hints; write {MIN_HINTS} or {MAX_HINTS} under '## 1', '## 2'[, '## 3']")
    out = []
    for i, (heading, body) in enumerate(hints, start=1):
        if heading != str(i):
            raise GuideError(f"{where}: hint {i} has the heading '## {heading}'; expected '## {i}'")
        if not body:
            raise GuideError(f"{where}: hint {i} is empty")
        out.append(body)
    return out


def parse_solution(text: str, lang: str, where: str = "solution") -> Solution:
    if lang not in LANGS:
        raise GuideError(f"{where}: unknown language '{lang}'")
    titles = SECTION_TITLES[lang]
    parts = _split_level2(text)
    if parts[0][1]:
        raise GuideError(f"{where}: text before the first section '## {titles[0]}'")
    headings = [h for h, _ in parts[1:]]
    if tuple(headings) != titles:
        raise GuideError(f"{where}: sections are {headings}; expected exactly {list(titles)} in this order")
    sections = {}
    for key, (title, body) in zip(SECTION_KEYS, parts[1:]):
        if not body:
            raise GuideError(f"{where}: section '## {title}' is empty")
        sections[key] = body
    cards = _parse_cards(sections["cards"], f"{where}: section '## {titles[-1]}'")
    return Solution(lang, sections, cards)


def _parse_cards(body: str, where: str) -> list[str]:
    lines = [ln for ln in body.splitlines() if ln.strip()]
    if [ln.strip() for ln in lines] == ["- none"]:
        return []
    cards = []
    for ln in lines:
        m = _CARD_BULLET.match(ln)
        if not m:
            raise GuideError(f"{where}: line {ln.strip()!r} is not a bullet with a card id in backticks "
                             "(or the single line '- none')")
        cards.append(m.group(1))
    return cards


def load_hints(folder: Path, lang: str) -> list[str]:
    path = hints_path(folder, lang)
    return parse_hints(_read(path), str(path))


def load_solution(folder: Path, lang: str) -> Solution:
    path = solution_path(folder, lang)
    return parse_solution(_read(path), lang, str(path))


def has_guides(folder: Path) -> bool:
    """True when all four files exist (validity is checked by load_hints/load_solution)."""
    return all(hints_path(folder, lang).is_file() and solution_path(folder, lang).is_file() for lang in LANGS)


def unbalanced_dollars(markdown: str) -> bool:
    """True if `$` math delimiters outside code do not pair up (a raw `$` would show in the terminal).

    `\\$` is a literal dollar and does not count; `$$` counts as two."""
    in_fence = False
    count = 0
    for line in markdown.splitlines():
        if _FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        outside_code = re.sub(r"`[^`]*`", "", line).replace("\\$", "")
        count += outside_code.count("$")
    return count % 2 == 1


def attach_next(doc: dict, problems_dir: Path | None = None) -> dict:
    """On an accepted judge report, add `next`: the command that shows the solution and the related
    cards. Reports of other verdicts, and problems without a solution file, are left unchanged."""
    if doc.get("verdict") != "accepted" or not doc.get("problem"):
        return doc
    if problems_dir is None:
        from ..paths import PROBLEMS_DIR as problems_dir
    folder = Path(problems_dir) / str(doc["problem"])
    try:
        cards = load_solution(folder, "en").cards
    except GuideError:
        return doc
    doc["next"] = {"solution": f"mianjing solution {doc['problem']}", "cards": cards}
    return doc
