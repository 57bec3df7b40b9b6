"""Round templates are validated like cards: the schema, the ids they name, the seed lines they cite."""

from pathlib import Path

import pytest

from mianjing.cards.bank import load_bank
from mianjing.mock.planner import plan_round
from mianjing.mock.templates import (
    SEED_LINE_COUNT,
    TEMPLATES_DIR,
    load_templates,
    parse,
)
from mianjing.problems.bank import load_all

_ROOT = Path(__file__).resolve().parents[2]
SEED = next((p for p in (_ROOT / "shared" / "seed" / "interview-notes.zh.txt",
                         _ROOT.parent / "shared" / "seed" / "interview-notes.zh.txt") if p.exists()), _ROOT / "missing")
# every round the seed reports with content (catalogue A04); bytedance-ecommerce round 2 was ended at once
SEED_ROUNDS = {"alibaba-tongyi-1", "alibaba-tongyi-2", "bytedance-ecommerce-1", "tencent-wxg-1", "tencent-wxg-2",
               "alibaba-ecommerce-1", "douyin-1", "fliggy-1", "tencent-ieg-1", "tencent-ieg-2", "tencent-ieg-3"}


@pytest.fixture(scope="module")
def sources():
    bank = load_bank()
    problems, _ = load_all()
    by_id = {p.id: p for p in problems}
    return bank, by_id, load_templates(card_ids=set(bank.cards), problem_ids=set(by_id))


def test_every_template_is_valid_and_every_seed_round_has_one(sources):
    _, _, templates = sources
    assert [str(i) for i in templates.issues] == []
    files = {p.stem for p in TEMPLATES_DIR.glob("*.toml")}
    assert set(templates.templates) == files
    assert SEED_ROUNDS | {"generic-1"} == files


def test_citations_are_in_range_and_hold_the_quoted_phrase(sources):
    _, _, templates = sources
    seed = SEED.read_text(encoding="utf-8").splitlines() if SEED.exists() else None
    if seed is not None:
        assert len(seed) == SEED_LINE_COUNT
    for t in templates.templates.values():
        for lines in [t.lines] + [p.lines for p in t.parts]:
            assert lines and all(1 <= n <= SEED_LINE_COUNT for n in lines), t.id
        if seed is not None:
            first, last = t.lines[0], t.lines[-1]
            cited = "\n".join(seed[first - 1:last])
            assert t.quote.casefold() in cited.casefold(), f"{t.id}: {t.quote!r} not in seed lines {first}-{last}"


def test_wxg_round_2_asks_what_the_seed_reports(sources):
    bank, problems, templates = sources
    rnd = plan_round(templates.get("tencent-wxg", 2), bank, problems, seed=0, lang="en")
    cards = [q.card for p in rnd.parts for q in p.questions if p.kind == "fundamentals"]
    assert cards[:1] == ["ppo-vs-dpo-vs-grpo"] and "grpo-clip-vs-kl" in cards and "on-policy-vs-off-policy" in cards
    assert [q.problem for p in rnd.parts for q in p.questions if q.kind == "problem"] == ["lcs"]
    assert [p.kind for p in rnd.parts] == ["paper", "resume", "fundamentals", "coding"]


def test_generic_draws_depend_on_the_seed_only(sources):
    bank, problems, templates = sources
    t = templates.get("generic", 1)
    a = plan_round(t, bank, problems, seed=5).to_dict()
    b = plan_round(t, bank, problems, seed=5).to_dict()
    others = [plan_round(t, bank, problems, seed=s).to_dict() for s in range(6, 12)]
    assert a == b
    assert any(o["parts"] != a["parts"] for o in others)


@pytest.mark.parametrize("body, message", [
    ('company = "x"\nround = 1\nname = {zh = "a", en = "b"}\nlines = [1]\nquote = "q"\n', "at least one [[part]]"),
    ('company = "x"\nround = 1\nname = {zh = "a", en = "b"}\nlines = [171]\nquote = "q"\n'
     '[[part]]\nkind = "intro"\nminutes = 2\nlines = [1]\n', "outside 1..170"),
    ('company = "x"\nround = 1\nname = {zh = "a", en = "b"}\nlines = [1]\nquote = "q"\n'
     '[[part]]\nkind = "quiz"\nminutes = 2\nlines = [1]\n', "`kind` must be one of"),
    ('company = "x"\nround = 1\nname = {zh = "a", en = "b"}\nlines = [1]\nquote = "q"\n'
     '[[part]]\nkind = "coding"\nminutes = 2\nlines = [1]\n', "needs `problems`"),
    ('company = "x"\nround = 1\nname = {zh = "a", en = "b"}\nlines = [1]\nquote = "q"\ncolour = 1\n'
     '[[part]]\nkind = "intro"\nminutes = 2\nlines = [1]\n', "unknown key `colour`"),
])
def test_schema_reports_each_problem(tmp_path, body, message):
    path = tmp_path / "x-1.toml"
    path.write_text(body, encoding="utf-8")
    template, issues = parse(path)
    assert template is None and any(message in i for i in issues), issues


def test_unknown_ids_are_reported(tmp_path, sources):
    bank, problems, _ = sources
    (tmp_path / "x-1.toml").write_text(
        'company = "x"\nround = 1\nname = {zh = "a", en = "b"}\nlines = [1]\nquote = "q"\n'
        '[[part]]\nkind = "fundamentals"\nminutes = 2\nlines = [1]\ncards = ["no-such-card"]\n'
        '[[part]]\nkind = "coding"\nminutes = 2\nlines = [1]\nproblems = ["no-such-problem"]\n'
        '[[part]]\nkind = "reverse"\nminutes = 2\nlines = [1]\ncards = ["no-such-card"]\n', encoding="utf-8")
    loaded = load_templates(tmp_path, card_ids=set(bank.cards), problem_ids=set(problems))
    assert loaded.templates == {}
    assert sorted(i.message for i in loaded.issues) == [
        "card 'no-such-card' is named by more than one part (a round asks each card once)",
        "part 1: no card 'no-such-card'", "part 2: no problem 'no-such-problem'", "part 3: no card 'no-such-card'"]


def test_mock_resume_and_plan_commands_do_not_import_torch(tmp_path):
    import os
    import subprocess
    import sys

    cv = tmp_path / "cv.md"
    cv.write_text("## Projects\nRAG demo\n- 3 docs\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from mianjing.cli.app import app\n"
        "r = CliRunner()\n"
        f"for args in (['mock','list'], ['mock','plan','-c','douyin','--seed','1'], ['mock','history'],\n"
        f"             ['resume','check',{str(cv)!r}], ['plan','--interview-date','2099-01-01','--today']):\n"
        "    res = r.invoke(app, args)\n"
        "    assert res.exception is None or isinstance(res.exception, SystemExit), (args, res.exception)\n"
        "    assert 'torch' not in sys.modules and 'numpy' not in sys.modules, args\n"
        "print('ok')\n"
    )
    env = dict(os.environ, MIANJING_HOME=str(tmp_path / "home"))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr[-2000:]
