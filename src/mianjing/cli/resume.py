"""`mianjing resume check FILE`: the seed's resume rules, and the questions the resume invites.

Local only: the file is read on this machine and nothing of it is sent anywhere.
"""

from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer
from rich.markup import escape as esc
from rich.table import Table

from .common import console, fail, print_json


def check_cmd(
    file: Path = typer.Argument(..., metavar="FILE", help="The resume: .md, .txt, .pdf or .docx."),
    track: str = typer.Option("business", "--track", help="business (default) or research: research roles may "
                              "give papers more room."),
    hot: Optional[Path] = typer.Option(None, "--hot", help="Your own dated list of hot directions (TOML, the format "
                                       "of bank/resume/hot-directions.toml)."),
    limit: int = typer.Option(8, "--questions", "-n", min=0, help="How many claims to list questions for."),
    lang: Optional[str] = typer.Option(None, "--lang", help="zh or en (default: the remembered language)."),
    as_json: bool = typer.Option(False, "--json", help="Print one JSON document."),
) -> None:
    """Check a resume against the seed's rules; list the follow-up questions its claims invite.

    Exit 0 when no rule trips, 1 when some do, 2 when the file cannot be read.
    Example: mianjing resume check cv.pdf --lang en
    """
    from ..cards.bank import load_bank
    from ..mock.resume import check_file
    from ..mock.resume_read import ResumeError
    from .config import lang as resolve

    lang = resolve(lang)
    try:
        report = check_file(file, load_bank(), lang=lang, hot_path=hot, track=track)
    except ResumeError as exc:
        fail(esc(str(exc)))
    doc = report.to_dict()
    doc["questions"] = doc["questions"][:limit]
    if as_json:
        print_json(doc)
    else:
        _render(doc, lang)
    raise typer.Exit(1 if report.findings else 0)


def _render(doc: dict, lang: str) -> None:
    zh = lang == "zh"
    found = ", ".join(f"{k} (line {v})" for k, v in doc["sections"].items()) or "none"
    console.print(f"[bold]{esc(doc['file'])}[/]: {doc['lines']} lines; sections: {esc(found)}", highlight=False)
    if doc["missing_sections"]:
        console.print(f"[dim]no heading found for: {', '.join(doc['missing_sections'])}[/]", highlight=False)
    if doc["findings"]:
        table = Table(title="发现的问题" if zh else "Findings", title_justify="left", expand=True)
        for col in ("line", "rule", "what" if not zh else "问题", "suggestion" if not zh else "建议"):
            table.add_column(col, ratio=None if col in ("line", "rule") else 1)
        for f in doc["findings"]:
            what = esc(f["message"]) + (f"\n[dim]{esc(f['text'][:70])}[/]" if f["text"] else "")
            table.add_row(str(f["line"]), f["rule"], what, esc(f["suggestion"]))
        console.print(table)
    else:
        console.print("[green]没有触发任何规则。[/]" if zh else "[green]No rule trips.[/]")
    console.print(f"[dim]hot directions as of {doc['hot_list_updated']}; track: {doc['track']}[/]", highlight=False)
    from datetime import date

    age = (date.today() - date.fromisoformat(doc["hot_list_updated"])).days
    if age > 180:  # what is hot moves by the season (the seed: "3、4 月份...R1 蒸馏")
        console.print(f"[yellow]the hot-directions list is {age} days old: pass your own with --hot FILE "
                      "(format: bank/resume/hot-directions.toml)[/]", highlight=False)
    if doc["questions"]:
        console.rule("这份简历会引来的追问" if zh else "Questions this resume invites", align="left")
        for c in doc["questions"]:
            console.print(f"[bold]{esc(c['claim'])}[/] (line {c['line']}, asked in {c['weight']} seed item(s))",
                          highlight=False)
            for card in c["cards"][:3]:
                console.print(f"  - {esc(card['question'])} [dim]{card['id']}[/]", highlight=False)
                for fu in card["followups"][:1]:
                    console.print(f"      · {esc(fu)}", highlight=False)
        console.print("[dim]`mianjing cards show ID` for an answer; `mianjing mock run --resume FILE` asks them.[/]")


def register(app: typer.Typer) -> None:
    resume_app = typer.Typer(name="resume", help="Check a resume against the seed's rules; the questions it invites.",
                             no_args_is_help=True, add_completion=False)
    resume_app.command("check")(check_cmd)
    app.add_typer(resume_app, name="resume")
