"""Knowledge cards: `mianjing cards list|show|search|coverage|weakest|check|audit`, `mianjing review`, `mianjing plan`.

Thin shell over `mianjing.cards`: parse options, call, render (rich) or print one JSON document.
Nothing here imports torch; only `cards check` runs the cards' checks, which may.
"""

from __future__ import annotations

import random
import sys
import time
from datetime import date, datetime, timezone
from typing import Optional

import typer
from rich.markup import escape as esc
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from .common import console, err_console, fail, print_json

LANG_HELP = "Language of questions and answers: zh or en (default: `mianjing config set lang`, $MIANJING_LANG, the locale)."


# --- helpers ------------------------------------------------------------------------------
def _bank(*, quiet: bool = False):
    from ..cards.bank import load_bank

    bank = load_bank()
    if bank.issues and not quiet:
        bad = len({i.path for i in bank.issues})
        err_console.print(f"[yellow]warning:[/] {bad} card file(s) fail validation and are left out; "
                          "run `mianjing cards check` for the details.", highlight=False)
    return bank


def _topic(bank, topic: str | None) -> None:
    if topic and topic not in bank.topics():
        fail(f"no topic {esc(repr(topic))}; topics: {', '.join(bank.topics()) or '(none)'}")


def _lang(value: str | None) -> str:
    """--lang, else the remembered language (`mianjing config set lang`), $MIANJING_LANG, the locale."""
    from .config import lang

    return lang(value)


def _connect():
    from ..store.db import DatabaseError, connect

    try:
        return connect()
    except DatabaseError as exc:
        fail(esc(str(exc)), code=1)


def _card_or_fail(bank, card_id: str):
    card = bank.get(card_id)
    if card is None:
        import difflib

        close = difflib.get_close_matches(card_id, list(bank.cards), n=3, cutoff=0.5)
        hint = f"; did you mean {', '.join(close)}?" if close else "; `mianjing cards list` shows the ids"
        fail(f"no card {esc(repr(card_id))}{hint}")
    return card


def _when(due: datetime, now: datetime) -> str:
    delta = due - now
    secs = delta.total_seconds()
    if secs <= 0:
        return "now"
    if secs < 3600:
        return f"in {max(1, round(secs / 60))} min"
    if secs < 86400:
        return f"in {round(secs / 3600)} h"
    return f"in {round(secs / 86400)} days ({due.astimezone().date().isoformat()})"


