"""Coverage of the catalogue: cards for K/R/B/A03, problems for C, features never missing."""

from __future__ import annotations

from mianjing import paths
from mianjing.cards.bank import load_bank
from mianjing.cards.catalogue import load_catalogue
from mianjing.cards.coverage import coverage


def _problem(problems_dir, pid, body):
    d = problems_dir / pid
    d.mkdir(parents=True)
    (d / "problem.toml").write_text(body, encoding="utf-8")


def test_catalogue_scopes():
    cat = load_catalogue()
    assert len(cat) == 97
    assert {i.scope for i in cat.values() if i.kind in "KRB"} == {"cards"}
    assert {i.scope for i in cat.values() if i.kind == "C"} == {"problems"}
    assert cat["A03"].scope == "cards"
    assert {k for k, i in cat.items() if i.scope == "feature"} == {"A01", "A02", "A04"}
    assert cat["K31"].title.startswith("DeepSpeed's three ZeRO stages")
    assert "mock interviews" in cat["A04"].feature


def test_sample_bank_coverage(sample_bank):
    problems = paths.PROBLEMS_DIR
    _problem(problems, "mha", 'id = "mha"\ncatalogue = ["C10", "C17"]\n')
    _problem(problems, "broken", 'catalogue = "C11"\n')
    _problem(problems, "bad-toml", "catalogue = [\n")
    _problem(problems, "typo", 'catalogue = ["C99"]\n')
    cov = coverage(load_bank(sample_bank), problems)
    doc = cov.to_dict()
    items = {i["id"]: i for i in doc["items"]}
    assert len(items) == 97
    assert items["K38"]["cards"] == ["kl-cross-entropy"] and items["K38"]["covered"] is True
    assert items["K47"]["cards"] == ["vit-patch-count"]
    assert items["C10"]["problems"] == ["mha"] and items["C17"]["problems"] == ["mha"]
    assert items["K01"]["cards"] == [] and "K01" in doc["missing"]
    assert "C11" in doc["missing_by_scope"]["problems"] and "C10" not in doc["missing"]
    assert "A03" in doc["missing_by_scope"]["cards"]
    for feature in ("A01", "A02", "A04"):
        assert items[feature]["scope"] == "feature" and feature not in doc["missing"]
        assert items[feature]["feature"]
    assert set(doc["missing"]) == set(doc["missing_by_scope"]["cards"]) | set(doc["missing_by_scope"]["problems"])
    assert doc["summary"]["K"] == {"total": 58, "covered": 3, "missing": 55, "feature": 0}
    assert doc["summary"]["A"] == {"total": 4, "covered": 0, "missing": 1, "feature": 3}
    warnings = " ".join(doc["warnings"])
    assert "broken" in warnings and "bad-toml" in warnings and "C99" in warnings


def test_real_bank_coverage_report_is_complete():
    """Every catalogue item appears once, with the scope that decides what covers it."""
    bank = load_bank()
    doc = coverage(bank).to_dict()
    assert [i["id"] for i in doc["items"]] == list(bank.catalogue)
    card_ids = set(bank.cards)
    for item in doc["items"]:
        assert set(item["cards"]) <= card_ids
        if item["scope"] == "cards":
            assert (item["id"] in doc["missing"]) == (not item["cards"])


def test_every_k_r_b_item_and_a03_has_a_card():
    """The issue's acceptance criterion: `mianjing cards coverage` reports nothing missing among K, R, B, A03."""
    cov = coverage(load_bank())
    missing = cov.missing("cards")
    titles = {c.item.id: c.item.title for c in cov.items}
    assert not missing, "no card answers: " + "; ".join(f"{i} {titles[i]}" for i in missing)
