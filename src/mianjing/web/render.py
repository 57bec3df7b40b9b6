"""Markdown with LaTeX to HTML, on the server: markdown-it-py + dollarmath, formulas as MathML.

No JavaScript is needed to read a statement or a card. A formula latex2mathml cannot convert is
shown as its source in a `<code class="math-error">` (and the test that walks every statement and
card fails on it), never as raw `$...$` text.
"""

from __future__ import annotations

import html
from functools import lru_cache

from markdown_it import MarkdownIt
from mdit_py_plugins.dollarmath import dollarmath_plugin


def _math(latex: str, options: dict) -> str:
    from latex2mathml.converter import convert

    display = bool(options.get("display_mode"))
    try:
        mathml = convert(latex.strip(), display="block" if display else "inline")
    except Exception:  # noqa: BLE001 - latex2mathml raises many types; the source is still readable
        cls = "math-error math-display" if display else "math-error"
        return f'<code class="{cls}" title="formula not rendered">{html.escape(latex)}</code>'
    return mathml


@lru_cache(maxsize=1)
def _md() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("table")
    md.enable("strikethrough")
    dollarmath_plugin(
        md, allow_labels=False, allow_space=False, allow_digits=False, double_inline=True,
        renderer=_math,
    )
    # dollarmath reads src[pos - 1] for a `$` at position 0, i.e. the *last* character: a table cell
    # that starts with `$A$` and ends in a digit (or a backslash) would lose its math. Give the rule a
    # harmless trailing space to look at in that one case.
    rule = next(r.fn for r in md.inline.ruler.__rules__ if r.name == "math_inline")

    def math_inline_at_start(state, silent):  # type: ignore[no-untyped-def]
        if state.pos != 0 or not state.src.startswith("$"):
            return rule(state, silent)
        saved = state.src
        state.src = saved + " "
        try:
            return rule(state, silent)
        finally:
            state.src = saved

    md.inline.ruler.at("math_inline", math_inline_at_start)
    # links open where they are: statements and cards only link to sources; keep them safe
    md.validateLink = lambda url: not url.strip().lower().startswith(("javascript:", "vbscript:", "data:"))
    return md


@lru_cache(maxsize=4096)
def markdown(text: str) -> str:
    """Render Markdown (with `$...$` and `$$...$$` math) to HTML. Raw HTML in the source is escaped."""
    return _md().render(text or "")


def inline(text: str) -> str:
    """Render one line (a bullet, a title) without the surrounding paragraph."""
    return _md().renderInline(text or "")
