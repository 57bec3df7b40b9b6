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


def _check_lang(lang: str | None) -> str:
    """--lang, else the remembered language (`mianjing config set lang`), $MIANJING_LANG, the locale."""
    from .config import lang as resolve

    return resolve(lang, LANGS)


def list_cmd(
    kind: Optional[str] = typer.Option(None, "--kind", help="model or algo"),
    tag: Optional[str] = typer.Option(None, "--tag", help="only problems with this tag"),
    set_name: Optional[str] = typer.Option(None, "--set", help="a study set in its own order, e.g. hot100"),
    lang: Optional[str] = typer.Option(None, "--lang", help="language of the titles (default: `mianjing config set lang`)"),
    as_json: bool = typer.Option(False, "--json", help="print one JSON document"),
) -> None:
    """List problems with your status (new / attempted / solved / solved_with_help: after `solution --reveal`).

    Example: mianjing list --kind model
    Example: mianjing list --set hot100
    """
    if kind is not None and kind not in ("model", "algo"):
        fail("--kind must be 'model' or 'algo'")
    lang = _check_lang(lang)
    if set_name is not None:
        return _list_set(set_name, kind, tag, as_json, lang)
    from ..problems.index import summaries
    from .fastlist import rows_for

    found = summaries()  # the cached summaries, as the fast path (cli/fastlist.py) lists them
    if found is None:  # a problem does not load: list the others and say what is wrong
        found = [p.summary() for p in _problems()]
    rows = rows_for(found, _statuses(), kind, tag)
    if as_json:
        print_json({"problems": rows})
        return
    from .listing import problem_table

    console.print(problem_table(rows, lang, console.width))


def _list_set(name: str, kind: Optional[str], tag: Optional[str], as_json: bool, lang: str = "en") -> None:
    from ..problems.sets import SetError, load_set, members, progress

    try:
        st = load_set(name)
        problems = _problems()
        rows_of = members(st, problems)
    except SetError as exc:
        fail(str(exc))
    status = _statuses()
    rows = []
    for row, p in sorted(rows_of.items()):
        if (kind and p.kind != kind) or (tag and tag not in p.tags):
            continue
        rows.append({"row": row, "section": p.set.section} | p.summary() | {"status": status.get(p.id, "new")})
    prog = progress(st, problems, status)
    if as_json:
        print_json({"set": st.name, "title": st.title, "total": st.total, "judged": prog["judged"],
                    "solved": prog["solved"], "sections": prog["sections"], "problems": rows})
        return
    from .listing import set_table

    title = f"{st.title.get(lang) or st.title['en']}: {prog['judged']} of {st.total} rows judged, {prog['solved']} solved"
    console.print(set_table(title, rows, console.width))


def show_cmd(
    problem_id: str = typer.Argument(..., metavar="ID"),
    lang: Optional[str] = typer.Option(None, "--lang", help="zh or en (default: `mianjing config set lang`)"),
) -> None:
    """Show a problem's statement with its examples.

    Example: mianjing show mha --lang en
    """
    from .mathtext import markdown as Markdown  # formulas printed intact or as Unicode

    p = _get(problem_id)
    console.print(Markdown(p.statement(_check_lang(lang))))
    console.print(f"\n[dim]signature:[/] {p.signature}   [dim]time limit:[/] {p.time_limit_ms:.0f} ms/case   "
                  f"[dim]next:[/] mianjing start {p.id}")


def start_cmd(
    problem_id: str = typer.Argument(..., metavar="ID"),
    directory: Path = typer.Option(Path("."), "--dir", help="where to write ID.py"),
    lang: Optional[str] = typer.Option(None, "--lang", help="language of the statement header (default: `mianjing config set lang`)"),
) -> None:
    """Write ID.py (the stub, with the statement as a comment header). Never overwrites your work.

    Example: mianjing start rmsnorm --dir ~/practice
    """
    p = _get(problem_id)
    lang = _check_lang(lang)
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
    """Your progress: problems solved and attempted, submissions, and cards reviewed and due.

    Solved (on your own or with help) and attempted problems per kind and tag, problems due again
    after a revealed solution, your recent submissions, and the cards: reviewed, due, recalled, per
    topic."""
    from ..store.db import DatabaseError, connect
    from ..store.guides import redo_due
    from ..store.progress import recent, statuses
    from .knowledge import knowledge_stats, render_knowledge

    try:
        conn = connect()
    except DatabaseError as exc:
        fail(str(exc))
    try:
        status = statuses(conn)
        rec = recent(conn, 10)
        redo = [{"problem": h.problem, "due_since": h.redo_at.isoformat(timespec="seconds")} for h in redo_due(conn)]
        knowledge = knowledge_stats(conn)
    finally:
        conn.close()
    groups: dict[str, dict[str, int]] = defaultdict(lambda: {"total": 0, "solved": 0, "solved_with_help": 0, "attempted": 0})
    for p in _problems():
        s = status.get(p.id, "new")
        for key in [f"kind:{p.kind}"] + [f"tag:{t}" for t in p.tags]:
            groups[key]["total"] += 1
            if s != "new":
                groups[key][s] += 1
    sets = _set_progress(status)
    if as_json:
        print_json({"groups": dict(groups), "recent": rec, "redo_due": redo, "sets": sets, "knowledge": knowledge})
        return
    table = Table(title="progress")
    for col in ("group", "solved", "with help", "attempted", "total"):
        table.add_column(col)
    for key in sorted(groups, key=lambda k: (not k.startswith("kind"), k)):
        g = groups[key]
        table.add_row(key, str(g["solved"]), str(g["solved_with_help"]), str(g["attempted"]), str(g["total"]))
    console.print(table)
    for prog in sets.values():  # Hot 100: solved per section
        t3 = Table(title=f"{prog['title']['en']}: {prog['solved']} solved of {prog['total']} ({prog['judged']} judged here)")
        for col in ("section", "solved", "judged", "rows"):
            t3.add_column(col)
        for sec in prog["sections"]:
            t3.add_row(sec["section"], str(sec["solved"]), str(sec["judged"]), str(sec["total"]))
        console.print(t3)
    if redo:  # revealed solutions come back: solve them again on your own
        console.print("[bold]due again[/] (solution revealed; solve without help): "
                      + ", ".join(r["problem"] for r in redo), highlight=False)
    if rec:
        t2 = Table(title="recent submissions")
        for col in ("when (UTC)", "problem", "verdict", "passed", "ms"):
            t2.add_column(col)
        for r in rec:
            t2.add_row(r["created_at"], r["problem"], r["verdict"], f"{r['passed']}/{r['total']}", f"{r['time_ms']:.0f}")
        console.print(t2)
    render_knowledge(knowledge, console)


def _set_progress(status: dict[str, str]) -> dict[str, dict]:
    """Progress per study set and section (Hot 100: solved / total per section)."""
    from ..problems.sets import SetError, load_set, progress, set_names

    out = {}
    problems = _problems()
    for name in set_names():
        try:
            out[name] = progress(load_set(name), problems, status)
        except SetError as exc:  # our data's fault: say so, keep the rest of stats
            err_console.print(f"[yellow]warning:[/] {exc}", highlight=False)
    return out


def register(app: typer.Typer) -> None:
    app.command("list")(list_cmd)
    app.command("show")(show_cmd)
    app.command("start")(start_cmd)
    app.command("stats")(stats_cmd)
