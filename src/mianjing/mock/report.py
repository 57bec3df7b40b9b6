"""The report of a mock round: scores per part, an overall judgement in words, what it changes.

Effects, applied when the round is stored:
  - every card answered with under WEAK of its key points is rated Again in the FSRS scheduler
    (the answer and its key-point count go to the review log), so it is due for review now;
  - every problem not accepted is recorded; `mianjing plan` puts it at the front until accepted.
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from datetime import datetime, timezone

from .planner import Round
from .runner import PartResult

WEAK = 0.5
_BANDS = (  # (lowest score, zh, en)
    (0.8, "表现扎实：这一轮大概率通过。", "Solid: this round would likely pass."),
    (0.6, "勉强及格：能过一部分面试官，薄弱环节要补。", "Borderline: some interviewers would pass it; fix the weak parts."),
    (0.4, "偏弱：多数面试官不会通过，先补下面列出的薄弱项。", "Weak: most interviewers would not pass it; work on the weak items below first."),
    (0.0, "没有通过：先复习这一轮涉及的卡片和题目再来一次。", "Not passed: review this round's cards and problems, then try again."),
)
_PART_NAMES = {
    "intro": ("自我介绍", "self-introduction"), "paper": ("论文/项目", "paper/project"),
    "resume": ("简历深挖", "resume deep-dive"), "fundamentals": ("八股", "fundamentals"),
    "coding": ("手撕代码", "coding"), "reverse": ("反问", "questions for the interviewer"),
}


def part_name(kind: str, lang: str) -> str:
    zh, en = _PART_NAMES.get(kind, (kind, kind))
    return zh if lang == "zh" else en


@dataclass
class MockReport:
    round: Round
    parts: list[PartResult]
    started_at: datetime
    finished_at: datetime
    scheduled: list[dict] = field(default_factory=list)  # cards rated Again: {id, due}
    failed_problems: list[str] = field(default_factory=list)
    id: int | None = None

    @property
    def score(self) -> float:
        scored = [p for p in self.parts if p.score is not None]
        weight = sum(p.minutes for p in scored)
        return sum(p.score * p.minutes for p in scored) / weight if weight else 0.0

    def judgement(self) -> str:
        lang = self.round.lang
        band = next(b for b in _BANDS if self.score >= b[0])
        words = band[1] if lang == "zh" else band[2]
        weak = [part_name(p.kind, lang) for p in self.parts if p.score is not None and p.score < WEAK]
        late = [part_name(p.kind, lang) for p in self.parts if p.over_time]
        if weak:
            words += (" 薄弱环节：" + "、".join(dict.fromkeys(weak)) + "。") if lang == "zh" else (" Weak parts: " + ", ".join(dict.fromkeys(weak)) + ".")
        if late:
            words += (" 超时：" + "、".join(dict.fromkeys(late)) + "。") if lang == "zh" else (" Over time: " + ", ".join(dict.fromkeys(late)) + ".")
        return words

    def weak_cards(self) -> list[str]:
        return [i.card for p in self.parts for i in p.items if i.card and i.score < WEAK]

    def failed(self) -> list[str]:
        return [i.problem for p in self.parts for i in p.items if i.problem and i.verdict != "accepted"]

    def to_dict(self) -> dict:
        return {"id": self.id, "template": self.round.template, "name": self.round.name, "seed": self.round.seed,
                "lang": self.round.lang, "started_at": self.started_at.isoformat(timespec="seconds"),
                "finished_at": self.finished_at.isoformat(timespec="seconds"),
                "score": round(self.score, 3), "judgement": self.judgement(),
                "parts": [p.to_dict() for p in self.parts],
                "scheduled_for_review": self.scheduled, "front_of_plan": self.failed_problems}


def store_report(conn: sqlite3.Connection, report: MockReport, *, now: datetime | None = None) -> int:
    """Apply the effects (weak cards due now, failed problems noted) and store the round."""
    from ..cards.review import Reviewer

    now = now or datetime.now(timezone.utc)
    reviewer = Reviewer(conn)
    report.scheduled = []
    for p in report.parts:
        for i in p.items:
            if i.card and i.score < WEAK:
                out = reviewer.review(i.card, 1, now=now, duration_ms=int(i.seconds * 1000), lang=report.round.lang,
                                      answer=i.answer, keypoints_hit=len(i.hit), keypoints_total=len(i.hit) + len(i.missed))
                report.scheduled.append({"id": i.card, "due": out.due.isoformat(timespec="seconds")})
    report.failed_problems = report.failed()
    with conn:
        cur = conn.execute(
            "INSERT INTO mock_rounds (template, seed, started_at, finished_at, score, judgement, report_json) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (report.round.template, report.round.seed, report.started_at.isoformat(), report.finished_at.isoformat(),
             report.score, report.judgement(), "{}"))
        report.id = int(cur.lastrowid)
        for p in report.parts:
            for i in p.items:
                conn.execute("INSERT INTO mock_items (mock, part, kind, ref, score, verdict, seconds, over_time) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                             (report.id, p.kind, i.kind, i.card or i.problem or i.key, i.score, i.verdict, i.seconds,
                              int(i.over_time)))
        conn.execute("UPDATE mock_rounds SET report_json = ? WHERE id = ?",
                     (json.dumps(report.to_dict(), ensure_ascii=False), report.id))
    return report.id


def history(conn: sqlite3.Connection, limit: int = 20) -> list[dict]:
    rows = conn.execute("SELECT id, template, seed, started_at, finished_at, score, judgement FROM mock_rounds "
                        "ORDER BY id DESC LIMIT ?", (limit,))
    return [dict(r) for r in rows]


def load_report(conn: sqlite3.Connection, mock_id: int) -> dict | None:
    row = conn.execute("SELECT report_json FROM mock_rounds WHERE id = ?", (mock_id,)).fetchone()
    return json.loads(row[0]) if row else None


def failed_problems(conn: sqlite3.Connection) -> list[str]:
    """Problems a mock round failed that have no accepted submission since, most recent first."""
    rows = conn.execute(
        """SELECT i.ref, MAX(r.finished_at) AS last FROM mock_items i JOIN mock_rounds r ON r.id = i.mock
           WHERE i.kind = 'problem' AND (i.verdict IS NULL OR i.verdict != 'accepted')
           GROUP BY i.ref ORDER BY last DESC""").fetchall()
    out = []
    for r in rows:
        accepted = conn.execute("SELECT 1 FROM submissions WHERE problem = ? AND verdict = 'accepted' AND created_at >= ?",
                                (r["ref"], _utc_seconds(r["last"]))).fetchone()
        if accepted is None:
            out.append(r["ref"])
    return out


def weak_cards(conn: sqlite3.Connection) -> list[str]:
    """Cards whose latest mock answer covered under WEAK of the key points, most recent first."""
    rows = conn.execute(
        """SELECT i.ref, i.score FROM mock_items i JOIN mock_rounds r ON r.id = i.mock
           WHERE i.kind = 'card' ORDER BY r.finished_at DESC, i.id DESC""").fetchall()
    seen, out = set(), []
    for r in rows:
        if r["ref"] in seen:
            continue
        seen.add(r["ref"])
        if r["score"] is not None and r["score"] < WEAK:
            out.append(r["ref"])
    return out


def _utc_seconds(value: str) -> str:
    """Submissions store `isoformat(timespec='seconds')` in UTC; compare in the same form."""
    return datetime.fromisoformat(value).astimezone(timezone.utc).isoformat(timespec="seconds")
