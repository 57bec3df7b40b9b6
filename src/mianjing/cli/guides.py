"""`mianjing hint ID` and `mianjing solution ID`: a nudge when stuck, the worked solution after the verdict.

Both are recorded: hints as used, a solution revealed before acceptance as help (the problem then
counts as solved with help and comes back for a redo; see store/guides.py). No torch here.
"""

from __future__ import annotations

from typing import Optional

import typer

from .common import console, fail, print_json
from .problems import _check_lang, _get


def _connect():
    from ..store.db import DatabaseError, connect

    try:
        return connect()
    except DatabaseError as exc:
        fail(str(exc))


def _load(loader, p, lang: str):
    from ..problems.guides import GuideError

    try:
        return loader(p.path, lang)
    except GuideError as exc:
        fail(f"problem '{p.id}' has no usable guide yet: {exc}")


def hint_cmd(
    problem_id: str = typer.Argument(..., metavar="ID"),
    level: Optional[int] = typer.Option(None, "--level", help="show this hint (1 = the gentlest) instead of the next one"),
    lang: Optional[str] = typer.Option(None, "--lang", help="zh or en (default: `mianjing config set lang`)"),
    as_json: bool = typer.Option(False, "--json", help="print one JSON document"),
) -> None:
    """Show the next hint for ID (each one gives away a little more) and record that you used it.

    Example: mianjing hint lis --lang en
    """
    from .mathtext import markdown as Markdown  # formulas printed intact or as Unicode

    from ..problems.guides import load_hints
    from ..store.guides import hints_seen, record_hint

    p = _get(problem_id)
    lang = _check_lang(lang)
    hints = _load(load_hints, p, lang)
    conn = _connect()
    try:
        seen = hints_seen(conn, p.id)
        if level is None:
            level = min(seen + 1, len(hints))
        elif not 1 <= level <= len(hints):
            fail(f"--level must be between 1 and {len(hints)} ({p.id} has {len(hints)} hints)")
        record_hint(conn, p.id, level, lang)
    finally:
        conn.close()
    next_level = level + 1 if level < len(hints) else None
    if as_json:
        print_json({"problem": p.id, "lang": lang, "level": level, "total": len(hints), "hint": hints[level - 1],
                    "next_level": next_level})
        return
    console.print(f"[bold]hint {level}/{len(hints)}[/] for {p.id}", highlight=False)
    console.print(Markdown(hints[level - 1]))
    if next_level:
        console.print(f"[dim]still stuck? mianjing hint {p.id}  (hint {next_level} gives away more)[/]", highlight=False)
    else:
        console.print(f"[dim]that was the last hint. The full solution: mianjing solution {p.id} --reveal "
                      "(then it counts as solved with help and comes back for a redo)[/]", highlight=False)


def solution_cmd(
    problem_id: str = typer.Argument(..., metavar="ID"),
    reveal: bool = typer.Option(False, "--reveal", help="show it before you have solved the problem (recorded)"),
    lang: Optional[str] = typer.Option(None, "--lang", help="zh or en (default: `mianjing config set lang`)"),
    as_json: bool = typer.Option(False, "--json", help="print one JSON document"),
) -> None:
    """Show the worked solution of ID: approach, complexity, common mistakes, follow-up questions, cards.

    Shown after an accepted submission; before that only with --reveal, which is recorded: a later
    acceptance counts as solved with help and the problem is scheduled again (`mianjing stats`).

    Example: mianjing solution sqrt-int --lang en
    """
    from .mathtext import markdown as Markdown  # formulas printed intact or as Unicode

    from ..problems.guides import load_solution
    from ..store.guides import REDO_AFTER, has_accepted, record_reveal

    p = _get(problem_id)
    lang = _check_lang(lang)
    solution = _load(load_solution, p, lang)
    conn = _connect()
    try:
        solved = has_accepted(conn, p.id)
        if not solved and not reveal:
            fail(f"solve {p.id} first (mianjing judge {p.id} FILE), or see the solution now with "
                 f"`mianjing solution {p.id} --reveal`: that is recorded, a later acceptance counts as "
                 f"solved with help, and the problem comes back for a redo. Stuck? `mianjing hint {p.id}`.", code=1)
        recorded = not solved
        if recorded:
            record_reveal(conn, p.id, lang)
    finally:
        conn.close()
    redo_days = REDO_AFTER.days
    if as_json:
        print_json({"problem": p.id, "lang": lang, "solved": solved, "revealed": recorded,
                    "sections": solution.sections, "cards": solution.cards,
                    "redo_after_days": redo_days if recorded else None})
        return
    console.print(f"[bold]{p.title[lang]}[/] ({p.id})", highlight=False)
    console.print(Markdown(solution.markdown()))
    if solution.cards:
        console.print(f"[dim]cards: mianjing cards show {solution.cards[0]}"
                      + (f"  (also {', '.join(solution.cards[1:])})" if len(solution.cards) > 1 else "") + "[/]",
                      highlight=False)
    if recorded:
        console.print(f"[yellow]recorded as revealed:[/] an acceptance in the next {redo_days} days counts as solved "
                      f"with help; {p.id} is due again in {redo_days} days (mianjing stats).", highlight=False)


def register(app: typer.Typer) -> None:
    app.command("hint")(hint_cmd)
    app.command("solution")(solution_cmd)

