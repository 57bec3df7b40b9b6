"""The `mianjing` console script. It imports nothing heavy itself: `mianjing judge ID FILE` over
the warm service (the common case) is answered by fastjudge without loading typer, rich (with
--json), numpy or torch; everything else goes on to the typer app."""

from __future__ import annotations

import sys


def main() -> None:
    from .fastjudge import maybe_fast_judge

    maybe_fast_judge(sys.argv[1:])  # returns only when the full command must answer
    from .app import run

    run()


if __name__ == "__main__":
    main()
