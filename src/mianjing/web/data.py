"""What the pages read and write: problems (loaded once), progress in SQLite, drafts, settings.

One SQLite connection per server thread (opening one per request would cost more than the query).
Judging results are written by the judge service only; the web writes drafts, ratings and settings.
"""

from __future__ import annotations

import json
import re
import sqlite3
from contextvars import ContextVar
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Any

from ..store.db import connect, utcnow

PROBLEM_ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
CARD_ID_RE = re.compile(r"^[a-z0-9][a-z0-9._-]{0,80}$")
LANG_KEY = "web_lang"

# One connection per request, opened on first use and closed when the response is sent (app.py).
# A connection kept across requests could hold an old read snapshot and miss what the judge service
# has just stored; opening one costs about a millisecond.
request_conns: ContextVar[list[sqlite3.Connection] | None] = ContextVar("mianjing_request_conns", default=None)


def db() -> sqlite3.Connection:
    holder = request_conns.get()
    if holder is None:  # outside a request: a connection of its own
        return _open()
    if not holder:
        holder.append(_open())
    return holder[0]


def _open() -> sqlite3.Connection:
    conn = connect()
    conn.execute("PRAGMA busy_timeout = 10000")
    return conn


def close_request_conns(holder: list[sqlite3.Connection]) -> None:
    for conn in holder:
        try:
            conn.close()
        except sqlite3.Error:
            pass
    holder.clear()


# ---------------------------------------------------------------- problems

@lru_cache(maxsize=1)
def problems() -> tuple[dict[str, Any], list[str]]:
    """id -> Problem (every folder that loads), and the messages of those that do not."""
    from ..problems.bank import load_all

    loaded, errors = load_all()
    return {p.id: p for p in loaded}, errors


def problem(pid: str):
    if not PROBLEM_ID_RE.match(pid or ""):
        return None
    return problems()[0].get(pid)


def problem_set(p) -> dict[str, Any] | None:
    """The problem's set (e.g. Hot 100) if problem.toml declares one; attributes may not exist yet."""
    name = getattr(p, "set_name", None)
    if not name:
        return None
    return {"name": name, "row": getattr(p, "set_row", None), "section": getattr(p, "set_section", None),
            "leetcode": getattr(p, "leetcode", None)}


def summary(p, status: str) -> dict[str, Any]:
    doc = p.summary() | {"status": status}
    s = problem_set(p)
    if s:
        doc["set"] = s
    return doc


def statuses() -> dict[str, str]:
    from ..store.progress import statuses as st

    return st(db())


def filter_problems(args: dict[str, str]) -> list[dict[str, Any]]:
    """The problems table: every filter the page offers (kind, difficulty, tag, catalogue, status,
    set, section, free-text q), applied in the order of the bank (sets by their row number)."""
    status = statuses()
    q = (args.get("q") or "").strip().casefold()
    rows = []
    for p in problems()[0].values():
        st = status.get(p.id, "new")
        s = problem_set(p) or {}
        if args.get("kind") and p.kind != args["kind"]:
            continue
        if args.get("difficulty") and p.difficulty != args["difficulty"]:
            continue
        if args.get("tag") and args["tag"] not in p.tags:
            continue
        if args.get("cat") and args["cat"] not in p.catalogue:
            continue
        if args.get("status") and st != args["status"]:
            continue
        if args.get("set") and s.get("name") != args["set"]:
            continue
        if args.get("section") and s.get("section") != args["section"]:
            continue
        if q:
            hay = " ".join([p.id, p.title["zh"], p.title["en"], " ".join(p.tags), " ".join(p.catalogue),
                            str(s.get("leetcode") or "")]).casefold()
            if not all(w in hay for w in q.split()):
                continue
        rows.append(summary(p, st))
    if args.get("set"):
        rows.sort(key=lambda r: (r.get("set", {}).get("row") or 0, r["id"]))
    return rows


def facets() -> dict[str, list[str]]:
    ps = list(problems()[0].values())
    sets = sorted({s["name"] for p in ps if (s := problem_set(p))})
    sections = sorted({s["section"] for p in ps if (s := problem_set(p)) and s.get("section")},
                      key=lambda sec: min((problem_set(p) or {}).get("row") or 0 for p in ps
                                          if (problem_set(p) or {}).get("section") == sec))
    return {
        "tags": sorted({t for p in ps for t in p.tags if not t.startswith("leetcode-")}),
        "catalogue": sorted({c for p in ps for c in p.catalogue}),
        "sets": sets,
        "sections": sections,
    }


