"""Every statement and every card renders to HTML with its formulas as MathML: no raw `$`, no formula
latex2mathml could not read."""

from __future__ import annotations

import re

import pytest

from mianjing.cards.bank import load_bank
from mianjing.cards.card import LANGS, SECTION_KEYS
from mianjing.problems.bank import load_all
GUIDE_FILES = ("hints", "solution")  # the worked-solution files beside a statement
from mianjing.web.render import markdown

CURRENCY = re.compile(r"\$(?=\d)")  # "$5.576M": a price, which dollarmath leaves alone on purpose


def problems_in_rendered_text(html: str) -> list[str]:
    found = []
    for bad in re.findall(r'<code class="math-error[^"]*"[^>]*>(.*?)</code>', html, flags=re.S):
        found.append(f"formula not rendered: {bad[:80]}")
    text = re.sub(r"<(pre|code)\b[^>]*>.*?</\1>", " ", html, flags=re.S)  # code may hold a literal $
    text = re.sub(r"<math\b.*?</math>", " ", text, flags=re.S)
    text = re.sub(r"<[^>]+>", " ", text)
    text = CURRENCY.sub("", text)
    for m in re.finditer(r"\$", text):
        found.append(f"raw $ in: ...{text[max(0, m.start() - 50):m.start() + 30]!r}...")
    return found


def documents():
    problems, _ = load_all()
    for p in problems:
        for lang in LANGS:
            yield f"{p.id}/statement.{lang}.md", p.statement(lang)
            for name in GUIDE_FILES:
                path = p.path / f"{name}.{lang}.md"
                if path.is_file():
                    yield f"{p.id}/{path.name}", path.read_text(encoding="utf-8")
    for card in load_bank().cards.values():
        for lang in LANGS:
            for key in SECTION_KEYS:
                text = card.side(lang).get(key)
                if text:
                    yield f"card {card.id} [{lang}] {key}", text


def test_the_walk_covers_the_whole_bank():
    docs = list(documents())
    assert sum(1 for name, _ in docs if "statement" in name) >= 2 * 40
    assert sum(1 for name, _ in docs if name.startswith("card ")) >= 150 * 2 * 5


def test_every_statement_and_card_renders_its_math():
    failures = []
    n_math = 0
    for name, text in documents():
        html = markdown(text)
        n_math += html.count("<math")
        failures += [f"{name}: {f}" for f in problems_in_rendered_text(html)]
    assert not failures, "\n".join(failures[:30])
    assert n_math > 1000  # the bank is full of formulas: they did get rendered


@pytest.mark.parametrize("source, expected", [
    ("$x^2$", "<msup>"),
    ("$$\\frac{a}{b}$$", "<mfrac>"),
    ("| a | b |\n|---|---|\n| $B$ gets one, $A$'s is 0 |", "<mi>B</mi>"),  # math first in a cell ending in a digit
])
def test_math_renders(source, expected):
    html = markdown(source)
    assert expected in html and not problems_in_rendered_text(html)


def test_the_checker_catches_what_it_should():
    assert problems_in_rendered_text(markdown("costs $5 and $x$ but $y"))  # an unclosed $
    assert problems_in_rendered_text(markdown("$\\frac{$"))
    assert not problems_in_rendered_text(markdown("about $5.576M at $2 per hour"))


def test_raw_html_in_content_is_escaped():
    html = markdown("<script>alert(1)</script> and [x](javascript:alert(1))")
    assert "<script>" not in html and 'href="javascript' not in html
