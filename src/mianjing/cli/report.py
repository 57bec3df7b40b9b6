"""How a judge report looks in a terminal (rich only: the fast judge path imports this, not typer)."""

from __future__ import annotations

from typing import Any

from rich.console import Console
from rich.table import Table

COLOURS = {"accepted": "green", "wrong_answer": "red", "skipped": "dim"}


def render_report(doc: dict[str, Any], console: Console) -> None:
    v = doc["verdict"]
    table = Table(title=f"{doc['problem']}  (seed {doc.get('seed')})")
    for col in ("case", "verdict", "ms", "details"):
        table.add_column(col, overflow="fold")
    for c in doc["cases"]:
        name = c["name"] + (" [dim](hidden)[/]" if c["hidden"] else "")
        msg = c["message"]
        if c["verdict"] not in ("accepted", "skipped") and c.get("detail"):
            msg = f"{msg}\n[dim]case: {c['detail']}[/]"
        if c.get("stdout"):
            msg += f"\n[dim]your output:[/] {c['stdout'][:500]}"
        table.add_row(name, f"[{COLOURS.get(c['verdict'], 'yellow')}]{c['verdict']}[/]", f"{c['time_ms']:.1f}", msg)
    if doc["cases"]:
        console.print(table)
    colour = "green" if v == "accepted" else "red"
    console.print(f"[bold {colour}]{v}[/]  {doc['passed']}/{doc['total']} cases  {doc['time_ms']:.0f} ms", highlight=False)
    if doc.get("message") and (v != "accepted" or not doc["cases"]):
        console.print(doc["message"], highlight=False, markup=False)
    cx = doc.get("complexity")
    if cx and cx.get("exponent") is not None:
        console.print(f"[dim]growth: time ~ n^{cx['exponent']} (reference n^{cx['reference_exponent']}, expected O({cx['expected']}))[/]")
    nxt = doc.get("next")
    if nxt:  # accepted: one line to the worked solution and the cards on the same topic
        cards = f"   related cards: {', '.join(nxt['cards'])}" if nxt["cards"] else ""
        console.print(f"[dim]next: {nxt['solution']}{cards}[/]", highlight=False)
    if doc.get("warning"):
        Console(stderr=True).print(f"[yellow]warning:[/] {doc['warning']}", highlight=False)
