"""The `mianjing` console script. It imports nothing heavy itself. The commands typed most often are
answered without loading typer: `mianjing judge ID FILE` over the warm service (fastjudge: no rich
with --json, no numpy, no torch), `mianjing --help` (fasthelp) and `mianjing list` (fastlist).
Everything else, and anything unusual about those, goes on to the typer app."""

from __future__ import annotations

import sys


def main() -> None:
    args = sys.argv[1:]
    if args[:1] == ["judge"]:
        from .fastjudge import maybe_fast_judge

        maybe_fast_judge(args)  # returns only when the full command must answer
    elif args[:1] == ["list"]:
        from .fastlist import maybe_fast_list

        maybe_fast_list(args)
    elif args in ([], ["--help"]):
        from .fasthelp import maybe_fast_help

        maybe_fast_help(args)
    from .app import run

    run()


if __name__ == "__main__":
    main()
