"""Hints and worked solutions: the parser, and every problem's files checked against its problem.toml."""

from __future__ import annotations

import io
import re
import shutil
import sys

import pytest
from rich.console import Console
from rich.markdown import Markdown

from mianjing.paths import CARDS_DIR, PROBLEMS_DIR
from mianjing.problems.bank import problem_dirs
from mianjing.problems.guides import (
    LANGS,
    GuideError,
    attach_next,
    has_guides,
    load_hints,
    load_solution,
    parse_hints,
    parse_solution,
    solution_path,
    unbalanced_dollars,
)
from mianjing.problems.spec import ProblemError, load_problem

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

# The problems that existed when guides were introduced (all problems need them: the schema requires
# the files, and this test checks what is in them).
FIRST_41 = [
    "adam", "adamw", "clip-loss", "cross-entropy", "dpo-loss", "flash-attention", "gae", "gqa", "grad-clip",
    "grpo-loss", "info-nce", "kl-divergence", "kv-cache-decode", "layernorm", "lcs", "lis",
    "longest-substring-no-repeat", "lora-linear", "mha", "min-window-substring", "mla", "moe-router",
    "paged-attention", "ppo-loss", "qformer-block", "rmsnorm", "rope-interleaved", "rope", "sampling", "sdpa",
    "search-rotated", "search-suggestions", "sinusoidal-pe", "softmax", "spiral-matrix", "sqrt-float", "sqrt-int",
    "swap-pairs", "swiglu", "transformer-encoder-layer", "vit-patch-embed",
]
CARD_IDS = {p.stem for p in CARDS_DIR.glob("*/*.md")}
IDS = [p.name for p in problem_dirs()]


def _toml(pid: str) -> dict:
    return tomllib.loads((PROBLEMS_DIR / pid / "problem.toml").read_text(encoding="utf-8"))


def _bare(text: str) -> str:
    """Complexity as written, without spaces and multiplication signs: `O(m·n)` states `O(m n)`."""
    return re.sub(r"[\s·⋅×*]", "", text)


def _renders(markdown: str) -> str:
    out = io.StringIO()
    Console(file=out, width=100, color_system=None).print(Markdown(markdown))
    return out.getvalue()


# --- every problem ------------------------------------------------------------------------------

def test_first_41_are_all_present():
    assert set(FIRST_41) <= set(IDS)


@pytest.mark.parametrize("pid", IDS)
def test_guides_complete_and_consistent(pid):
    folder = PROBLEMS_DIR / pid
    meta = _toml(pid)
    hints = {lang: load_hints(folder, lang) for lang in LANGS}  # raises GuideError naming file and problem
    sols = {lang: load_solution(folder, lang) for lang in LANGS}
    assert len(hints["zh"]) == len(hints["en"]), "zh and en give the same number of hints"
    assert sols["zh"].cards == sols["en"].cards, "zh and en link the same cards"
    for card in sols["en"].cards:
        assert card in CARD_IDS, f"{pid}: related card '{card}' does not exist under {CARDS_DIR}"
    expected = meta.get("complexity", {}).get("expected")
    for lang, sol in sols.items():
        if expected:
            assert _bare(f"O({expected})") in _bare(sol.sections["complexity"]), \
                f"solution.{lang}.md: the complexity section must state O({expected}) (problem.toml [complexity])"
        for wrong in meta.get("wrong", []):
            assert f"`{wrong['file']}`" in sol.sections["mistakes"], \
                f"solution.{lang}.md: common mistakes must explain `{wrong['file']}`"
        # every known-wrong file has a bullet of its own (one that names no other wrong file)
        bullets = [ln for ln in sol.sections["mistakes"].splitlines() if re.match(r"^\s*[-*]\s", ln)]
        files = [f"`{w['file']}`" for w in meta.get("wrong", [])]
        for name in files:
            own = [b for b in bullets if name in b and sum(other in b for other in files) == 1]
            assert own, f"solution.{lang}.md: {name} needs a bullet of its own under common mistakes"
    for lang in LANGS:
        for i, hint in enumerate(hints[lang], start=1):
            assert not unbalanced_dollars(hint), f"hints.{lang}.md hint {i}: unbalanced $"
            assert _renders(hint).strip()
        text = solution_path(folder, lang).read_text(encoding="utf-8")
        assert not unbalanced_dollars(text), f"solution.{lang}.md: unbalanced $"
        rendered = _renders(sols[lang].markdown())
        assert sols[lang].markdown().count("## ") >= 5 and len(rendered) > 400


