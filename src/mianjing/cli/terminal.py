"""The client's terminal as rich would see it, described for a renderer in another process.

`mianjing judge` asks the judge service, which has rich loaded, to draw the verdict table for this
terminal (cli/report.py: render_text), so that the client itself starts without rich. No rich here.
"""

from __future__ import annotations

from typing import Any

# What rich reads from the environment to decide colours and width (rich's Console: `_environ`)
RICH_ENV = ("TERM", "COLORTERM", "NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE", "COLUMNS", "LINES",
            "JUPYTER_COLUMNS", "JUPYTER_LINES")


def terminal_of_this_process() -> dict[str, Any]:
    """What rich would see of this process's terminal, for a renderer in another process (the judge
    service draws the table for `mianjing judge`, whose client then needs no rich)."""
    import os
    import sys

    size = None
    if os.environ.get("TERM", "").lower() not in ("dumb", "unknown"):
        for fd in (0, 1, 2):  # as rich's Console.size does
            try:
                size = list(os.get_terminal_size(fd))
                break
            except (AttributeError, ValueError, OSError):
                continue
    try:
        tty = sys.stdout.isatty()
    except (AttributeError, ValueError):
        tty = False
    return {"tty": tty, "size": size, "env": {k: os.environ[k] for k in RICH_ENV if k in os.environ}}


