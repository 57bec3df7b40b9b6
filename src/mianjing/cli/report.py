"""How a judge report looks in a terminal (rich only: the fast judge path imports this, not typer)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..judge.sanitize import clean_text

COLOURS = {"accepted": "green", "wrong_answer": "red", "skipped": "dim"}


def safe(value: Any, cap: int = 4000) -> str:
    """Text for the terminal: no control sequences (OSC 52 would write the clipboard), no lone
    surrogates, and rich markup escaped (`[/]` in a message must print, not crash the table)."""
    return escape(clean_text(value if isinstance(value, str) else str(value), cap))


def render_report(doc: dict[str, Any], console: Console) -> None:
    v = safe(doc["verdict"], 40)
    table = Table(title=f"{safe(doc['problem'], 80)}  (seed {safe(doc.get('seed'), 40)})")
    for col in ("case", "verdict", "ms", "details"):
        table.add_column(col, overflow="fold")
    for c in doc["cases"]:
        name = safe(c["name"], 80) + (" [dim](hidden)[/]" if c["hidden"] else "")
        msg = safe(c["message"])
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
    nxt = doc.get("next")
    if nxt:  # accepted: one line to the worked solution and the cards on the same topic
        cards = f"   related cards: {', '.join(nxt['cards'])}" if nxt["cards"] else ""
        console.print(f"[dim]next: {nxt['solution']}{cards}[/]", highlight=False)
    if doc.get("warning"):
        Console(stderr=True).print(f"[yellow]warning:[/] {safe(doc['warning'], 1000)}", highlight=False)