def test_guides_exist_for_every_problem():
    missing = [pid for pid in IDS if not has_guides(PROBLEMS_DIR / pid)]
    assert not missing, f"problems without hints/solutions in both languages: {missing}"


def test_schema_requires_the_guide_files(tmp_path):
    folder = tmp_path / "sqrt-int"
    shutil.copytree(PROBLEMS_DIR / "sqrt-int", folder)
    assert load_problem(folder).id == "sqrt-int"
    (folder / "solution.en.md").unlink()
    with pytest.raises(ProblemError, match=r"missing solution\.en\.md"):
        load_problem(folder)


# --- the parser -----------------------------------------------------------------------------------

SOLUTION_EN = """## Approach

Binary search.

```python
## not a heading: inside a code fence
```

## Complexity

O(log n) time, O(1) space.

## Common mistakes

- `wrong/a.py`: off by one.

## Follow-up questions

- Why? Because.

## Related cards

- `sqrt-newton`
- `sqrt-binary-search`: also relevant
"""


def test_parse_hints_two_or_three_numbered():
    assert parse_hints("## 1\nfirst\n\n## 2\nsecond, *more*\n") == ["first", "second, *more*"]
    with pytest.raises(GuideError, match="1 hints"):
        parse_hints("## 1\nonly one\n")
    with pytest.raises(GuideError, match="4 hints"):
        parse_hints("".join(f"## {i}\nh\n" for i in range(1, 5)))
    with pytest.raises(GuideError, match="expected '## 2'"):
        parse_hints("## 1\na\n## 3\nb\n")
    with pytest.raises(GuideError, match="hint 2 is empty"):
        parse_hints("## 1\na\n## 2\n\n")
    with pytest.raises(GuideError, match="before the first"):
        parse_hints("intro\n## 1\na\n## 2\nb\n")


def test_parse_solution_sections_and_cards():
    sol = parse_solution(SOLUTION_EN, "en")
    assert sol.cards == ["sqrt-newton", "sqrt-binary-search"]
    assert "not a heading" in sol.sections["approach"]  # the fenced `##` line stayed in its section
    assert sol.sections["complexity"] == "O(log n) time, O(1) space."
    assert parse_solution(SOLUTION_EN.replace("- `sqrt-newton`\n- `sqrt-binary-search`: also relevant", "- none"),
                          "en").cards == []
    swapped = SOLUTION_EN.replace("## Complexity", "## TMP").replace("## Approach", "## Complexity").replace("## TMP", "## Approach")
    with pytest.raises(GuideError, match="expected exactly"):
        parse_solution(swapped, "en")
    with pytest.raises(GuideError, match="expected exactly"):
        parse_solution(SOLUTION_EN, "zh")  # English headings in a Chinese file
    with pytest.raises(GuideError, match="card id in backticks"):
        parse_solution(SOLUTION_EN.replace("- `sqrt-newton`", "- sqrt-newton"), "en")
    with pytest.raises(GuideError, match="is empty"):
        parse_solution(SOLUTION_EN.replace("O(log n) time, O(1) space.", ""), "en")


def test_unbalanced_dollars():
    assert not unbalanced_dollars("scale by $1/\\sqrt{d}$ and `cost = $5` in code")
    assert not unbalanced_dollars("$$\na^2\n$$\n```\necho $HOME\n```")
    assert not unbalanced_dollars("costs \\$5")
    assert unbalanced_dollars("scale by $1/\\sqrt{d} and done")


def test_missing_file_is_named(tmp_path):
    with pytest.raises(GuideError, match=r"hints\.en\.md: missing"):
        load_hints(tmp_path, "en")


def test_attach_next_only_on_acceptance(tmp_path):
    folder = tmp_path / "demo"
    folder.mkdir()
    (folder / "solution.en.md").write_text(SOLUTION_EN, encoding="utf-8")
    doc = attach_next({"problem": "demo", "verdict": "accepted"}, tmp_path)
    assert doc["next"] == {"solution": "mianjing solution demo", "cards": ["sqrt-newton", "sqrt-binary-search"]}
    assert "next" not in attach_next({"problem": "demo", "verdict": "wrong_answer"}, tmp_path)
    assert "next" not in attach_next({"problem": "other", "verdict": "accepted"}, tmp_path)  # no solution file
