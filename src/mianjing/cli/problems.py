"""`mianjing list|show|start|stats`: the problem bank and the user's progress. No torch here."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table

from .common import console, err_console, fail, print_json

LANGS = ("zh", "en")


def _problems():
    from ..problems.bank import load_all

    problems, errors = load_all()
    for e in errors:  # our bug, not the user's: say so and list the rest
        err_console.print(f"[yellow]warning: skipped a malformed problem:[/] {e}", highlight=False)
    return problems


def _get(pid: str):
    from ..problems.bank import UnknownProblem, get_problem
    from ..problems.spec import ProblemError

    try:
        return get_problem(pid)
    except UnknownProblem as exc:
        fail(str(exc))
    except ProblemError as exc:
        fail(f"problem '{pid}' is malformed: {exc}")


def _statuses() -> dict[str, str]:
    from ..store.db import DatabaseError, connect
    from ..store.progress import statuses

    try:
        conn = connect()
    except DatabaseError as exc:
        err_console.print(f"[yellow]warning:[/] {exc}", highlight=False)
        return {}
    try:
        return statuses(conn)
    finally:
        conn.close()


def _check_lang(lang: str) -> str:
    if lang not in LANGS:
        fail(f"--lang must be one of {', '.join(LANGS)}")
    return lang


def list_cmd(
    kind: Optional[str] = typer.Option(None, "--kind", help="model or algo"),
    tag: Optional[str] = typer.Option(None, "--tag", help="only problems with this tag"),
    as_json: bool = typer.Option(False, "--json", help="print one JSON document"),
) -> None:
    """List problems with your status (new / attempted / solved).

    Example: mianjing list --kind model
    """
    if kind is not None and kind not in ("model", "algo"):
        fail("--kind must be 'model' or 'algo'")
    status = _statuses()
    rows = []
    for p in _problems():
        if kind and p.kind != kind:
            continue
        if tag and tag not in p.tags:
            continue
        rows.append(p.summary() | {"status": status.get(p.id, "new")})
    if as_json:
        print_json({"problems": rows})
        return
    table = Table(title=f"{len(rows)} problems")
    for col in ("id", "title", "kind", "difficulty", "tags", "catalogue", "status"):
        table.add_column(col)
    colour = {"solved": "green", "attempted": "yellow", "new": "dim"}
    for r in rows:
        table.add_row(r["id"], f"{r['title']['zh']} / {r['title']['en']}", r["kind"], r["difficulty"],
                      ", ".join(r["tags"]), ", ".join(r["catalogue"]),
                      f"[{colour[r['status']]}]{r['status']}[/]")
    console.print(table)


def show_cmd(
    problem_id: str = typer.Argument(..., metavar="ID"),
    lang: str = typer.Option("zh", "--lang", help="zh or en"),
) -> None:
    """Show a problem's statement with its examples.

    Example: mianjing show mha --lang en
    """
    from rich.markdown import Markdown

    p = _get(problem_id)
    console.print(Markdown(p.statement(_check_lang(lang))))
    console.print(f"\n[dim]signature:[/] {p.signature}   [dim]time limit:[/] {p.time_limit_ms:.0f} ms/case   "
                  f"[dim]next:[/] mianjing start {p.id}")


def start_cmd(
    problem_id: str = typer.Argument(..., metavar="ID"),
    directory: Path = typer.Option(Path("."), "--dir", help="where to write ID.py"),
    lang: str = typer.Option("zh", "--lang", help="language of the statement header"),
) -> None:
    """Write ID.py (the stub, with the statement as a comment header). Never overwrites your work.

    Example: mianjing start rmsnorm --dir ~/practice
    """
    p = _get(problem_id)
    _check_lang(lang)
    directory.mkdir(parents=True, exist_ok=True)
    target = directory / f"{p.id}.py"
    if target.exists():
        console.print(f"{target} already exists: kept as it is. Judge it with: mianjing judge {p.id} {target}",
                      soft_wrap=True, highlight=False)
        return
    header = "\n".join(("# " + line).rstrip() for line in p.statement(lang).splitlines())
    body = f"{header}\n#\n# mianjing judge {p.id} {target.name}\n\n{p.stub()}"
    # exclusive create: a file that appeared meanwhile is not overwritten either
    try:
        with open(target, "x", encoding="utf-8") as f:
            f.write(body)
    except FileExistsError:
        console.print(f"{target} already exists: kept as it is.", soft_wrap=True, highlight=False)
        return
    console.print(f"wrote {target}\nedit it, then: mianjing judge {p.id} {target}", soft_wrap=True, highlight=False)


def stats_cmd(as_json: bool = typer.Option(False, "--json", help="print one JSON document")) -> None:
    """Solved and attempted problems per kind and tag, and your recent submissions."""
    from ..store.db import DatabaseError, connect
    from ..store.progress import recent, statuses

    try:
        conn = connect()
    except DatabaseError as exc:
        fail(str(exc))
    try:
        status = statuses(conn)
        rec = recent(conn, 10)
    finally:
        conn.close()
    groups: dict[str, dict[str, int]] = defaultdict(lambda: {"total": 0, "solved": 0, "attempted": 0})
    for p in _problems():
        s = status.get(p.id, "new")
        for key in [f"kind:{p.kind}"] + [f"tag:{t}" for t in p.tags]:
            groups[key]["total"] += 1
            if s != "new":
                groups[key][s] += 1
    if as_json:
        print_json({"groups": dict(groups), "recent": rec})
        return
    table = Table(title="progress")
    for col in ("group", "solved", "attempted", "total"):
        table.add_column(col)
    for key in sorted(groups, key=lambda k: (not k.startswith("kind"), k)):
        g = groups[key]
        table.add_row(key, str(g["solved"]), str(g["attempted"]), str(g["total"]))
    console.print(table)
    if rec:
        t2 = Table(title="recent submissions")
        for col in ("when (UTC)", "problem", "verdict", "passed", "ms"):
            t2.add_column(col)
        for r in rec:
            t2.add_row(r["created_at"], r["problem"], r["verdict"], f"{r['passed']}/{r['total']}", f"{r['time_ms']:.0f}")
        console.print(t2)


def register(app: typer.Typer) -> None:
    app.command("list")(list_cmd)
    app.command("show")(show_cmd)
    app.command("start")(start_cmd)
    app.command("stats")(stats_cmd)
