"""`%load_ext mianjing` in Jupyter (classic notebooks and JupyterLab):

    %%judge ID [--seed N]     judge the cell's code through the judge service; the verdict table
                              as HTML; the submission is stored as `mianjing judge` stores it
    %mianjing show ID [--lang zh|en]    the statement, rendered
    %mianjing start ID        the stub, under `%%judge ID`, in a new cell below

IPython is an optional dependency (`pip install 'mianjing[jupyter]'`); the command line never
imports this module.
"""

from __future__ import annotations

import shlex
from html import escape
from typing import Any

from IPython.core.error import UsageError
from IPython.core.magic import Magics, cell_magic, line_magic, magics_class
from IPython.display import HTML, Markdown, display

COLOURS = {"accepted": "#1a7f37", "wrong_answer": "#cf222e", "skipped": "#6e7781"}


def _problem(pid: str) -> Any:
    from .problems.bank import UnknownProblem, get_problem

    try:
        return get_problem(pid)
    except UnknownProblem as exc:
        raise UsageError(str(exc)) from None


def _parse(line: str, usage: str) -> tuple[str, dict[str, str]]:
    try:
        words = shlex.split(line)
    except ValueError as exc:
        raise UsageError(f"{exc}; usage: {usage}") from None
    if not words or words[0].startswith("-"):
        raise UsageError(f"a problem id is missing; usage: {usage}")
    opts: dict[str, str] = {}
    rest = words[1:]
    while rest:
        flag = rest.pop(0)
        if not flag.startswith("--") or not rest:
            raise UsageError(f"unexpected {flag!r}; usage: {usage}")
        opts[flag[2:]] = rest.pop(0)
    return words[0], opts


def report_html(doc: dict[str, Any]) -> str:
    """The verdict table as HTML: every text escaped, a message shared by several cases shown once."""
    from .cli.report import shared_messages
    from .judge.sanitize import clean_text

    def text(value: Any, cap: int = 4000) -> str:
        return escape(clean_text(value if isinstance(value, str) else str(value), cap))

    verdict = str(doc.get("verdict", ""))
    colour = COLOURS.get(verdict, "#9a6700")
    rows = []
    for c, (mark, others) in zip(doc.get("cases", []), shared_messages(doc.get("cases", []))):
        msg = text(c.get("message", ""))
        if mark == "same":
            msg = f"<i>the same as {text(others[0], 80)}</i>"
        elif mark == "first":
            msg += f"<br><i>(also cases {text(', '.join(others), 1000)})</i>"
        if c.get("verdict") not in ("accepted", "skipped") and c.get("detail"):
            msg += f"<br><small>case: {text(c['detail'], 500)}</small>"
        if c.get("stdout"):
            msg += f"<br><small>your output:</small> <code>{text(c['stdout'], 500)}</code>"
        v = str(c.get("verdict", ""))
        rows.append(
            f"<tr><td>{text(c.get('name', ''), 80)}{' <small>(hidden)</small>' if c.get('hidden') else ''}</td>"
            f"<td style='color:{COLOURS.get(v, '#9a6700')}'>{text(v, 40)}</td>"
            f"<td style='text-align:right'>{float(c.get('time_ms') or 0):.1f}</td>"
            f"<td style='text-align:left;white-space:pre-wrap'>{msg}</td></tr>")
    parts = [f"<div class='mianjing-report'><p><b style='color:{colour}'>{text(verdict, 40)}</b> "
             f"{int(doc.get('passed', 0))}/{int(doc.get('total', 0))} cases, {float(doc.get('time_ms') or 0):.0f} ms "
             f"&middot; {text(doc.get('problem', ''), 80)} (seed {text(doc.get('seed'), 40)})</p>"]
    if doc.get("message") and (verdict != "accepted" or not rows):
        parts.append(f"<pre>{text(doc['message'])}</pre>")
    if rows:
        parts.append("<table><thead><tr><th>case</th><th>verdict</th><th>ms</th><th>details</th></tr></thead>"
                     f"<tbody>{''.join(rows)}</tbody></table>")
    cx = doc.get("complexity") or {}
    if cx.get("exponent") is not None:
        parts.append(f"<p><small>growth: time ~ n<sup>{text(cx['exponent'], 10)}</sup> (reference "
                     f"n<sup>{text(cx.get('reference_exponent'), 10)}</sup>, expected O({text(cx.get('expected'), 40)}))"
                     "</small></p>")
    if cx.get("message"):
        parts.append(f"<p>complexity: {text(cx['message'], 300)}</p>")
    nxt = doc.get("next")
    if nxt:
        parts.append(f"<p><small>next: {text(nxt.get('solution', ''), 200)}</small></p>")
    return "".join(parts) + "</div>"


class JudgeResult:
    """What %%judge returns: shown as the HTML table; `.report` is the judge's report as a dict."""

    def __init__(self, report: dict[str, Any]):
        self.report = report

    def _repr_html_(self) -> str:
        return report_html(self.report)

    def __repr__(self) -> str:
        r = self.report
        return f"{r.get('verdict')} {r.get('passed')}/{r.get('total')} cases"


@magics_class
class MianjingMagics(Magics):
    @cell_magic
    def judge(self, line: str, cell: str) -> JudgeResult:
        """%%judge ID [--seed N]: judge this cell's code (stored like `mianjing judge`)."""
        usage = "%%judge ID [--seed N]"
        pid, opts = _parse(line, usage)
        problem = _problem(pid)
        seed = None
        if "seed" in opts:
            try:
                seed = int(opts.pop("seed"))
            except ValueError:
                raise UsageError(f"--seed must be an integer; usage: {usage}") from None
        if opts:
            raise UsageError(f"unknown option --{next(iter(opts))}; usage: {usage}")
        from .judge.controller import BadSeed, check_seed
        from .judge.service import ServiceError, judge_via_service
        from .problems.guides import attach_next

        try:
            if seed is not None:
                check_seed(seed)
            doc = judge_via_service(problem.id, cell, seed)
        except (BadSeed, LookupError) as exc:
            raise UsageError(str(exc)) from None
        except ServiceError as exc:
            raise UsageError(f"the judge service failed: {exc}") from None
        return JudgeResult(attach_next(doc))

    @line_magic
    def mianjing(self, line: str) -> None:
        """%mianjing show ID [--lang zh|en] | %mianjing start ID"""
        usage = "%mianjing show ID [--lang zh|en]  or  %mianjing start ID"
        words = line.split(None, 1)
        if not words or words[0] not in ("show", "start"):
            raise UsageError(f"usage: {usage}")
        pid, opts = _parse(words[1] if len(words) > 1 else "", usage)
        problem = _problem(pid)
        from .settings import resolve_lang

        try:
            lang = resolve_lang(opts.pop("lang", None))
        except ValueError as exc:
            raise UsageError(str(exc)) from None
        if opts:
            raise UsageError(f"unknown option --{next(iter(opts))}; usage: {usage}")
        if words[0] == "show":
            display(Markdown(problem.statement(lang)))
            display(HTML(f"<p><small>signature: <code>{escape(problem.signature)}</code> &middot; time limit "
                         f"{problem.time_limit_ms:.0f} ms per case &middot; next: <code>%mianjing start "
                         f"{escape(problem.id)}</code></small></p>"))
        else:
            self.shell.set_next_input(f"%%judge {problem.id}\n{problem.stub()}", replace=False)


def load_ipython_extension(ipython: Any) -> None:
    ipython.register_magics(MianjingMagics)
