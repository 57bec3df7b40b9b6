"""`mianjing list` as a table that stays readable in an 80-column terminal.

Ids are never cut or wrapped (they are what you type next) and titles show in one language. When the
terminal is wide enough, each problem is one line (titles cut with an ellipsis if need be; tags and
catalogue items from 120 columns on); when it is not, kind, level and title go on a second line
under the id.
`--json` always has everything.
"""

from __future__ import annotations

from rich import box
from rich.table import Table
from rich.text import Text

STATUS = {"solved": ("solved", "green"), "solved_with_help": ("with help", "cyan"),
          "attempted": ("attempted", "yellow"), "new": ("new", "dim")}
WIDE = 120  # from this width on (and room left for titles), tags and catalogue items get columns
MIN_TITLE = 20  # narrower than this, the title moves under the id


def _title(r: dict, lang: str) -> str:
    return r["title"].get(lang) or r["title"].get("en", "")


def problem_table(rows: list[dict], lang: str, width: int) -> Table:
    longest = max((len(r["id"]) for r in rows), default=2)
    fixed = {"kind": 5, "level": 6, "status": 9}
    gaps = 3  # SIMPLE_HEAD without edges: padding 1 + a blank divider + padding 1 between columns
    title_room = width - longest - sum(fixed.values()) - gaps * 4
    one_line = title_room >= MIN_TITLE
    tags_w, cat_w = 24, 12
    wide = width >= WIDE and title_room - (tags_w + cat_w + 2 * gaps) >= MIN_TITLE
    table = Table(title=f"{len(rows)} problems", box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False,
                  title_justify="left")
    if one_line:
        if wide:
            title_room -= tags_w + cat_w + 2 * gaps
        table.add_column("id", no_wrap=True, width=longest)
        table.add_column("title", no_wrap=True, overflow="ellipsis", width=title_room)
        table.add_column("kind", no_wrap=True, width=fixed["kind"])
    else:
        first = max(longest, width - fixed["status"] - gaps)
        table.add_column("id / kind · level · title", no_wrap=True, overflow="ellipsis", width=first)
    if one_line:
        table.add_column("level", no_wrap=True, width=fixed["level"])
    if wide:
        table.add_column("tags", no_wrap=True, overflow="ellipsis", width=tags_w)
        table.add_column("catalogue", no_wrap=True, overflow="ellipsis", width=cat_w)
    table.add_column("status", no_wrap=True, width=fixed["status"])
    for r in rows:
        label, colour = STATUS.get(r["status"], (r["status"], "green"))
        status = Text(label, style=colour)
        if one_line:
            cells = [Text(r["id"], style="bold"), Text(_title(r, lang)), r["kind"], r["difficulty"]]
            if wide:
                cells += [", ".join(r["tags"]), ", ".join(r["catalogue"])]
        else:
            cell = Text(r["id"], style="bold")
            cell.append(f"\n  {r['kind']} · {r['difficulty']} · {_title(r, lang)}", style="dim")
            cells = [cell]
        table.add_row(*cells, status)
    return table


def set_table(title: str, rows: list[dict], width: int) -> Table:
    """A study set in its own order (`list --set`): row number, id, LeetCode number, level, status, section;
    when the ids leave no room, the number, level and section go on a second line under the id."""
    longest = max((len(r["id"]) for r in rows), default=2)
    gaps = 3
    fixed = {"#": 3, "LC": 4, "level": 6, "status": 9}
    section_room = width - longest - sum(fixed.values()) - gaps * 5
    one_line = section_room >= 12
    table = Table(title=title, box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, title_justify="left")
    table.add_column("#", no_wrap=True, width=fixed["#"], justify="right")
    if one_line:
        table.add_column("id", no_wrap=True, width=longest)
        table.add_column("LC", no_wrap=True, width=fixed["LC"], justify="right")
        table.add_column("level", no_wrap=True, width=fixed["level"])
    else:
        first = max(longest, width - fixed["#"] - fixed["status"] - gaps * 2)
        table.add_column("id / LC · level · section", no_wrap=True, overflow="ellipsis", width=first)
    table.add_column("status", no_wrap=True, width=fixed["status"])
    if one_line:
        table.add_column("section", no_wrap=True, overflow="ellipsis", width=section_room)
    for r in rows:
        label, colour = STATUS.get(r["status"], (r["status"], "green"))
        status = Text(label, style=colour)
        lc = str(r.get("leetcode") or "")
        if one_line:
            table.add_row(str(r["row"]), Text(r["id"], style="bold"), lc, r["difficulty"], status, r["section"])
        else:
            cell = Text(r["id"], style="bold")
            cell.append(f"\n  {'LC ' + lc + ' · ' if lc else ''}{r['difficulty']} · {r['section']}", style="dim")
            table.add_row(str(r["row"]), cell, status)
    return table
