"""Root of the `mianjing` command. Command groups live in sibling modules and register here."""

from __future__ import annotations

import typer

from . import calc, cards, config, guides, judging, mock, problems, resume, serve

app = typer.Typer(
    name="mianjing",
    help="面经 mianjing: practise LLM interviews. Hand-coding judged honestly (list/show/start/judge), "
    "verified bilingual cards with spaced repetition (cards/review/plan), exact calculators (calc).",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
    pretty_exceptions_enable=False,
)

for module in (problems, judging, guides, cards, calc, serve, config, mock, resume):
    module.register(app)


def _print_version(value: bool) -> None:
    if value:
        from .. import __version__

        print(f"mianjing {__version__}")
        raise typer.Exit()


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_print_version, is_eager=True,
                                       help="Print the version and exit.")) -> None:
    """面经 mianjing: practise LLM interviews."""


def main() -> None:
    import sys

    from .fastjudge import maybe_fast_judge

    maybe_fast_judge(sys.argv[1:])  # `mianjing judge` over the warm service, without typer's start-up
    run()


def run() -> None:
    """The typer app, with the way out of a damaged database (cli/entry.py calls this directly)."""
    import sqlite3

    try:
        app()
    except sqlite3.DatabaseError as exc:  # damage found mid-command: the way out, not a traceback
        from ..paths import db_path
        from ..store.db import damaged
        from .common import err_console

        err_console.print(f"[bold red]error:[/] {damaged(db_path(), exc)}", highlight=False, soft_wrap=True)
        raise SystemExit(2) from None


if __name__ == "__main__":
    main()
