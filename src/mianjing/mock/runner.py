"""Running a planned round and scoring it.

The runner asks one question at a time through a `Responder` (the terminal, or an answers file for
scripted runs and tests) and scores as it goes:
  card and prompt questions  key-point coverage (cards/keypoints.py), the missed points listed
  problems                   the judge's verdict: accepted in time 1.0, accepted late 0.75,
                             otherwise half the share of cases passed; no solution 0
A part's score is the mean of its questions; the round's is the mean of its parts weighted by
their minutes. Time over is recorded per question and per part, never stops the round.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

from ..cards.keypoints import match
from .planner import PlannedPart, Question, Round

Judge = Callable[[str, str], dict]  # (problem id, code) -> the judge's JSON document


class AnswersError(Exception):
    """The answers file is unusable; the message says why."""


@dataclass
class Response:
    text: str = ""
    code_file: Path | None = None
    seconds: float = 0.0
    judged: dict | None = None  # set when the responder already judged (interactive retries)


class Responder(Protocol):
    def answer(self, q: Question, part: PlannedPart, clock: Clock) -> Response: ...

    def code(self, q: Question, stub: Path, clock: Clock, judge: Judge) -> Response: ...


@dataclass
class Clock:
    """Elapsed time of the round and of the current part, from the responder's reported seconds."""
    round_minutes: float
    part_minutes: float = 0.0
    part_used: float = 0.0
    round_used: float = 0.0

    def left_in_part(self) -> float:
        return self.part_minutes * 60 - self.part_used


def score_problem(doc: dict | None, seconds: float, minutes: float) -> float:
    if doc is None:
        return 0.0
    if doc.get("verdict") == "accepted":
        return 1.0 if seconds <= minutes * 60 else 0.75
    total = doc.get("total") or 0
    return 0.5 * (doc.get("passed", 0) / total) if total else 0.0


@dataclass
class ItemResult:
    part: str
    key: str
    kind: str
    question: str
    seconds: float
    score: float
    over_time: bool = False
    answer: str = ""
    hit: list[str] = field(default_factory=list)
    missed: list[str] = field(default_factory=list)
    card: str | None = None
    problem: str | None = None
    verdict: str | None = None
    passed: int | None = None
    total: int | None = None
    file: str | None = None

    def to_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v is not None}


@dataclass
class PartResult:
    kind: str
    minutes: float
    seconds: float
    items: list[ItemResult]

    @property
    def over_time(self) -> bool:
        return self.seconds > self.minutes * 60

    @property
    def score(self) -> float | None:
        return sum(i.score for i in self.items) / len(self.items) if self.items else None

    def to_dict(self) -> dict:
        return {"kind": self.kind, "minutes": self.minutes, "seconds": round(self.seconds, 1),
                "over_time": self.over_time, "score": None if self.score is None else round(self.score, 3),
                "items": [i.to_dict() for i in self.items]}


def run_round(rnd: Round, responder: Responder, judge: Judge, *, problems: dict, workdir: Path) -> list[PartResult]:
    clock = Clock(rnd.minutes)
    results = []
    for part in rnd.parts:
        clock.part_minutes, clock.part_used = part.minutes, 0.0
        items = []
        for q in part.questions:
            if q.kind == "problem":
                items.append(_coding(q, part, responder, judge, problems[q.problem], workdir, clock, rnd.lang))
            else:
                r = responder.answer(q, part, clock)
                items.append(score_answer(q, part.kind, r.text, r.seconds))
                clock.part_used += r.seconds
                clock.round_used += r.seconds
        results.append(PartResult(part.kind, part.minutes, clock.part_used, items))
    return results


def score_answer(q: Question, part_kind: str, text: str, seconds: float) -> ItemResult:
    """A card or prompt question: key-point coverage of the answer, the missed points listed."""
    matched = match(text, q.keypoints)
    hits = [m.point for m in matched if m.hit]
    return ItemResult(part_kind, q.key, q.kind, q.text, seconds, len(hits) / len(matched) if matched else 0.0,
                      answer=text, hit=hits, missed=[m.point for m in matched if not m.hit], card=q.card)


def score_coding(q: Question, part_kind: str, doc: dict | None, seconds: float, file: str | None = None) -> ItemResult:
    """A problem: the judge's document (None: nothing submitted) and the time it took."""
    return ItemResult(part_kind, q.key, "problem", q.text, seconds, score_problem(doc, seconds, q.minutes),
                      over_time=seconds > q.minutes * 60, problem=q.problem,
                      verdict=doc.get("verdict") if doc else "not_attempted",
                      passed=doc.get("passed") if doc else None, total=doc.get("total") if doc else None, file=file)


