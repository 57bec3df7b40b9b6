"""Round templates: `bank/mock/<company>-<round>.toml`, one per round the seed reports.

A template lists its parts in order. Each part has a `kind` (intro, paper, resume, fundamentals,
coding, reverse), its minutes, and the seed lines it comes from (`lines = [a]` or `[a, b]`, a range
of lines of shared/seed/interview-notes.zh.txt). Fundamentals and reverse parts name cards
(`cards = [...]`), coding parts name problems (`problems = [...]`); either may instead draw `draw`
items from a `pool` (the generic template), chosen by the round's seed. Resume parts ask
`questions` questions taken from the resume check.

`validate()` checks a template the way `cards check` checks a card: every key known, every card id
and problem id existing, every seed line in range. Loading never raises for one bad file: it is
left out and its issues are reported.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from ..paths import BANK_DIR

TEMPLATES_DIR = BANK_DIR / "mock"
SEED_LINE_COUNT = 170  # lines of shared/seed/interview-notes.zh.txt; citations must fall inside
KINDS = ("intro", "paper", "resume", "fundamentals", "coding", "reverse")
_TOP_KEYS = {"company", "round", "name", "lines", "quote", "part"}
_PART_KEYS = {"kind", "minutes", "lines", "cards", "problems", "questions", "draw", "pool"}


@dataclass(frozen=True)
class Part:
    kind: str
    minutes: float
    lines: tuple[int, ...]
    cards: tuple[str, ...] = ()
    problems: tuple[str, ...] = ()
    questions: int = 0  # resume parts: how many questions
    draw: int = 0  # draw this many from `pool` (cards or problems by kind)
    pool: tuple[str, ...] = ()


@dataclass(frozen=True)
class Template:
    company: str
    round: int
    name: dict[str, str]
    lines: tuple[int, ...]
    quote: str  # a phrase found in the cited seed lines (the tests check it against the seed)
    parts: tuple[Part, ...]
    path: Path = field(compare=False, default=Path())

    @property
    def id(self) -> str:
        return f"{self.company}-{self.round}"

    @property
    def minutes(self) -> float:
        return sum(p.minutes for p in self.parts)


@dataclass(frozen=True)
class TemplateIssue:
    path: Path
    message: str

    def __str__(self) -> str:
        return f"{self.path.name}: {self.message}"


def _lines(value, where: str, issues: list[str]) -> tuple[int, ...]:
    if (not isinstance(value, list) or not 1 <= len(value) <= 2
            or not all(isinstance(v, int) and not isinstance(v, bool) for v in value)):
        issues.append(f"{where}: `lines` must be [line] or [first, last] (integers)")
        return ()
    if any(not 1 <= v <= SEED_LINE_COUNT for v in value):
        issues.append(f"{where}: seed lines {value} outside 1..{SEED_LINE_COUNT}")
    if len(value) == 2 and value[0] > value[1]:
        issues.append(f"{where}: line range {value} runs backwards")
    return tuple(value)


def _strs(value, where: str, key: str, issues: list[str]) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        issues.append(f"{where}: `{key}` must be a list of ids")
        return ()
    return tuple(value)


def parse(path: Path) -> tuple[Template | None, list[str]]:
    """The template in `path` and the problems of its form (ids are checked by `validate`)."""
    issues: list[str] = []
    try:
        doc = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        return None, [f"cannot be read as TOML ({exc})"]
    for key in sorted(set(doc) - _TOP_KEYS):
        issues.append(f"unknown key `{key}` (known: {', '.join(sorted(_TOP_KEYS))})")
    company, rnd = doc.get("company"), doc.get("round")
    if not isinstance(company, str) or not company:
        issues.append("`company` must be a non-empty string")
    if not isinstance(rnd, int) or isinstance(rnd, bool) or rnd < 1:
        issues.append("`round` must be a positive integer")
    elif isinstance(company, str) and path.stem != f"{company}-{rnd}":
        issues.append(f"the file must be named {company}-{rnd}.toml")
    name = doc.get("name")
    if not isinstance(name, dict) or not all(isinstance(name.get(k), str) and name.get(k) for k in ("zh", "en")):
        issues.append("`name` must have `zh` and `en` strings")
        name = {}
    quote = doc.get("quote")
    if not isinstance(quote, str) or not quote:
        issues.append("`quote` must be a phrase of the cited seed lines")
    lines = _lines(doc.get("lines"), "template", issues)
    parts = []
    raw_parts = doc.get("part")
    if not isinstance(raw_parts, list) or not raw_parts:
        issues.append("a template needs at least one [[part]]")
        raw_parts = []
    for i, raw in enumerate(raw_parts, 1):
        where = f"part {i}"
        if not isinstance(raw, dict):
            issues.append(f"{where}: must be a table")
            continue
        for key in sorted(set(raw) - _PART_KEYS):
            issues.append(f"{where}: unknown key `{key}`")
        kind = raw.get("kind")
        if kind not in KINDS:
            issues.append(f"{where}: `kind` must be one of {', '.join(KINDS)}, got {kind!r}")
        minutes = raw.get("minutes")
        if not isinstance(minutes, (int, float)) or isinstance(minutes, bool) or minutes <= 0:
            issues.append(f"{where}: `minutes` must be a positive number")
            minutes = 0
        part = Part(
            kind=str(kind), minutes=float(minutes), lines=_lines(raw.get("lines"), where, issues),
            cards=_strs(raw.get("cards"), where, "cards", issues),
            problems=_strs(raw.get("problems"), where, "problems", issues),
            questions=int(raw.get("questions", 0) or 0), draw=int(raw.get("draw", 0) or 0),
            pool=_strs(raw.get("pool"), where, "pool", issues),
        )
        if kind in ("fundamentals", "reverse") and not (part.cards or part.draw):
            issues.append(f"{where}: a {kind} part needs `cards` or `draw` from a `pool`")
        if kind == "coding" and not (part.problems or part.draw):
            issues.append(f"{where}: a coding part needs `problems` or `draw` from a `pool`")
        if kind == "resume" and part.questions < 1:
            issues.append(f"{where}: a resume part needs `questions` >= 1")
        if part.draw and len(part.pool) < part.draw:
            issues.append(f"{where}: `draw = {part.draw}` needs a pool of at least that many ids")
        parts.append(part)
    if issues:
        return None, issues
    return Template(company, rnd, dict(name), lines, quote, tuple(parts), path), []


def validate(template: Template, card_ids: set[str], problem_ids: set[str]) -> list[str]:
    """Ids that do not exist in the bank, and cards named twice."""
    issues = []
    named = [c for part in template.parts for c in part.cards]
    for cid in sorted({c for c in named if named.count(c) > 1}):
        issues.append(f"card {cid!r} is named by more than one part (a round asks each card once)")
    for i, part in enumerate(template.parts, 1):
        ids = part.cards + (part.pool if part.kind != "coding" else ())
        for cid in ids:
            if cid not in card_ids:
                issues.append(f"part {i}: no card {cid!r}")
        pids = part.problems + (part.pool if part.kind == "coding" else ())
        for pid in pids:
            if pid not in problem_ids:
                issues.append(f"part {i}: no problem {pid!r}")
    return issues


@dataclass
class Templates:
    templates: dict[str, Template]  # id -> template
    issues: list[TemplateIssue]

    def companies(self) -> list[str]:
        return sorted({t.company for t in self.templates.values()})

    def rounds(self, company: str) -> list[int]:
        return sorted(t.round for t in self.templates.values() if t.company == company)

    def get(self, company: str, rnd: int) -> Template | None:
        return self.templates.get(f"{company}-{rnd}")


def load_templates(directory: Path | None = None, *, card_ids: set[str] | None = None,
                   problem_ids: set[str] | None = None) -> Templates:
    """Every valid template. Ids are checked when `card_ids`/`problem_ids` are given."""
    directory = Path(directory) if directory else TEMPLATES_DIR
    out: dict[str, Template] = {}
    issues: list[TemplateIssue] = []
    for path in sorted(directory.glob("*.toml")):
        template, found = parse(path)
        if template is not None and card_ids is not None and problem_ids is not None:
            found = validate(template, card_ids, problem_ids)
        issues.extend(TemplateIssue(path, m) for m in found)
        if template is not None and not found:
            out[template.id] = template
    return Templates(out, issues)
