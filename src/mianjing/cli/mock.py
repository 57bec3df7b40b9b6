"""`mianjing mock list|plan|run|history`: mock interview rounds shaped like the seed's real ones.

No torch here: problems are judged by the judge service (or, with --no-service, by the in-process
judge, which loads torch only then).
"""

from __future__ import annotations

import os
import random
import shlex
import subprocess
import tempfile
from datetime import datetime, timezone
from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape as esc
from rich.panel import Panel
from rich.table import Table

from .common import console, err_console, fail, print_json

LANG_HELP = "zh or en (default: the remembered language, see `mianjing config`)."


def _lang(value: Optional[str]) -> str:
    from .config import lang

    return lang(value)


def _sources():
    """Cards, problems and the templates, validated against each other."""
    from ..cards.bank import load_bank
    from ..mock.templates import load_templates
    from ..problems.bank import load_all

    bank = load_bank()
    problems, _ = load_all()
    by_id = {p.id: p for p in problems}
    templates = load_templates(card_ids=set(bank.cards), problem_ids=set(by_id))
    for issue in templates.issues:
        err_console.print(f"[yellow]warning:[/] template {esc(str(issue))} (left out)", highlight=False)
    return bank, by_id, templates


def _template(templates, company: str, rnd: int):
    template = templates.get(company, rnd)
    if template is not None:
        return template
    companies = templates.companies()
    if company not in companies:
        fail(f"no rounds for company {esc(repr(company))}; companies: {', '.join(companies)} "
             "(use `--company generic` for one the seed does not report)")
    rounds = ", ".join(str(r) for r in templates.rounds(company))
    extra = " (the seed's round 2 was ended early with nothing asked)" if company == "bytedance-ecommerce" else ""
    fail(f"{esc(company)} has no round {rnd}{extra}; rounds: {rounds}")


def _claims(resume: Optional[Path], bank, lang: str):
    if resume is None:
        return None
    from ..mock.resume import check_file
    from ..mock.resume_read import ResumeError

    try:
        return check_file(resume, bank, lang=lang).claims
    except ResumeError as exc:
        fail(esc(str(exc)))


def _plan(company: str, rnd: int, resume: Optional[Path], seed: Optional[int], lang: str):
    from ..mock.planner import plan_round

    bank, problems, templates = _sources()
    template = _template(templates, company, rnd)
    seed = seed if seed is not None else random.SystemRandom().randrange(2**31)
    return plan_round(template, bank, problems, seed=seed, lang=lang, claims=_claims(resume, bank, lang)), bank, problems


COMPANY = typer.Option(..., "--company", "-c", help="e.g. tencent-wxg; `mianjing mock list` shows them all.")
ROUND = typer.Option(1, "--round", "-r", min=1, help="Which round (1 = first).")
RESUME = typer.Option(None, "--resume", help="Your resume (.md .txt .pdf .docx): the resume part asks about its claims.")
SEED = typer.Option(None, "--seed", min=0, help="Seed for drawn questions; the same seed gives the same round.")


def list_cmd(as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
             lang: Optional[str] = typer.Option(None, "--lang", help=LANG_HELP)) -> None:
    """The rounds there are templates for, with their parts and the seed lines they come from."""
    lang = _lang(lang)
    _, _, templates = _sources()
    rows = sorted(templates.templates.values(), key=lambda t: (t.company, t.round))
    if as_json:
        print_json({"templates": [{"company": t.company, "round": t.round, "name": t.name[lang], "minutes": t.minutes,
                                   "parts": [p.kind for p in t.parts], "seed_lines": list(t.lines)} for t in rows]})
        return
    table = Table(title="Mock rounds", title_justify="left")
    for col in ("company", "round", "name", "minutes", "parts", "seed lines"):
        table.add_column(col)
    for t in rows:
        table.add_row(t.company, str(t.round), esc(t.name[lang]), f"{t.minutes:g}", ", ".join(p.kind for p in t.parts),
                      "-".join(map(str, t.lines)))
    console.print(table)


