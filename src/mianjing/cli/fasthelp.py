"""`mianjing --help` (and `mianjing` alone) without loading typer or the command modules.

The root help is the first thing a new user runs; building it through typer imports every command
module (about 200 ms). The same text is kept here, drawn with rich in typer's layout, and
tests/test_cli_fast.py checks it against the typer app command by command, so the two cannot
drift apart. Subcommands' help (`mianjing list --help`) still comes from typer.
"""

from __future__ import annotations

import sys

USAGE = "Usage: mianjing [OPTIONS] COMMAND [ARGS]..."
ROOT_HELP = ("面经 mianjing: practise LLM interviews. Hand-coding judged honestly (list/show/start/judge), "
             "verified bilingual cards with spaced repetition (cards/review/plan), exact calculators (calc).")
OPTIONS = (("--version", "Print the version and exit."), ("--help", "Show this message and exit."))

# (command, the first paragraph of its help), in the order `mianjing --help` lists them
COMMANDS = (
    ("list", "List problems with your status (new / attempted / solved / solved_with_help: after "
             "`solution --reveal`)."),
    ("show", "Show a problem's statement with its examples."),
    ("start", "Write ID.py (the stub, with the statement as a comment header). Never overwrites your work."),
    ("stats", "Your progress: problems solved and attempted, submissions, and cards reviewed and due."),
    ("judge", "Grade FILE against problem ID. Exit 0 if accepted, 1 if not, 2 for usage errors."),
    ("selfcheck", "Check the bank: references accepted, known-wrong solutions rejected (--mutants: mutants too)."),
    ("doctor", "Versions, the isolation layers active on this machine, and the judge service's state."),
    ("hint", "Show the next hint for ID (each one gives away a little more) and record that you used it."),
    ("solution", "Show the worked solution of ID: approach, complexity, common mistakes, follow-up questions, "
                 "cards."),
    ("review", "Review due cards: answer, compare with the key points, rate Again/Hard/Good/Easy."),
    ("plan", "A day-by-day plan up to the interview: due reviews, new cards, and the whole study schedule."),
    ("serve", "Start the web app and print its URL (with the access token). Ctrl-C stops it."),
    ("service", "The per-user judge service that keeps a warm worker ready."),
    ("cards", "Verified bilingual knowledge cards: list, show, search, coverage, weakest, check, audit."),
    ("calc", "Exact, explained calculators: parameters, LoRA, ZeRO, KV cache, training and inference memory. "
             "Units: GB = 10^9 bytes, GiB = 2^30 bytes."),
    ("config", "Remembered settings: `mianjing config set lang en`."),
    ("mock", "Mock interview rounds shaped like real ones: list, plan, run, history."),
    ("resume", "Check a resume against the seed's rules; the questions it invites."),
)


def render(file=None) -> None:  # noqa: ANN001 - a text stream
    from rich import box
    from rich.console import Console
    from rich.markup import escape
    from rich.padding import Padding
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    console = Console(file=file, highlight=False)
    console.print(Padding(Text(USAGE, style="bold"), (1, 1, 0, 1)))
    console.print(Padding(Text(ROOT_HELP), (1, 1, 1, 1)))
    for title, rows, style in (("Options", OPTIONS, "bold cyan"), ("Commands", COMMANDS, "bold cyan")):
        grid = Table(box=None, show_header=False, pad_edge=False, padding=(0, 1), expand=True)
        grid.add_column(style=style, no_wrap=True)
        grid.add_column(ratio=1)
        for name, text in rows:
            grid.add_row(name, escape(text))
        console.print(Panel(grid, title=title, title_align="left", border_style="dim", box=box.ROUNDED))


def maybe_fast_help(args: list[str]) -> None:
    """Answer `mianjing --help` (exit 0) and `mianjing` with no arguments (exit 2, as typer does)."""
    if args == ["--help"] or not args:
        render()
        sys.stdout.flush()
        raise SystemExit(0 if args else 2)
