"""Issue 11's CLI defects: a remembered language, `list` at 80 columns, formulas in the terminal, the
knowledge side of `stats`, `--version` and `python -m mianjing`."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timezone
from io import StringIO

import pytest
from rich.console import Console
from typer.testing import CliRunner

from mianjing import __version__
from mianjing.cli.app import app
from mianjing.cli.mathtext import markdown, protect, to_unicode
from mianjing.settings import locale_lang, settings_path

runner = CliRunner()


def run(*args, env=None):
    return runner.invoke(app, list(args), env=env)


@pytest.fixture
def no_env_lang(monkeypatch):
    monkeypatch.delenv("MIANJING_LANG", raising=False)
    for var in ("LC_ALL", "LC_MESSAGES"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")


# ---- the remembered language -----------------------------------------------------------------------------

@pytest.mark.parametrize("env,expected", [({"LANG": "zh_CN.UTF-8"}, "zh"), ({"LANG": "en_US.UTF-8"}, "en"),
                                          ({"LANG": "C.UTF-8"}, "en"), ({"LC_ALL": "zh_TW.UTF-8", "LANG": "en_US"}, "zh"),
                                          ({}, "en")])
def test_default_language_follows_the_locale(monkeypatch, env, expected):
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    assert locale_lang() == expected


def test_config_set_get_list_unset(no_env_lang):
    assert run("config", "get", "lang").stdout.strip() == "en"  # the C locale
    r = run("config", "set", "lang", "zh")
    assert r.exit_code == 0 and settings_path().read_text(encoding="utf-8").count('lang = "zh"') == 1
    assert run("config", "get", "lang").stdout.strip() == "zh"
    doc = json.loads(run("config", "list", "--json").stdout)
    assert doc["settings"] == [{"key": "lang", "value": "zh", "source": str(settings_path()), "allowed": ["zh", "en"]}]
    assert run("config", "unset", "lang").exit_code == 0
    assert run("config", "get", "lang").stdout.strip() == "en"


def test_config_refuses_bad_input(no_env_lang):
    for args, msg in [(("set", "lang", "fr"), "lang must be one of zh, en"), (("set", "colour", "red"), "unknown setting")]:
        r = run("config", *args)
        assert r.exit_code == 2 and msg in r.output
    settings_path().write_text("lang = zh\n", encoding="utf-8")  # hand-edited, quotes forgotten
    r = run("show", "sqrt-int")
    assert r.exit_code == 2 and "line 1" in r.output and "settings.toml" in r.output
    assert settings_path().read_text(encoding="utf-8") == "lang = zh\n"  # reported, left as it was


def test_remembered_language_is_every_commands_default(no_env_lang, tmp_path):
    run("config", "set", "lang", "en")
    en = run("show", "sqrt-int").stdout
    zh = run("show", "sqrt-int", "--lang", "zh").stdout  # the flag still wins
    assert en == run("show", "sqrt-int", "--lang", "en").stdout and en != zh
    assert run("cards", "list", "--topic", "attention").stdout == run("cards", "list", "--topic", "attention",
                                                                        "--lang", "en").stdout
    assert run("hint", "lis", "--json").exit_code == 0
    assert json.loads(run("hint", "lis", "--json").stdout)["lang"] == "en"
    # `start` writes the statement header in the remembered language
    assert run("start", "sqrt-int", "--dir", str(tmp_path)).exit_code == 0
    header = (tmp_path / "sqrt-int.py").read_text(encoding="utf-8").splitlines()[0]
    assert header.startswith("# ") and not any("\u4e00" <= ch <= "\u9fff" for ch in header)
    # MIANJING_LANG overrides the file for one shell
    zh_start = tmp_path / "zh"
    assert run("start", "sqrt-int", "--dir", str(zh_start), env={"MIANJING_LANG": "zh"}).exit_code == 0
    assert any("\u4e00" <= ch <= "\u9fff" for ch in (zh_start / "sqrt-int.py").read_text(encoding="utf-8").splitlines()[0])
    r = run("show", "sqrt-int", env={"MIANJING_LANG": "klingon"})
    assert r.exit_code == 2 and "MIANJING_LANG" in r.output


# ---- `list` in 80 columns --------------------------------------------------------------------------------

def _problems():
    r = run("list", "--json")
    return json.loads(r.stdout[r.stdout.index("{"):])["problems"]


@pytest.mark.parametrize("columns", ["80", "100", "160"])
def test_list_ids_whole_titles_one_language(columns):
    problems = _problems()
    out = run("list", "--lang", "en", env={"COLUMNS": columns}).stdout
    lines = out.splitlines()
    assert max(len(x) for x in lines) <= int(columns)
    words = out.split()
    for p in problems:
        assert p["id"] in words, p["id"]  # never cut, never wrapped
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in out)  # English titles only
    zh = run("list", "--lang", "zh", env={"COLUMNS": columns}).stdout
    assert "两数之和" in zh and "Two Sum" not in zh


# ---- formulas --------------------------------------------------------------------------------------------

def _render(text: str) -> str:
    c = Console(file=StringIO(), width=200, color_system=None)
    c.print(markdown(text))
    return c.file.getvalue().strip()


@pytest.mark.parametrize("tex,shown", [
    (r"$\pi_{\theta_{old}}$", "π_{θ_{old}}"),
    (r"$a\,b$", "a\u2009b"),
    (r"$\frac{1}{\sqrt{d_k}}$", "1/√dₖ"),
    (r"$x^2 + e^{-x}$", "x² + e⁻ˣ"),
    (r"$\mathbb{E}[\log \sigma(\beta x)]$", "𝔼[log σ(β x)]"),
    (r"$\pi_\text{ref}$", "π_{ref}"),
    (r"$\begin{cases} a & b \end{cases}$", r"\begin{cases} a & b \end{cases}"),  # no faithful form: as written
    (r"$\operatorname*{argmax}_x f$", r"\operatorname*{argmax}ₓ f"),
    (r"$p\|q$ and $a_1*b_2*c$", "p‖q and a₁*b₂*c"),
])
def test_formulas_print_intact_or_as_unicode(tex, shown):
    assert _render(tex) == shown


def test_markdown_outside_formulas_still_works_and_code_is_untouched():
    assert _render("**bold** and *x* then `$\\pi_1$`") == "bold and x then $\\pi_1$"
    assert protect("```\n$\\alpha$\n```") == "```\n$\\alpha$\n```"
    assert _render("costs $5 and $10") == "costs $5 and $10"  # prices are not formulas
    assert to_unicode(r"\unknown{x}_1") == r"\unknown{x}₁"


def test_cards_show_keeps_the_formula():
    out = run("cards", "show", "grpo-objective", "--lang", "en", env={"COLUMNS": "200"}).stdout
    assert "π_{θ_{old}}" in out and "\\pi{" not in out and "pi{" not in out


# ---- stats: the knowledge side ---------------------------------------------------------------------------

def test_stats_shows_cards_reviewed_due_and_recalled():
    from mianjing.cards.bank import load_bank
    from mianjing.cards.review import Reviewer
    from mianjing.store.db import connect

    bank = load_bank()
    first, second = list(bank.cards.values())[:2]
    conn = connect()
    try:
        rv = Reviewer(conn, fuzz=False)
        now = datetime.now(timezone.utc)
        rv.review(first.id, 3, now=now)  # Good
        rv.review(second.id, 1, now=now)  # Again: due again within minutes
    finally:
        conn.close()
    doc = json.loads(run("stats", "--json").stdout)["knowledge"]
    t = doc["total"]
    assert (t["cards"], t["reviewed"], t["reviews"], t["recalled"]) == (len(bank.cards), 2, 2, 1)
    assert t["recall_rate"] == 0.5 and 0 < t["predicted_recall_now"] <= 1
    topic = doc["topics"][first.topic]
    assert topic["reviewed"] >= 1 and topic["cards"] == sum(c.topic == first.topic for c in bank.cards.values())
    assert sum(g["reviews"] for g in doc["topics"].values()) == 2
    out = run("stats", env={"COLUMNS": "120"}).stdout
    assert f"cards: 2 of {len(bank.cards)} reviewed" in out and "recalled" in out and first.topic in out


# ---- --version and python -m -----------------------------------------------------------------------------

def test_version_and_python_dash_m():
    assert run("--version").stdout.strip() == f"mianjing {__version__}"
    out = subprocess.run([sys.executable, "-m", "mianjing", "--version"], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0 and out.stdout.strip() == f"mianjing {__version__}"
    listed = subprocess.run([sys.executable, "-m", "mianjing", "calc", "params", "--model", "qwen2.5-0.5b", "--json"],
                            capture_output=True, text=True, timeout=60)
    assert json.loads(listed.stdout)["total"] == 494_032_768


@pytest.mark.parametrize("columns", ["80", "130"])
def test_list_set_ids_whole(columns):
    doc = json.loads(run("list", "--set", "hot100", "--json").stdout)
    out = run("list", "--set", "hot100", env={"COLUMNS": columns}).stdout
    assert max(len(x) for x in out.splitlines()) <= int(columns)
    words = out.split()
    assert doc["problems"] and all(p["id"] in words for p in doc["problems"])
