"""A mock round run in the browser, over the CLI's code (mock/planner, mock/runner, mock/report).

The server keeps each started round in memory and measures time itself: an answer's seconds are
those since the previous answer (or the start), as the CLI's stopwatch counts from one question to
the next. Scoring is `runner.score_answer` / `runner.score_coding`; a coding question takes the
latest submission of its problem made since the round started (the editor at /problems/<id> makes
it). Finishing stores the report with `report.store_report`, exactly as `mianjing mock run` does.
"""

from __future__ import annotations

import secrets
import sqlite3
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timezone

from ..mock.planner import PlannedPart, Question, Round
from ..mock.report import MockReport, store_report
from ..mock.runner import ItemResult, collect_parts, score_answer, score_coding

MAX_ANSWER_CHARS = 20_000
MAX_ROUNDS = 16  # rounds kept in memory at once; the oldest unfinished one is dropped first


class MockError(Exception):
    """A request this round cannot take; `status` is the HTTP status, the message says why."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


@dataclass
class WebRound:
    id: str
    round: Round
    started_at: datetime
    mark: float  # the clock's reading when the last answer was recorded (or the round started)
    items: dict[str, ItemResult] = field(default_factory=dict)

    def question(self, key: str) -> tuple[PlannedPart, Question]:
        for part in self.round.parts:
            for q in part.questions:
                if q.key == key:
                    return part, q
        raise MockError(404, f"no question {key!r} in this round; GET /api/mock/plan lists the keys")


class WebRounds:
    """The rounds started in this server; `clock` is injectable so tests can let minutes pass."""

    def __init__(self, clock: Callable[[], float] = time.monotonic):
        self.clock = clock
        self.rounds: dict[str, WebRound] = {}
        self.lock = threading.Lock()

    def start(self, rnd: Round) -> WebRound:
        with self.lock:
            while len(self.rounds) >= MAX_ROUNDS:
                self.rounds.pop(next(iter(self.rounds)))
            web = WebRound(secrets.token_urlsafe(9), rnd, datetime.now(timezone.utc), self.clock())
            self.rounds[web.id] = web
            return web

    def get(self, round_id: str) -> WebRound:
        web = self.rounds.get(round_id)
        if web is None:
            raise MockError(404, f"no running mock round {round_id!r} (finished, or the server restarted); "
                                 "start it again from /mock")
        return web

    def _take_time(self, web: WebRound) -> float:
        now = self.clock()
        seconds, web.mark = max(0.0, now - web.mark), now
        return seconds

    def answer(self, round_id: str, key: str, text: str) -> ItemResult:
        if len(text) > MAX_ANSWER_CHARS:
            raise MockError(413, f"the answer is {len(text)} characters; at most {MAX_ANSWER_CHARS}")
        with self.lock:
            web = self.get(round_id)
            part, q = web.question(key)
            if q.kind == "problem":
                raise MockError(400, f"{key!r} is a coding question: submit at /problems/{q.problem}, then "
                                     f"POST /api/mock/{round_id}/coding")
            if key in web.items:
                raise MockError(409, f"{key!r} is already answered in this round")
            web.items[key] = score_answer(q, part.kind, text, self._take_time(web))
            return web.items[key]

    def coding(self, round_id: str, key: str, conn: sqlite3.Connection) -> ItemResult:
        with self.lock:
            web = self.get(round_id)
            part, q = web.question(key)
            if q.kind != "problem":
                raise MockError(400, f"{key!r} is not a coding question; POST /api/mock/{round_id}/answer")
            if key in web.items:
                raise MockError(409, f"{key!r} is already finished in this round")
            doc = latest_submission(conn, q.problem, web.started_at)
            web.items[key] = score_coding(q, part.kind, doc, self._take_time(web))
            return web.items[key]

    def finish(self, round_id: str, conn: sqlite3.Connection) -> MockReport:
        """Score what was answered (the rest counts as skipped), store the report, forget the round."""
        with self.lock:
            web = self.get(round_id)
            report = MockReport(web.round, collect_parts(web.round, web.items), web.started_at,
                                datetime.now(timezone.utc))
            store_report(conn, report)
            self.rounds.pop(round_id, None)
            return report


def latest_submission(conn: sqlite3.Connection, problem: str, since: datetime) -> dict | None:
    """The newest submission of `problem` made at or after `since` (submissions store UTC seconds)."""
    row = conn.execute(
        "SELECT verdict, passed, total, created_at FROM submissions WHERE problem = ? AND created_at >= ? "
        "ORDER BY created_at DESC, id DESC LIMIT 1",
        (problem, since.astimezone(timezone.utc).isoformat(timespec="seconds"))).fetchone()
    return dict(row) if row else None
