"""How a judge report looks in a terminal (rich only: the fast judge path imports this, not typer)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..judge.sanitize import clean_text
from .terminal import RICH_ENV

COLOURS = {"accepted": "green", "wrong_answer": "red", "skipped": "dim"}


def safe(value: Any, cap: int = 4000) -> str:
    """Text for the terminal: no control sequences (OSC 52 would write the clipboard), no lone
    surrogates, and rich markup escaped (`[/]` in a message must print, not crash the table)."""
    return escape(clean_text(value if isinstance(value, str) else str(value), cap))


def shared_messages(cases: list[dict[str, Any]]) -> list[tuple[str, list[str]]]:
    """Per case: ("first", names of the other cases with the same message) for the first case of a
    repeated message, ("same", name of that first case) for the others, ("", []) otherwise. The
    untouched stub fails every case with one traceback: it is shown once, naming its cases."""
    first_of: dict[tuple[str, str], int] = {}
    marks: list[tuple[str, list[str]]] = [("", []) for _ in cases]
    for i, c in enumerate(cases):
        if not c.get("message") or c["verdict"] in ("accepted", "skipped"):
            continue
        key = (c["verdict"], c["message"])
        if key in first_of:
            j = first_of[key]
            marks[j] = ("first", marks[j][1] + [c["name"]])
            marks[i] = ("same", [cases[j]["name"]])
        else:
            first_of[key] = i
    return marks


class _Screen:
    """A text buffer that says it is (or is not) a terminal, as the client's stdout is."""

    def __init__(self, tty: bool):
        import io

        self.buf, self.tty = io.StringIO(), tty

    def write(self, text: str) -> int:
        return self.buf.write(text)

    def flush(self) -> None:
        pass

    def isatty(self) -> bool:
        return self.tty


def render_text(doc: dict[str, Any], terminal: dict[str, Any]) -> tuple[str, str]:
    """render_report for the terminal `terminal_of_this_process()` described in another process:
    (stdout text, stderr text), byte for byte what rich would print there."""
    env = {str(k): str(v) for k, v in dict(terminal.get("env") or {}).items() if k in RICH_ENV}
    size = terminal.get("size")
    width, height = 80, 25  # rich's own defaults where nothing says otherwise
    if isinstance(size, list) and len(size) == 2 and all(isinstance(v, int) and v > 0 for v in size):
        width, height = size
    # as rich does there: $COLUMNS and $LINES win over the terminal's size (never this process's size)
    if env.get("COLUMNS", "").isdigit() and int(env["COLUMNS"]) > 0:
        width = int(env["COLUMNS"])
    if env.get("LINES", "").isdigit() and int(env["LINES"]) > 0:
        height = int(env["LINES"])
    # bounded: the service draws for any client of the same user, and a width of 10^9 is no terminal
    width, height = min(max(width, 20), 1000), min(max(height, 1), 1000)
    tty = bool(terminal.get("tty"))
    out, err = _Screen(tty), _Screen(tty)
    render_report(doc, Console(file=out, width=width, height=height, _environ=env),
                  Console(file=err, width=width, height=height, _environ=env))
    return out.buf.getvalue(), err.buf.getvalue()


def render_report(doc: dict[str, Any], console: Console, err_console: Console | None = None) -> None:
    v = safe(doc["verdict"], 40)
    table = Table(title=f"{safe(doc['problem'], 80)}  (seed {safe(doc.get('seed'), 40)})")
    for col in ("case", "verdict", "ms", "details"):
        table.add_column(col, overflow="fold")
    for c, (mark, others) in zip(doc["cases"], shared_messages(doc["cases"])):
        name = safe(c["name"], 80) + (" [dim](hidden)[/]" if c["hidden"] else "")
        msg = safe(c["message"])
        if mark == "same":
            msg = f"[dim]the same as {safe(others[0], 80)}[/]"
        elif mark == "first":
            shown = ", ".join(safe(o, 80) for o in others[:12]) + (f" and {len(others) - 12} more" if len(others) > 12 else "")
            msg += f"\n[dim](also cases {shown})[/]"
        if c["verdict"] not in ("accepted", "skipped") and c.get("detail"):
            msg = f"{msg}\n[dim]case: {safe(c['detail'], 500)}[/]"
        if c.get("stdout"):
            msg += f"\n[dim]your output:[/] {safe(c['stdout'], 500)}"
        verdict = safe(c["verdict"], 40)
        table.add_row(name, f"[{COLOURS.get(c['verdict'], 'yellow')}]{verdict}[/]", f"{c['time_ms']:.1f}", msg)
    if doc["cases"]:
        console.print(table)
    colour = "green" if v == "accepted" else "red"
    console.print(f"[bold {colour}]{v}[/]  {doc['passed']}/{doc['total']} cases  {doc['time_ms']:.0f} ms", highlight=False)
    if doc.get("message") and (v != "accepted" or not doc["cases"]):
        console.print(clean_text(doc["message"], 4000), highlight=False, markup=False)
    cx = doc.get("complexity")
    if cx and cx.get("exponent") is not None:
        console.print(f"[dim]growth: time ~ n^{cx['exponent']} (reference n^{cx['reference_exponent']}, expected O({cx['expected']}))[/]")
    if cx and cx.get("message") and cx["message"] not in (doc.get("message") or ""):
        console.print(f"[yellow]complexity:[/] {safe(cx['message'], 300)}", highlight=False)
    nxt = doc.get("next")
    if nxt:  # accepted: one line to the worked solution and the cards on the same topic
        cards = f"   related cards: {', '.join(nxt['cards'])}" if nxt["cards"] else ""
        console.print(f"[dim]next: {nxt['solution']}{cards}[/]", highlight=False)
    if doc.get("warning"):
        (err_console or Console(stderr=True)).print(f"[yellow]warning:[/] {safe(doc['warning'], 1000)}", highlight=False)
