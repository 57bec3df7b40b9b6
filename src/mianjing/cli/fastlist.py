"""`mianjing list [--kind K] [--tag T] [--lang L] [--json]` without loading typer.

Listing is the first thing a user types after `--help`; typer and every command module cost more
than the listing itself. The problem summaries come from the cache in problems/index.py, so no
TOML is parsed either. Anything this path does not handle (--set, --help, a bad value, a problem
that does not load, a database that cannot be opened) returns without output and falls through to
the typer command, which answers with the usual messages.
"""

from __future__ import annotations

import json
import sys
from typing import Any

KINDS = ("model", "algo")


def _parse(args: list[str]) -> dict[str, Any] | None:
    if not args or args[0] != "list":
        return None
    opts: dict[str, Any] = {"kind": None, "tag": None, "lang": None, "json": False}
    rest = args[1:]
    i = 0
    while i < len(rest):
        a = rest[i]
        name, eq, value = a.partition("=")
        if a == "--json":
            opts["json"] = True
        elif name in ("--kind", "--tag", "--lang"):
            if not eq:
                if i + 1 >= len(rest):
                    return None
                value, i = rest[i + 1], i + 1
            opts[name[2:]] = value
        else:
            return None  # --set, --help, a stray argument: the typer command's
        i += 1
    if opts["kind"] is not None and opts["kind"] not in KINDS:
        return None
    return opts


def rows_for(summaries: list[dict[str, Any]], status: dict[str, str], kind: str | None,
             tag: str | None) -> list[dict[str, Any]]:
    """The rows `list` shows (and `--json` prints), in id order; shared with the typer command."""
    return [s | {"status": status.get(s["id"], "new")} for s in summaries
            if not (kind and s["kind"] != kind) and not (tag and tag not in s["tags"])]


def maybe_fast_list(args: list[str]) -> None:
    opts = _parse(args)
    if opts is None:
        return
    from ..settings import SettingsError, resolve_lang

    try:
        lang = resolve_lang(opts["lang"])
    except SettingsError:
        return
    from ..problems.index import summaries

    rows = summaries()
    if rows is None:
        return
    from ..store.db import DatabaseError, connect
    from ..store.progress import statuses

    try:
        conn = connect()
        try:
            status = statuses(conn)
        finally:
            conn.close()
    except (DatabaseError, Exception):  # noqa: BLE001 - the typer command says what is wrong
        return
    rows = rows_for(rows, status, opts["kind"], opts["tag"])
    if opts["json"]:
        sys.stdout.write(json.dumps({"problems": rows}, ensure_ascii=False, indent=2) + "\n")
    else:
        from rich.console import Console

        from .listing import problem_table

        console = Console()
        console.print(problem_table(rows, lang, console.width))
    sys.stdout.flush()
    raise SystemExit(0)