def collect_parts(rnd: Round, items: dict[str, ItemResult]) -> list[PartResult]:
    """The round's parts from results keyed by question key; a question with none counts as
    unanswered (an empty answer, no submission, no time), as a skipped question does in `run_round`."""
    parts = []
    for part in rnd.parts:
        done = []
        for q in part.questions:
            item = items.get(q.key)
            if item is None:
                item = score_coding(q, part.kind, None, 0.0) if q.kind == "problem" else score_answer(q, part.kind, "", 0.0)
            done.append(item)
        parts.append(PartResult(part.kind, part.minutes, sum(i.seconds for i in done), done))
    return parts


def write_stub(problem, workdir: Path, lang: str) -> Path:
    workdir.mkdir(parents=True, exist_ok=True)
    target = workdir / f"{problem.id}.py"
    if not target.exists():  # a rerun in the same folder keeps the candidate's work
        header = "\n".join("# " + line if line else "#" for line in problem.statement(lang).splitlines())
        target.write_text(f"{header}\n#\n# mianjing judge {problem.id} {target.name}\n\n{problem.stub()}", encoding="utf-8")
    return target


def _coding(q: Question, part: PlannedPart, responder: Responder, judge: Judge, problem, workdir: Path,
            clock: Clock, lang: str) -> ItemResult:
    stub = write_stub(problem, workdir, lang)
    r = responder.code(q, stub, clock, judge)
    doc = r.judged
    if doc is None and r.code_file is not None:
        doc = judge(q.problem, r.code_file.read_text(encoding="utf-8"))
    clock.part_used += r.seconds
    clock.round_used += r.seconds
    return score_coding(q, part.kind, doc, r.seconds, str(r.code_file) if r.code_file else None)


class ScriptedResponder:
    """Answers from a TOML file, keyed by question key (card id, problem id, or intro/paper):

        [answers]
        ppo-vs-dpo-vs-grpo = "PPO needs a critic ..."
        [code]
        lcs = "lcs.py"          # relative to the answers file
        [seconds]               # optional: time each answer took (default 0)
        lcs = 1800
    """

    def __init__(self, path: Path):
        self.path = Path(path)
        try:
            doc = tomllib.loads(self.path.read_text(encoding="utf-8"))
        except OSError as exc:
            raise AnswersError(f"{path}: cannot be read ({exc.strerror})") from None
        except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise AnswersError(f"{path}: not a TOML answers file ({exc}); see `mianjing mock run --help`") from None
        unknown = set(doc) - {"answers", "code", "seconds"}
        if unknown:
            raise AnswersError(f"{path}: unknown table(s) {', '.join(sorted(unknown))}; use [answers], [code], [seconds]")
        self.answers = {str(k): str(v) for k, v in doc.get("answers", {}).items()}
        self.code_files = {str(k): str(v) for k, v in doc.get("code", {}).items()}
        self.seconds = {}
        for k, v in doc.get("seconds", {}).items():
            if not isinstance(v, (int, float)) or isinstance(v, bool) or v < 0:
                raise AnswersError(f"{path}: [seconds] {k} must be a number >= 0, got {v!r}")
            self.seconds[str(k)] = float(v)
        for k, f in self.code_files.items():
            if not (self.path.parent / f).is_file():
                raise AnswersError(f"{path}: [code] {k} = {f!r}: no such file next to the answers file")

    def answer(self, q: Question, part: PlannedPart, clock: Clock) -> Response:
        return Response(text=self.answers.get(q.key, ""), seconds=self.seconds.get(q.key, 0.0))

    def code(self, q: Question, stub: Path, clock: Clock, judge: Judge) -> Response:
        f = self.code_files.get(q.key)
        return Response(code_file=(self.path.parent / f) if f else None, seconds=self.seconds.get(q.key, 0.0))


def unused_keys(responder: ScriptedResponder, rnd: Round) -> list[str]:
    """Keys of the answers file that no question of the round has (likely typos)."""
    keys = {q.key for p in rnd.parts for q in p.questions}
    given = set(responder.answers) | set(responder.code_files) | set(responder.seconds)
    return sorted(given - keys)


class Stopwatch:
    def __init__(self) -> None:
        self.start = time.monotonic()

    def seconds(self) -> float:
        return time.monotonic() - self.start