def plan_cmd(
    company: str = COMPANY, rnd: int = ROUND, resume: Optional[Path] = RESUME, seed: Optional[int] = SEED,
    lang: Optional[str] = typer.Option(None, "--lang", help=LANG_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    """Print the round `mock run` would run (parts, questions with card ids, problems); runs nothing.

    Example: mianjing mock plan --company tencent-wxg --round 2 --json
    """
    rnd_, _, _ = _plan(company, rnd, resume, seed, _lang(lang))
    if as_json:
        print_json(rnd_.to_dict())
        return
    from ..mock.report import part_name

    console.print(f"[bold]{esc(rnd_.name)}[/]  {rnd_.minutes:g} min, seed {rnd_.seed}", highlight=False)
    for n, part in enumerate(rnd_.parts, 1):
        console.rule(f"{n}. {part_name(part.kind, rnd_.lang)} · {part.minutes:g} min · seed lines "
                     f"{'-'.join(map(str, part.lines))}", align="left")
        for q in part.questions:
            ref = q.card or q.problem or ""
            console.print(f"  - {esc(q.text)} [dim]{esc(ref)}{' · ' + esc(q.why) if q.why else ''}[/]", highlight=False)


class TerminalResponder:
    """Asks on the terminal: answers end with an empty line; `e` opens $EDITOR; the clock is shown."""

    def __init__(self, lang: str):
        self.lang = lang

    def _clock(self, clock) -> str:
        left = clock.left_in_part()
        sign = "-" if left < 0 else ""
        left = abs(left)
        return f"⏱ {int(clock.round_used // 60)}:{int(clock.round_used % 60):02d} used · part {sign}{int(left // 60)}:{int(left % 60):02d} left"

    def answer(self, q, part, clock):
        from ..mock.runner import Response, Stopwatch

        console.print(Panel(esc(q.text), title=self._clock(clock), title_align="left"))
        watch = Stopwatch()
        lines = []
        first = console.input("[bold]answer[/] (empty line ends; e = $EDITOR; Enter alone skips)> ")
        if first.strip() == "e":
            text = _editor()
        else:
            while first.strip():
                lines.append(first)
                first = console.input("")
            text = "\n".join(lines)
        return Response(text=text, seconds=watch.seconds())

    def code(self, q, stub, clock, judge):
        from ..mock.runner import Response, Stopwatch

        watch = Stopwatch()
        limit = q.minutes * 60
        console.print(Panel(f"{esc(q.text)}\nWrite your solution in [bold]{esc(str(stub))}[/] ({q.minutes:g} min).",
                            title=self._clock(clock), title_align="left"))
        doc = None
        while True:
            left = limit - watch.seconds()
            mark = f"[red]{int(-left // 60)} min over[/]" if left < 0 else f"{int(left // 60)}:{int(left % 60):02d} left"
            raw = console.input(f"{mark} · Enter judges the file, s moves on> ").strip().lower()
            if raw == "s":
                break
            doc = judge(q.problem, stub.read_text(encoding="utf-8"))
            console.print(f"{doc.get('verdict')}: {doc.get('passed')}/{doc.get('total')} cases", highlight=False)
            if doc.get("verdict") == "accepted":
                break
        return Response(code_file=stub, seconds=watch.seconds(), judged=doc)


def _editor() -> str:
    editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    with tempfile.NamedTemporaryFile("w+", suffix=".md", delete=False, encoding="utf-8") as f:
        path = f.name
    try:
        subprocess.call(shlex.split(editor) + [path])
        return Path(path).read_text(encoding="utf-8")
    finally:
        os.unlink(path)


def _make_judge(no_service: bool):
    """(problem, code) -> the judge's document; a failing judge gives a `judge_error` document, not a crash."""
    state: dict = {}

    def judge(problem: str, code: str) -> dict:
        try:
            if no_service:
                from ..judge.local import LocalJudge
                from ..judge.service import record

                if "local" not in state:
                    state["local"] = LocalJudge(spare=False)
                doc = state["local"].judge(problem, code, None).to_json()
                record(doc, code)
                return doc
            from ..judge.service import judge_via_service

            return judge_via_service(problem, code, None)
        except Exception as exc:  # noqa: BLE001 - the round goes on; the report says what happened
            err_console.print(f"[yellow]warning:[/] the judge failed on {esc(problem)}: {esc(str(exc))}", highlight=False)
            return {"problem": problem, "verdict": "judge_error", "passed": 0, "total": 0, "message": str(exc)}

    def close() -> None:
        if "local" in state:
            state["local"].close()

    return judge, close


def run_cmd(
    company: str = COMPANY, rnd: int = ROUND, resume: Optional[Path] = RESUME, seed: Optional[int] = SEED,
    answers: Optional[Path] = typer.Option(None, "--answers", help="Scripted run: a TOML file of answers "
                                           "([answers] key = text, [code] problem = file, [seconds] key = n)."),
    workdir: Optional[Path] = typer.Option(None, "--workdir", help="Where coding stubs are written "
                                           "(default: ./mock-<company>-<round>)."),
    no_service: bool = typer.Option(False, "--no-service", help="Judge in this process instead of the warm service."),
    lang: Optional[str] = typer.Option(None, "--lang", help=LANG_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print the report as one JSON document."),
) -> None:
    """Run a round: one question at a time with the clock; coding writes the stub and judges your file.

    The report (scores per part, missed key points, verdicts, a judgement) is stored; weak cards
    become due for review now and failed problems go to the front of `mianjing plan`.
    Example: mianjing mock run --company tencent-wxg --round 2 --resume cv.pdf
    """
    from ..mock.report import MockReport, store_report
    from ..mock.runner import AnswersError, ScriptedResponder, run_round, unused_keys

    lang = _lang(lang)
    round_, _, problems = _plan(company, rnd, resume, seed, lang)
    if answers is not None:
        try:
            responder = ScriptedResponder(answers)
        except AnswersError as exc:
            fail(esc(str(exc)))
        for key in unused_keys(responder, round_):
            err_console.print(f"[yellow]warning:[/] {esc(key)} in {esc(str(answers))} matches no question of this round "
                              f"(seed {round_.seed}); `mianjing mock plan` lists the keys", highlight=False)
    else:
        responder = TerminalResponder(lang)
    workdir = workdir or Path(f"mock-{round_.template}")
    judge, close = _make_judge(no_service)
    started = datetime.now(timezone.utc)
    try:
        parts = run_round(round_, responder, judge, problems=problems, workdir=workdir)
    except (KeyboardInterrupt, EOFError):
        fail("mock round stopped: the round is not stored (it is scored only when it ends); "
             "solutions judged during it are kept as submissions", 130)
    finally:
        close()
    report = MockReport(round_, parts, started, datetime.now(timezone.utc))
    from ..store.db import DatabaseError, connect

    try:
        conn = connect()
    except DatabaseError as exc:
        fail(esc(str(exc)), 1)
    store_report(conn, report)
    doc = report.to_dict()
    if as_json:
        print_json(doc)
    else:
        render(doc)


def render(doc: dict) -> None:
    from ..mock.report import part_name

    lang = doc["lang"]
    console.print(f"[bold]{esc(doc['name'])}[/] · mock #{doc['id']} · score {doc['score']:.0%}", highlight=False)
    table = Table(expand=True)
    for col in ("part", "asked", "time", "score", "missed / verdict"):
        table.add_column(col, ratio=2 if col in ("asked", "missed / verdict") else None)
    for p in doc["parts"]:
        for i in p["items"]:
            late = " [red]over[/]" if i.get("over_time") else ""
            detail = (f"{i['verdict']} {i.get('passed', '-')}/{i.get('total', '-')}" if i["kind"] == "problem"
                      else _missed(i.get("missed", [])))
            table.add_row(part_name(p["kind"], lang), esc(i["question"][:80]), f"{i['seconds'] / 60:.1f} min{late}",
                          f"{i['score']:.0%}", esc(detail))
        table.add_row(f"[dim]{part_name(p['kind'], lang)} total[/]", "",
                      f"[dim]{p['seconds'] / 60:.1f}/{p['minutes']:g} min[/]" + (" [red]over[/]" if p["over_time"] else ""),
                      f"[dim]{p['score']:.0%}[/]" if p["score"] is not None else "", "", end_section=True)
    console.print(table)
    console.print(f"[bold]{esc(doc['judgement'])}[/]", highlight=False)
    if doc["scheduled_for_review"]:
        console.print("Due for review now: " + ", ".join(c["id"] for c in doc["scheduled_for_review"])
                      + " (`mianjing review`)", highlight=False)
    if doc["front_of_plan"]:
        console.print("At the front of your plan: " + ", ".join(doc["front_of_plan"]) + " (`mianjing plan --today`)",
                      highlight=False)


def _missed(points: list[str], shown: int = 2) -> str:
    """The first missed key points, shortened; `--json` and `mock history --show ID --json` list all."""
    if not points:
        return "—"
    text = "; ".join(p if len(p) <= 48 else p[:47] + "…" for p in points[:shown])
    return text + (f" (+{len(points) - shown} more)" if len(points) > shown else "")


def history_cmd(
    show: Optional[int] = typer.Option(None, "--show", help="Print the full report of this mock id."),
    limit: int = typer.Option(20, "--limit", "-n", min=1, help="At most this many rounds."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    """Past mock rounds: when, which round, score, judgement. Example: mianjing mock history --show 3"""
    from ..mock.report import history, load_report
    from ..store.db import DatabaseError, connect

    try:
        conn = connect()
    except DatabaseError as exc:
        fail(esc(str(exc)), 1)
    if show is not None:
        doc = load_report(conn, show)
        if doc is None:
            fail(f"no mock round #{show}; `mianjing mock history` lists them")
        print_json(doc) if as_json else render(doc)
        return
    rows = history(conn, limit)
    if as_json:
        print_json({"rounds": rows})
        return
    if not rows:
        console.print("No mock rounds yet: `mianjing mock run --company generic`.")
        return
    table = Table(title="Mock rounds", title_justify="left")
    for col in ("id", "when", "round", "score", "judgement"):
        table.add_column(col)
    for r in rows:
        table.add_row(str(r["id"]), r["finished_at"][:16].replace("T", " "), r["template"], f"{r['score']:.0%}",
                      esc(r["judgement"]))
    console.print(table)


def register(app: typer.Typer) -> None:
    mock_app = typer.Typer(name="mock", help="Mock interview rounds shaped like real ones: list, plan, run, history.",
                           no_args_is_help=True, add_completion=False)
    mock_app.command("list")(list_cmd)
    mock_app.command("plan")(plan_cmd)
    mock_app.command("run")(run_cmd)
    mock_app.command("history")(history_cmd)
    app.add_typer(mock_app, name="mock")