# --- cards list / show / search -----------------------------------------------------------
def list_cmd(
    topic: Optional[str] = typer.Option(None, "--topic", "-t", help="Only this topic folder (e.g. attention)."),
    tag: Optional[str] = typer.Option(None, "--tag", help="Only cards with this tag."),
    level: Optional[str] = typer.Option(None, "--level", help="basic, core or advanced."),
    lang: Optional[str] = typer.Option(None, "--lang", help=LANG_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    """List the cards. Example: mianjing cards list --topic attention"""
    lang = _lang(lang)
    bank = _bank()
    _topic(bank, topic)
    cards = bank.select(topic=topic, tag=tag, level=level)
    if as_json:
        print_json({"count": len(cards), "cards": [c.to_dict(full=False) for c in cards]})
        return
    if not cards:
        console.print("No cards match.")
        return
    for name in sorted({c.topic for c in cards}):
        group = [c for c in cards if c.topic == name]
        table = Table(title=f"[bold]{name}[/] ({len(group)})", title_justify="left", expand=True)
        table.add_column("id", style="bold cyan", no_wrap=True)
        table.add_column("answers", no_wrap=True)
        table.add_column("question", ratio=1, min_width=24)
        for c in group:
            table.add_row(c.id, " ".join(c.answers), f"{esc(c.question(lang))} [dim]({c.level})[/]")
        console.print(table)
    console.print(f"{len(cards)} cards.")


def show_cmd(
    card_id: str = typer.Argument(..., help="Card id, e.g. zero-stages."),
    lang: Optional[str] = typer.Option(None, "--lang", help="zh, en or both (default: the remembered language, see `mianjing config`)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    """Show one card in full. Example: mianjing cards show zero-stages --lang en"""
    from ..cards.card import HEADING, SECTION_KEYS
    from .mathtext import markdown as Markdown  # formulas printed intact or as Unicode

    langs = ("zh", "en") if lang is not None and lang.lower() == "both" else (_lang(lang),)
    bank = _bank(quiet=as_json)
    card = _card_or_fail(bank, card_id)
    if as_json:
        print_json(card.to_dict(full=True))
        return
    meta = Table.grid(padding=(0, 2))
    meta.add_row("topic", esc(card.topic))
    meta.add_row("level", card.level)
    meta.add_row("answers", esc(", ".join(f"{a} {bank.catalogue[a].title}" for a in card.answers)))
    meta.add_row("tags", ", ".join(card.tags))
    meta.add_row("checks", ", ".join(card.checks) or "none")
    meta.add_row("reviewed", card.reviewed.isoformat() if card.reviewed else "")
    console.print(Panel(meta, title=f"[bold]{card.id}[/]", title_align="left"))
    for lg in langs:
        side = card.side(lg)
        for key in SECTION_KEYS:
            text = side.get(key)
            if text:
                console.print(Text(HEADING[lg][key], style="bold magenta"))
                console.print(Markdown(text))
                console.print()
    console.print(Text("sources", style="bold magenta"))
    for s in card.sources:
        console.print(f"- {esc(s)}", highlight=False)


def search_cmd(
    query: str = typer.Argument(..., help="Words to find (all must occur), Chinese or English."),
    limit: int = typer.Option(20, "--limit", "-n", min=1, help="At most this many results."),
    lang: Optional[str] = typer.Option(None, "--lang", help=LANG_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    """Search ids, tags, questions and answers. Example: mianjing cards search GQA"""
    lang = _lang(lang)
    bank = _bank(quiet=as_json)
    hits = bank.search(query)[:limit]
    if as_json:
        print_json({"query": query, "count": len(hits),
                    "cards": [dict(c.to_dict(full=False), score=s) for c, s in hits]})
        return
    if not hits:
        console.print(f"No card mentions {esc(repr(query))}.")
        return
    table = Table(title=f"{len(hits)} cards for {query!r}", title_justify="left")
    table.add_column("id", style="bold cyan", no_wrap=True)
    table.add_column("topic")
    table.add_column("question")
    for c, _ in hits:
        table.add_row(c.id, esc(c.topic), esc(c.question(lang)))
    console.print(table)


# --- coverage -----------------------------------------------------------------------------
def coverage_cmd(
    show_all: bool = typer.Option(False, "--all", help="List every item, not only the summary and the gaps."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    """Which catalogue items have cards (K, R, B, A03) or problems (C), and which are missing."""
    from ..cards.coverage import coverage

    bank = _bank(quiet=as_json)
    cov = coverage(bank)
    for w in cov.warnings:
        err_console.print(f"[yellow]warning:[/] {esc(w)}", highlight=False)
    if as_json:
        print_json(cov.to_dict())
        return
    names = {"K": "knowledge (K)", "R": "reports (R)", "B": "non-technical (B)", "C": "coding (C)", "A": "advice (A)"}
    summary = Table(title=f"Coverage of the catalogue by {len(bank.cards)} cards", title_justify="left")
    for col in ("items", "total", "covered", "missing", "covered by"):
        summary.add_column(col, justify="left" if col in ("items", "covered by") else "right")
    by = {"K": "cards", "R": "cards", "B": "cards", "C": "judged problems",
          "A": "A03: cards; A01, A02, A04: product features"}
    for kind, row in cov.summary().items():
        summary.add_row(names.get(kind, kind), str(row["total"]), str(row["covered"]),
                        f"[red]{row['missing']}[/]" if row["missing"] else "0", by.get(kind, ""))
    console.print(summary)
    if show_all:
        table = Table(title="Items", title_justify="left")
        table.add_column("id", style="bold")
        table.add_column("item")
        table.add_column("covered by")
        for c in cov.items:
            if c.item.scope == "feature":
                what = f"[dim]feature: {esc(c.item.feature)}[/]"
            elif c.progress is not None:
                what = f"{c.progress['set']}: {c.progress['judged']} of {c.progress['total']} rows judged"
            else:
                what = ", ".join(c.cards + c.problems) or "[red]missing[/]"
            table.add_row(c.item.id, esc(c.item.title), what)
        console.print(table)
    partial = {c.item.id for c in cov.items if c.progress is not None}
    cards_missing = cov.missing("cards")
    problems_missing = [i for i in cov.missing("problems") if i not in partial]
    if cards_missing:
        console.print(f"[red]No card yet[/] for {len(cards_missing)} item(s): {', '.join(cards_missing)}", highlight=False)
    else:
        console.print("Every K, R and B item and A03 has at least one card.")
    if problems_missing:
        console.print(f"[yellow]No problem yet[/] for {len(problems_missing)} coding item(s): "
                      f"{', '.join(problems_missing)}", highlight=False)
    for c in cov.items:  # whole-list items are counted row by row
        if c.progress is not None:
            console.print(f"{c.item.id} ({c.progress['set']}): {c.progress['judged']} of {c.progress['total']} rows judged",
                          highlight=False)
    console.print("[dim]A01, A02 and A04 are product features (study plan, resume check, mock rounds), "
                  "not cards; they are not counted as missing.[/]")


# --- weakest ------------------------------------------------------------------------------
def weakest_cmd(
    limit: int = typer.Option(10, "--limit", "-n", min=1, help="How many cards."),
    topic: Optional[str] = typer.Option(None, "--topic", "-t", help="Only this topic."),
    lang: Optional[str] = typer.Option(None, "--lang", help=LANG_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    """The reviewed cards you are least likely to recall now (FSRS retrievability), for a last cram."""
    from ..cards.review import Reviewer

    lang = _lang(lang)
    bank = _bank(quiet=as_json)
    _topic(bank, topic)
    cards = bank.select(topic=topic)
    conn = _connect()
    reviewer = Reviewer(conn)
    now = datetime.now(timezone.utc)
    weak = reviewer.weakest(cards, limit=limit, now=now)
    unreviewed = sum(1 for m in reviewer.memories(cards, now) if m.state is None)
    if as_json:
        print_json({
            "cards": [{"id": m.card.id, "topic": m.card.topic, "retrievability": round(m.retrievability, 4),
                       "due": m.due.isoformat(), "reviews": m.state.reps, "lapses": m.state.lapses,
                       "question": m.card.question(lang)} for m in weak],
            "unreviewed": unreviewed,
        })
        return
    if not weak:
        console.print(f"No reviewed cards yet ({unreviewed} never reviewed). Start with `mianjing review`.")
        return
    table = Table(title="Least likely to be recalled now", title_justify="left")
    table.add_column("id", style="bold cyan", no_wrap=True)
    table.add_column("recall", justify="right")
    table.add_column("due")
    table.add_column("question")
    for m in weak:
        table.add_row(m.card.id, f"{m.retrievability:.0%}", _when(m.due, now), esc(m.card.question(lang)))
    console.print(table)
    if unreviewed:
        console.print(f"[dim]{unreviewed} card(s) never reviewed are not listed.[/]")


# --- check --------------------------------------------------------------------------------
def check_cmd(
    card_ids: Optional[list[str]] = typer.Argument(None, help="Card ids to check (default: all)."),
    topic: Optional[str] = typer.Option(None, "--topic", "-t", help="Only cards of this topic."),
    no_run: bool = typer.Option(False, "--no-run", help="Only validate the files; do not run the checks."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    """Validate every card file and run the checks the cards name; exit 1 if anything fails."""
    from ..cards.checks import run_check

    bank = _bank(quiet=True)
    issues = bank.issues
    if card_ids:
        invalid = {i.path.stem for i in issues}
        for cid in card_ids:
            if cid not in invalid:
                _card_or_fail(bank, cid)
        issues = [i for i in issues if i.path.stem in card_ids]
        cards = [bank.cards[c] for c in card_ids if c in bank.cards]
    else:
        if topic and topic not in bank.topics() and not any(i.path.parent.name == topic for i in issues):
            fail(f"no topic {esc(repr(topic))}; topics: {', '.join(bank.topics()) or '(none)'}")
        cards = bank.select(topic=topic)
        if topic:
            issues = [i for i in issues if i.path.parent.name == topic]
    named: dict[tuple, list[str]] = {}
    for card in cards:
        for name in card.checks:
            named.setdefault((card.path.parent, name), []).append(card.id)
    results = []
    if not no_run:
        for (topic_dir, name), users in named.items():
            if not as_json:
                console.print(f"  {esc(topic_dir.name)}.{name} ...", end=" ", highlight=False)
            r = run_check(topic_dir, name)
            results.append((r, users))
            if not as_json:
                console.print("[green]ok[/]" if r.ok else f"[red]FAILED[/] {esc(r.message)}", highlight=False)
    failed = [r for r, _ in results if not r.ok]
    ok = not issues and not failed
    if as_json:
        print_json({
            "ok": ok,
            "cards": len(cards),
            "issues": [i.to_dict() for i in issues],
            "checks": [dict(r.to_dict(), cards=users) for r, users in results],
        })
    else:
        for i in issues:
            console.print(f"[red]invalid[/] {esc(str(i))}", highlight=False)
        ran = f"{len(results)} checks run, {len(failed)} failed" if not no_run else "checks not run"
        console.print(f"{len(cards)} valid cards, {len({i.path for i in issues})} invalid files; {ran}.",
                      highlight=False)
    if not ok:
        raise typer.Exit(1)


# --- audit --------------------------------------------------------------------------------
def audit_cmd(
    sample: int = typer.Option(5, "--sample", "-n", help="How many cards to draw (all if fewer)."),
    seed: Optional[int] = typer.Option(None, "--seed", "-s", help="Random seed; the same seed gives the same sample. Default: a new one, printed."),
    topic: Optional[str] = typer.Option(None, "--topic", "-t", help="Draw only from this topic."),
    lang: Optional[str] = typer.Option(None, "--lang", help=LANG_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    """A random sample of cards for a human reviewer: each card's claims and sources beside its checks' code."""
    from ..cards.audit import audit

    lang = _lang(lang)
    if sample < 1:
        fail(f"--sample must be at least 1, got {sample}")
    if seed is None:
        seed = random.SystemRandom().randrange(10**6)
    bank = _bank()
    _topic(bank, topic)
    entries = audit(bank.select(topic=topic), sample, seed)
    today = date.today()
    if as_json:
        print_json({"seed": seed, "sample": sample, "topic": topic,
                    "cards": [e.to_dict(today) for e in entries]})
        return
    console.print(f"Audit sample: {len(entries)} card(s), seed {seed} "
                  f"(rerun with --seed {seed} for the same cards).", highlight=False)
    for i, e in enumerate(entries, 1):
        c = e.card
        age = f"{(today - c.reviewed).days} days ago" if c.reviewed else "never"
        table = Table(title=f"{i}/{len(entries)}  {c.id}  ({c.topic}, reviewed {c.reviewed} — {age})",
                      title_justify="left", show_lines=True, expand=True)
        table.add_column("claims and sources", ratio=1)
        table.add_column("checks", ratio=1)
        side = c.side(lang)
        claims = Text()
        claims.append(side.question + "\n\n", style="bold")
        claims.append(side.short + "\n\nSources:\n")
        for src in c.sources:
            claims.append(f"• {src}\n")
        checks = Text()
        if not e.checks:
            checks.append("(no checks named: the card makes no checkable claim, or none is independent)", style="dim")
        for chk in e.checks:
            checks.append(f"{chk.name}", style="bold cyan")
            if not chk.found:
                checks.append("  MISSING from checks.py\n", style="red")
                continue
            checks.append(f"  (checks.py:{chk.line})\n")
            for finding in chk.lint:
                checks.append(f"⚠ {finding}\n", style="yellow")
            checks.append(chk.code + "\n\n")
        table.add_row(claims, checks)
        console.print(table)


# --- review -------------------------------------------------------------------------------
_RATING_WORDS = {"1": 1, "2": 2, "3": 3, "4": 4, "a": 1, "again": 1, "h": 2, "hard": 2,
                 "g": 3, "good": 3, "e": 4, "easy": 4}
_QUIT = {"q", "quit", ":q", "exit"}


class _Quit(Exception):
    pass


def _ask(prompt: str) -> str:
    try:
        return console.input(prompt)
    except EOFError:
        console.print()
        raise _Quit from None


def _print_rest(card, lang: str, markdown) -> None:
    """Everything the review screen leaves out: full answer, derivation, follow-ups, common mistakes."""
    from ..cards.card import HEADING

    side = card.side(lang)
    for key in ("full", "derivation", "followups", "mistakes"):
        text = side.get(key)
        if text:
            console.print(Text(HEADING[lang][key], style="bold magenta"))
            console.print(markdown(text))
            console.print()


def review_cmd(
    topic: Optional[str] = typer.Option(None, "--topic", "-t", help="Only cards of this topic folder."),
    limit: int = typer.Option(20, "--limit", "-n", min=1, help="At most this many cards in the session."),
    lang: Optional[str] = typer.Option(None, "--lang", help=LANG_HELP),
    new: bool = typer.Option(True, "--new/--no-new", help="Include cards never reviewed (after the due ones)."),
) -> None:
    """Review due cards: answer, compare with the key points, rate Again/Hard/Good/Easy.

    Each rating is saved the moment you give it; q, Ctrl-D or Ctrl-C ends the session and keeps them.
    """
    from ..cards.keypoints import match
    from ..cards.review import RATING_NAMES, Reviewer
    from .mathtext import markdown as Markdown  # formulas printed intact or as Unicode

    lang = _lang(lang)
    bank = _bank()
    _topic(bank, topic)
    if sys.stdin.isatty():
        try:
            import readline  # noqa: F401  (line editing for typed answers)
        except ImportError:
            pass
    cards = bank.select(topic=topic)
    conn = _connect()
    reviewer = Reviewer(conn)
    now = datetime.now(timezone.utc)
    queue = reviewer.queue(cards, limit=limit, now=now, include_new=new)
    if not queue:
        upcoming = [m.due for m in reviewer.memories(cards, now) if m.due is not None]
        nxt = f" The next card is due {_when(min(upcoming), now)}." if upcoming else ""
        console.print(f"Nothing to review now.{nxt}")
        return
    days = reviewer.days_left(now)
    if days is not None and days > 0:
        console.print(f"[dim]Interview on {reviewer.interview_date} ({days} days): target retention "
                      f"{reviewer.scheduler(now).desired_retention:.0%}; no interval runs past it.[/]")
    console.print(f"{len(queue)} card(s) to review. Type your answer and press Enter (Enter alone to skip), "
                  "then rate 1 Again · 2 Hard · 3 Good · 4 Easy. [bold]q[/] quits; every rating is saved at once.")
    done: list[int] = []
    stopped = None
    try:
        for n, card in enumerate(queue, 1):
            side = card.side(lang)
            console.rule(f"[bold]{n}/{len(queue)}[/]  {card.id}  [dim]{card.topic} · {card.level}[/]")
            console.print(Panel(Markdown(side.question), title="问题" if lang == "zh" else "Question",
                                title_align="left"))
            started = time.monotonic()
            answer = _ask("[bold]Your answer>[/] ").strip()
            if answer.lower() in _QUIT:
                raise _Quit
            results = match(answer, side.keypoints)
            console.print(Panel(Markdown(side.short), title="30秒回答" if lang == "zh" else "30-second answer",
                                title_align="left", border_style="green"))
            points = Text()
            for i, r in enumerate(results):
                points.append("  ✓ " if r.hit else "  ✗ ", style="bold green" if r.hit else "bold red")
                points.append(r.point + ("\n" if i < len(results) - 1 else ""))
            hits = sum(r.hit for r in results)
            label = "要点" if lang == "zh" else "Key points"
            title = f"{label}: {hits}/{len(results)} in your answer" if answer else f"{label} (no answer typed)"
            console.print(Panel(points, title=title, title_align="left"))
            while True:
                raw = _ask("[bold]Rate[/] 1 Again · 2 Hard · 3 Good · 4 Easy (f full answer, q quits)> ").strip().lower()
                if raw in _QUIT:
                    raise _Quit
                if raw == "f":
                    _print_rest(card, lang, Markdown)
                    continue
                if raw in _RATING_WORDS:
                    rating = _RATING_WORDS[raw]
                    break
                console.print(f"[red]{esc(repr(raw))} is not a rating;[/] type 1, 2, 3 or 4 (f shows the full answer, q quits).")
            now = datetime.now(timezone.utc)
            out = reviewer.review(card.id, rating, now=now, duration_ms=int((time.monotonic() - started) * 1000),
                                  lang=lang, answer=answer, keypoints_hit=hits, keypoints_total=len(results))
            done.append(rating)
            extra = " [dim](kept before the interview)[/]" if out.clamped else ""
            console.print(f"Saved {RATING_NAMES[rating]}. Next review {_when(out.due, now)}.{extra}", highlight=False)
    except _Quit:
        stopped = "quit"
    except KeyboardInterrupt:
        console.print()
        stopped = "interrupt"
    counts = ", ".join(f"{RATING_NAMES[r]} {done.count(r)}" for r in (1, 2, 3, 4) if done.count(r))
    if stopped:
        console.print(f"Stopped after {len(done)} of {len(queue)} cards; all {len(done)} rating(s) are saved."
                      + (f" ({counts})" if counts else ""), highlight=False)
    else:
        console.print(f"Session done: {len(done)} card(s) reviewed ({counts}).", highlight=False)
    if stopped == "interrupt":
        raise typer.Exit(130)


# --- plan ---------------------------------------------------------------------------------
def plan_cmd(
    interview_date: Optional[str] = typer.Option(None, "--interview-date", help="YYYY-MM-DD; remembered for later reviews."),
    clear: bool = typer.Option(False, "--clear", help="Forget the interview date."),
    hours_per_day: float = typer.Option(3.0, "--hours-per-day", help="Daily study budget for the schedule (0.5-16)."),
    today_only: bool = typer.Option(False, "--today", help="Only today's items of the schedule."),
    resume: Optional[str] = typer.Option(None, "--resume", help="Your resume: multimodal work makes Qwen2.5-VL required."),
    company: Optional[str] = typer.Option(None, "--company", help="Target company: the last week's mock rounds are its "
                                          "rounds (`mianjing mock list`)."),
    lang: Optional[str] = typer.Option(None, "--lang", help=LANG_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    """A day-by-day plan up to the interview: due reviews, new cards, and the whole study schedule.

    Reviews already due, new cards to learn, the retention target, and the schedule over everything
    (cards, tech reports, Hot 100, model hand-coding, mock rounds).

    With a date set, `mianjing review` never schedules a card past it and raises the target retention
    as the day nears (90% far away, 97% in the last three days).
    """
    from ..cards.review import RETENTION_CURVE, Reviewer, set_interview_date

    conn = _connect()
    if clear:
        set_interview_date(conn, None)
        if as_json:
            print_json({"interview_date": None})
        else:
            console.print("Interview date cleared; reviews use the normal 90% target again.")
        return
    if interview_date is not None:
        try:
            when = date.fromisoformat(interview_date)
        except ValueError:
            fail(f"--interview-date must be a date like 2026-12-20, got {esc(repr(interview_date))}")
        today = datetime.now(timezone.utc).astimezone().date()
        if when <= today:
            fail(f"--interview-date {when} is not after today ({today})")
        set_interview_date(conn, when)
    reviewer = Reviewer(conn)
    if reviewer.interview_date is None:
        fail("no interview date set; run `mianjing plan --interview-date YYYY-MM-DD`")
    bank = _bank(quiet=as_json)
    try:
        plan = reviewer.plan(list(bank.cards.values()))
    except ValueError as exc:
        fail(f"{esc(str(exc))}; set a new one with --interview-date or forget it with --clear")
    from ..store.guides import redo_due

    redo = [h.problem for h in redo_due(conn)]  # problems whose revealed solution is due for a redo
    from pathlib import Path

    from . import studyplan

    lang = _lang(lang)
    study = studyplan.build(conn, bank, plan.interview_date, hours_per_day=hours_per_day,
                            resume=Path(resume) if resume else None, lang=lang, company=company)
    if as_json:
        print_json(plan.to_dict() | {"problems_due_again": redo, "schedule": study.to_dict()})
        return
    if today_only:
        studyplan.render(study, lang, today_only=True)
        return
    top = RETENTION_CURVE[-1]
    console.print(f"Interview on [bold]{plan.interview_date}[/], {plan.days_left} days from today ({plan.today}).",
                  highlight=False)
    console.print(f"Target retention now {plan.retention_now:.1%}, rising to {top[1]:.0%} in the last {top[0]} days; "
                  "no review interval runs past the interview.", highlight=False)
    console.print(f"Cards: {plan.cards}, never reviewed {plan.new}, due now {plan.due_now}.", highlight=False)
    if redo:
        console.print(f"Problems due again (solution revealed, now solve them alone): {', '.join(redo)}.",
                      highlight=False)
    table = Table(title="Day by day", title_justify="left")
    for col in ("date", "days left", "target", "reviews due", "new cards"):
        table.add_column(col, justify="left" if col == "date" else "right")
    rows = plan.days
    shown = rows if len(rows) <= 31 else rows[:28] + rows[-3:]
    for i, d in enumerate(shown):
        if len(rows) > 31 and i == 28:
            table.add_row("…", "", "", "", "")
        table.add_row(d.day.isoformat(), str(d.days_left), f"{d.retention:.1%}", str(d.due), str(d.new))
    console.print(table)
    console.print("[dim]Reviews due counts what is scheduled now; each review adds its next one. "
                  "The last day before the interview has no new cards.[/]")
    weak = [(i, r) for i, r in plan.weakest if r is not None and r < 0.995]
    if weak:
        console.print("Weakest now: " + ", ".join(f"{i} ({r:.0%})" for i, r in weak)
                      + " (`mianjing cards weakest`)", highlight=False)
    studyplan.render(study, lang, today_only=False)


def register(app: typer.Typer) -> None:
    cards_app = typer.Typer(
        name="cards",
        help="Verified bilingual knowledge cards: list, show, search, coverage, weakest, check, audit.",
        no_args_is_help=True,
        add_completion=False,
    )
    cards_app.command("list")(list_cmd)
    cards_app.command("show")(show_cmd)
    cards_app.command("search")(search_cmd)
    cards_app.command("coverage")(coverage_cmd)
    cards_app.command("weakest")(weakest_cmd)
    cards_app.command("check")(check_cmd)
    cards_app.command("audit")(audit_cmd)
    app.add_typer(cards_app, name="cards")
    app.command("review")(review_cmd)
    app.command("plan")(plan_cmd)