def hints(p, lang: str) -> list[str]:
    """The problem's progressive hints (hints.{lang}.md), [] when it has none or they do not parse."""
    from ..problems.guides import GuideError, hints_path, load_hints

    if not hints_path(p.path, lang).is_file():
        return []
    try:
        return load_hints(p.path, lang)
    except GuideError:
        return []


def solution(p, lang: str):
    """The worked solution (`problems.guides.Solution`), or None when the problem has none."""
    from ..problems.guides import GuideError, load_solution, solution_path

    if not solution_path(p.path, lang).is_file():
        return None
    try:
        return load_solution(p.path, lang)
    except GuideError:
        return None


def hints_seen(pid: str) -> int:
    from ..store.guides import hints_seen as seen

    return seen(db(), pid)


# ---------------------------------------------------------------- submissions and drafts

def submissions(pid: str) -> list[dict[str, Any]]:
    rows = db().execute(
        "SELECT id, problem, created_at, verdict, passed, total, time_ms, code FROM submissions "
        "WHERE problem = ? ORDER BY id DESC", (pid,))
    return [dict(r) for r in rows]


def submission(sid: int) -> dict[str, Any] | None:
    row = db().execute("SELECT * FROM submissions WHERE id = ?", (sid,)).fetchone()
    if row is None:
        return None
    doc = dict(row)
    doc["cases"] = json.loads(doc.pop("cases_json") or "[]")
    prev = db().execute("SELECT id, code FROM submissions WHERE problem = ? AND id < ? ORDER BY id DESC LIMIT 1",
                        (doc["problem"], sid)).fetchone()
    doc["previous"] = dict(prev) if prev else None
    return doc


def solved(pid: str) -> bool:
    return db().execute("SELECT 1 FROM submissions WHERE problem = ? AND verdict = 'accepted' LIMIT 1",
                        (pid,)).fetchone() is not None


def draft(pid: str) -> str | None:
    row = db().execute("SELECT code FROM drafts WHERE problem = ?", (pid,)).fetchone()
    return row[0] if row else None


def save_draft(pid: str, code: str) -> None:
    db().execute("INSERT INTO drafts (problem, code, updated_at) VALUES (?, ?, ?) ON CONFLICT(problem) "
                 "DO UPDATE SET code = excluded.code, updated_at = excluded.updated_at", (pid, code, utcnow()))


def recent(limit: int = 8) -> list[dict[str, Any]]:
    from ..store.progress import recent as rc

    return rc(db(), limit)


def activity(days: int = 182) -> dict[str, int]:
    """Local date -> submissions + reviews that day, for the heatmap."""
    from datetime import datetime

    counts: Counter[str] = Counter()
    for table, col in (("submissions", "created_at"), ("card_reviews", "reviewed_at")):
        for (stamp,) in db().execute(f"SELECT {col} FROM {table} WHERE {col} >= date('now', ?)", (f"-{days} days",)):
            counts[datetime.fromisoformat(stamp).astimezone().date().isoformat()] += 1
    return dict(counts)


def progress_groups() -> dict[str, list[dict[str, Any]]]:
    """Solved / attempted / total per kind, per tag, and per catalogue group (the letter of the id)."""
    status = statuses()
    groups: dict[str, dict[str, Counter]] = {"kind": defaultdict(Counter), "tag": defaultdict(Counter),
                                             "group": defaultdict(Counter)}
    for p in problems()[0].values():
        st = status.get(p.id, "new")
        keys = {"kind": [p.kind], "tag": [t for t in p.tags if not t.startswith("leetcode-")],
                "group": sorted({c[0] for c in p.catalogue})}
        for dim, names in keys.items():
            for n in names:
                groups[dim][n]["total"] += 1
                groups[dim][n][st] += 1
    return {dim: [{"name": n, "total": c["total"], "solved": c["solved"], "attempted": c["attempted"]}
                  for n, c in sorted(by.items(), key=lambda kv: (-kv[1]["total"], kv[0]))]
            for dim, by in groups.items()}


# ---------------------------------------------------------------- settings

def remembered_lang() -> str:
    """The language the CLI uses too (`mianjing config set lang`), or the web's own setting where
    that shared file does not exist in this version."""
    try:
        from ..settings import SettingsError, effective
    except ImportError:
        return get_setting(LANG_KEY) or "zh"
    try:
        return effective("lang")[0]
    except SettingsError:
        return "zh"


def remember_lang(lang: str) -> None:
    try:
        from ..settings import set_value
    except ImportError:
        set_setting(LANG_KEY, lang)
        return
    set_value("lang", lang)


def get_setting(key: str) -> str | None:
    from ..store.reviews import get_setting as gs

    return gs(db(), key)


def set_setting(key: str, value: str) -> None:
    from ..store.reviews import set_setting as ss

    ss(db(), key, value)
