"""`mianjing cards audit`: a reproducible random sample of cards beside their checks' code."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from typer.testing import CliRunner

from mianjing.cards.audit import sample_cards
from mianjing.cli.app import app

runner = CliRunner()


def run(*args):
    return runner.invoke(app, list(args))


def _json(*args):
    result = run("cards", "audit", *args, "--json")
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def test_json_has_sources_and_check_code_side_by_side(sample_bank):
    doc = _json("--sample", "5", "--seed", "1")
    assert doc["seed"] == 1 and len(doc["cards"]) == 2  # only two sample cards: all of them
    by_id = {c["id"]: c for c in doc["cards"]}
    kl = by_id["kl-cross-entropy"]
    assert kl["sources"] and kl["short"]["en"] and kl["short"]["zh"]
    [check] = kl["checks"]
    assert check["name"] == "kl_equals_ce_minus_entropy" and check["found"]
    assert check["code"].startswith("def kl_equals_ce_minus_entropy") and "H(p, q)" in check["doc"]
    assert kl["reviewed"] and isinstance(kl["days_since_review"], int)


def test_same_seed_same_sample_and_seeds_differ(sample_bank):
    one = [c["id"] for c in _json("--sample", "1", "--seed", "7")["cards"]]
    assert one == [c["id"] for c in _json("--sample", "1", "--seed", "7")["cards"]]
    drawn = {_json("--sample", "1", "--seed", str(s))["cards"][0]["id"] for s in range(12)}
    assert drawn == {"kl-cross-entropy", "vit-patch-count"}  # different seeds reach both cards


def test_sample_is_a_seeded_draw_without_replacement():
    class C:
        def __init__(self, i):
            self.id = f"c{i:02d}"

    cards = [C(i) for i in range(30)]
    a = sample_cards(cards, 10, seed=3)
    assert len({c.id for c in a}) == 10
    assert [c.id for c in a] == [c.id for c in sample_cards(list(reversed(cards)), 10, seed=3)]  # order-free
    assert [c.id for c in a] != [c.id for c in sample_cards(cards, 10, seed=4)]


def test_table_output_names_the_seed_and_flags_lint(sample_bank):
    # a check that only restates constants is flagged next to its code
    checks = sample_bank / "math" / "checks.py"
    checks.write_text(checks.read_text() + "\n\ndef restated() -> None:\n    assert 14 * 14 == 196\n")
    card = sample_bank / "math" / "vit-patch-count.md"
    card.write_text(card.read_text().replace('checks = ["vit_patches_224_16"]', 'checks = ["vit_patches_224_16", "restated"]'))
    result = run("cards", "audit", "--sample", "2", "--seed", "5", "--lang", "zh")
    assert result.exit_code == 0, result.output
    assert "seed 5" in result.stdout and "--seed 5" in result.stdout
    assert "def restated" in result.stdout and "constant-assert" in result.stdout
    assert "Sources" in result.stdout


def test_check_sources_reads_code_statically(tmp_path):
    from mianjing.cards.audit import check_sources

    (tmp_path / "checks.py").write_text(
        "import torch_that_does_not_exist\n\n"  # never imported: reading is static
        "def real() -> None:\n    \"\"\"Doc.\"\"\"\n    x = sorted([3, 1])\n    assert x[0] == 1\n")
    real, missing = check_sources(tmp_path, ["real", "gone"])
    assert real.found and real.doc == "Doc." and real.code.startswith("def real") and real.line == 3
    assert not missing.found and missing.code == ""
    assert check_sources(tmp_path / "nowhere", ["real"])[0].found is False


def test_bad_input_is_a_clear_error(sample_bank):
    result = run("cards", "audit", "--sample", "0")
    assert result.exit_code == 2 and "--sample must be at least 1" in result.stderr
    result = run("cards", "audit", "--topic", "nope")
    assert result.exit_code == 2 and "no topic 'nope'" in result.stderr
    result = run("cards", "audit", "--lang", "fr")
    assert result.exit_code == 2


def test_audit_does_not_import_torch_or_numpy(tmp_path):
    code = (
        "import sys\n"
        "from typer.testing import CliRunner\n"
        "from mianjing.cli.app import app\n"
        "res = CliRunner().invoke(app, ['cards', 'audit', '--sample', '3', '--seed', '1'])\n"
        "assert res.exit_code == 0, res.output\n"
        "assert 'torch' not in sys.modules and 'numpy' not in sys.modules\n"
        "print('ok')\n"
    )
    env = dict(os.environ, MIANJING_HOME=str(tmp_path / "home"))
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120)
    assert proc.returncode == 0 and proc.stdout.strip() == "ok", proc.stderr[-2000:]
