"""`mianjing judge ID FILE [--json] [--seed N]` over the warm service, without loading typer.

Typer and the command modules cost more start-up time than the judging itself, so the common case
takes this path. Anything unusual (--help, --no-service, an unknown id or flag, a missing file, a
service that fails) returns without output and falls through to the typer command, which reports
it with the usual messages.
"""

from __future__ import annotations

import json
import os
import sys


def _parse(args: list[str]) -> tuple[str, str, bool, int | None] | None:
    if not args or args[0] != "judge":
        return None
    positional, as_json, seed = [], False, None
    rest = args[1:]
    i = 0
    while i < len(rest):
        a = rest[i]
        if a == "--json":
            as_json = True
        elif a == "--seed" and i + 1 < len(rest):
            seed, i = rest[i + 1], i + 1
        elif a.startswith("--seed="):
            seed = a.split("=", 1)[1]
        elif a.startswith("-"):
            return None  # --help, --no-service, or anything the typer command should handle
        else:
            positional.append(a)
        i += 1
    if len(positional) != 2:
        return None
    try:
        seed_value = None if seed is None else int(seed)
    except ValueError:
        return None
    if seed_value is not None and not 0 <= seed_value <= 2**63 - 1:
        return None  # the typer command reports it as a usage error
    return positional[0], positional[1], as_json, seed_value


def maybe_fast_judge(args: list[str]) -> None:
    parsed = _parse(args)
    if parsed is None:
        return
    pid, file, as_json, seed = parsed
    from ..paths import PROBLEMS_DIR

    if "/" in pid or not (PROBLEMS_DIR / pid / "problem.toml").is_file():
        return
    from .source import SourceError, read_source

    try:
        code = read_source(file)
    except SourceError:
        return  # the typer command says what is wrong with the file
    from ..judge.service import ServiceError, judge_via_service

    terminal = None
    if not as_json:  # the service draws the table for this terminal: no rich here
        from .terminal import terminal_of_this_process

        terminal = terminal_of_this_process()
    try:
        doc = judge_via_service(pid, code, seed, terminal=terminal)
    except KeyboardInterrupt:
        # closing the connection cancels the job in the service: nothing is judged or saved
        sys.stderr.write("cancelled: the judge stopped this submission (nothing was saved)\n")
        os._exit(130)
    except ServiceError as exc:
        if not exc.sent:
            return  # nothing reached the service: the typer command may try again
        # it reached the service, which may have judged and stored it: never send it twice
        sys.stderr.write(f"error: the judge service failed: {exc}. Run `mianjing judge` again to retry.\n")
        os._exit(1)
    except Exception:  # noqa: BLE001 - a usage error (unknown id) or the like: the full command says it
        return
    rendered = doc.pop("rendered", None)
    if as_json:
        from ..problems.guides import attach_next

        sys.stdout.write(json.dumps(attach_next(doc), ensure_ascii=False, indent=2) + "\n")
    elif isinstance(rendered, dict) and isinstance(rendered.get("out"), str) and isinstance(rendered.get("err"), str):
        sys.stdout.write(rendered["out"])
        sys.stderr.write(rendered["err"])
    else:  # not drawn by the service: draw it here
        from rich.console import Console

        from ..problems.guides import attach_next
        from .report import render_report

        render_report(attach_next(doc), Console())
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(0 if doc["verdict"] == "accepted" else 1)
