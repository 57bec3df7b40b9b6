"""The day-by-day part of `mianjing plan` (mock/study.py): building it from the database, printing it."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path
from typing import Optional

from rich.markup import escape as esc
from rich.table import Table

from .common import console, fail

PART_LABELS = {
    "front": ("优先补弱", "fix first"), "reviews": ("复习", "reviews"), "cards-classic": ("常规八股", "classic cards"),
    "cards-recent": ("最新八股", "recent topics"), "reports": ("技术报告", "tech reports"),
    "hot100": ("Hot 100", "Hot 100"), "model": ("手撕模型", "model hand-coding"), "mocks": ("模拟面试", "mock rounds"),
}


def label(part: str, lang: str) -> str:
    zh, en = PART_LABELS.get(part, (part, part))
    return zh if lang == "zh" else en


def build(conn, bank, interview, *, hours_per_day: float, resume: Optional[Path], lang: str,
          company: Optional[str] = None):
    from ..cards.review import local_date
    from ..mock.study import MOCK_ROTATION, build_plan, load_state
    from ..mock.templates import load_templates
    from ..problems.bank import load_all

    rotation = MOCK_ROTATION
    if company is not None:
        templates = load_templates()
        if company not in templates.companies():
            fail(f"no mock rounds for company {esc(repr(company))}; companies: {', '.join(templates.companies())}")
        rotation = tuple(f"{company}-{r}" for r in templates.rounds(company))

    multimodal = False
    if resume is not None:
        from ..mock.resume import parse, topics_in
        from ..mock.resume_read import ResumeError, read_lines

        try:
            multimodal = "multimodal" in topics_in("\n".join(parse(read_lines(resume)).lines))
        except ResumeError as exc:
            fail(esc(str(exc)))
    now = datetime.now(timezone.utc)
    cards = list(bank.cards.values())
    problems, _ = load_all()
    state = load_state(conn, cards, now=now, multimodal=multimodal)
    try:
        return build_plan(today=local_date(now), interview=interview, hours_per_day=hours_per_day, cards=cards,
                          problems=problems, state=state, lang=lang, mock_rotation=rotation)
    except ValueError as exc:
        fail(esc(str(exc)))


def _items_table(day, lang: str) -> Table:
    table = Table(title=f"{day.day.isoformat()} · {day.used / 60:.1f} h", title_justify="left", expand=True)
    for col in ("part", "what", "min"):
        table.add_column(col, ratio=1 if col == "what" else None, justify="right" if col == "min" else "left")
    for i in day.items:
        ref = f" [dim]{esc(i.ref)}[/]" if i.kind in ("card", "problem") else ""
        why = f" [yellow]({esc(i.why)})[/]" if i.why else ""
        opt = " [dim](optional)[/]" if not i.required else ""
        table.add_row(label(i.part, lang), esc(i.title[:90]) + ref + why + opt, f"{i.minutes:.0f}")
    return table


def render(plan, lang: str, *, today_only: bool) -> None:
    if today_only:
        day = plan.days[0]
        if not day.items:
            console.print("Nothing planned for today.")
        else:
            console.print(_items_table(day, lang))
        return
    summary = Table(title=f"Study plan: {plan.hours_per_day:g} h/day until {plan.interview}", title_justify="left")
    for col in ("part", "scheduled", "unscheduled", "done by"):
        summary.add_column(col)
    for part, row in plan.parts.items():
        if row["scheduled"] or row["unscheduled"]:
            summary.add_row(label(part, lang), str(row["scheduled"]),
                            f"[red]{row['unscheduled']}[/]" if row["required_unscheduled"] else str(row["unscheduled"]),
                            row["last_day"] or "")
    console.print(summary)
    for day in plan.days[:3]:
        console.print(_items_table(day, lang))
    if len(plan.days) > 3:
        console.print(f"[dim]… {len(plan.days) - 3} more day(s): `mianjing plan --json` has every day; "
                      "`mianjing plan --today` shows today's items.[/]", highlight=False)
    if plan.complete:
        console.print("[green]Every required part fits before the interview.[/]")
    else:
        short = sum(i.minutes for i in plan.unscheduled if i.required) / 60
        console.print(f"[red]{short:.1f} h of required work does not fit[/]: raise --hours-per-day or drop optional "
                      "items; the unscheduled items are listed by `--json`.", highlight=False)
