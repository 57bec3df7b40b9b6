"""Study sets (Hot 100): set file, problem membership, `list --set`, `lcN` aliases, stats, coverage."""

import json
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from mianjing.cli.app import app
from mianjing.problems.bank import UnknownProblem, all_problems, get_problem, resolve_id
from mianjing.problems.sets import SetError, load_set, members, progress
from mianjing.problems.spec import SetEntry

runner = CliRunner()


def test_hot100_set_file_tiles_rows_1_to_100():
    st = load_set("hot100")
    assert st.total == 100 and st.catalogue == "C18"
    assert st.sections[0].first == 1 and st.sections[-1].last == 100
    assert sum(s.size for s in st.sections) == 100
    assert st.section_of(30).name == "链表 linked list"
    assert st.section_of(30).label("en") == "linked list" and st.section_of(30).label("zh") == "链表"


def test_every_bank_problem_in_the_set_agrees_with_it():
    st = load_set("hot100")
    rows = members(st, all_problems())  # raises SetError on a wrong section or a row claimed twice
    assert rows[30].id == "swap-pairs" and rows[87].id == "lis"
    for row, p in rows.items():
        assert p.leetcode, f"{p.id}: a Hot 100 problem carries its LeetCode number"
        assert "C18" in p.catalogue


def _fake(pid, row, section):
    return SimpleNamespace(id=pid, set=SetEntry("hot100", row, section))


def test_membership_errors_are_named():
    st = load_set("hot100")
    with pytest.raises(SetError, match="belongs to section"):
        members(st, [_fake("x", 1, "链表 linked list")])
    with pytest.raises(SetError, match="both claim row 1"):
        members(st, [_fake("x", 1, "哈希 hashing"), _fake("y", 1, "哈希 hashing")])
    with pytest.raises(SetError, match="outside set"):
        members(st, [_fake("x", 101, "技巧 tricks")])
    with pytest.raises(SetError, match="unknown set 'nope'"):
        load_set("nope")


def test_progress_counts_solved_per_section():
    st = load_set("hot100")
    probs = [_fake("a", 1, "哈希 hashing"), _fake("b", 2, "哈希 hashing"), _fake("c", 4, "双指针 two pointers")]
    prog = progress(st, probs, {"a": "solved", "b": "attempted", "c": "solved_with_help"})
    first = prog["sections"][0]
    assert first == {"section": "哈希 hashing", "rows": [1, 3], "total": 3, "judged": 2, "solved": 1}
    assert prog["judged"] == 3 and prog["solved"] == 2 and prog["total"] == 100


def test_lc_alias_resolves_and_unknown_number_is_clear():
    assert resolve_id("lc300") == "lis" and resolve_id("LC24") == "swap-pairs"
    assert get_problem("lc1143").id == "lcs"
    assert resolve_id("rmsnorm") == "rmsnorm"
    with pytest.raises(UnknownProblem, match="No problem here has LeetCode number 99999"):
        get_problem("lc99999")


def test_list_set_json_is_in_row_order_with_sections(tmp_path, monkeypatch):
    monkeypatch.setenv("MIANJING_HOME", str(tmp_path))
    res = runner.invoke(app, ["list", "--set", "hot100", "--json"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.stdout)
    rows = [p["row"] for p in doc["problems"]]
    assert rows == sorted(rows) and 30 in rows and doc["total"] == 100
    swap = next(p for p in doc["problems"] if p["id"] == "swap-pairs")
    assert swap["section"] == "链表 linked list" and swap["leetcode"] == 24 and swap["status"] == "new"
    assert doc["judged"] == len(doc["problems"])
    bad = runner.invoke(app, ["list", "--set", "nope"])
    assert bad.exit_code == 2 and "unknown set 'nope'" in bad.output


def test_commands_accept_lc_numbers(tmp_path, monkeypatch):
    monkeypatch.setenv("MIANJING_HOME", str(tmp_path))
    res = runner.invoke(app, ["show", "lc24", "--lang", "en"])
    assert res.exit_code == 0 and "Swap nodes in pairs" in res.output
    res = runner.invoke(app, ["start", "lc24", "--dir", str(tmp_path)])
    assert res.exit_code == 0 and (tmp_path / "swap-pairs.py").is_file()


def test_stats_reports_hot100_per_section(tmp_path, monkeypatch):
    monkeypatch.setenv("MIANJING_HOME", str(tmp_path))
    res = runner.invoke(app, ["stats", "--json"])
    assert res.exit_code == 0, res.output
    hot = json.loads(res.stdout)["sets"]["hot100"]
    assert len(hot["sections"]) == len(load_set("hot100").sections) and hot["solved"] == 0


def test_coverage_counts_c18_by_judged_rows(tmp_path, monkeypatch):
    monkeypatch.setenv("MIANJING_HOME", str(tmp_path))
    res = runner.invoke(app, ["cards", "coverage", "--json"])
    assert res.exit_code == 0, res.output
    c18 = next(i for i in json.loads(res.stdout)["items"] if i["id"] == "C18")
    judged = len(members(load_set("hot100"), all_problems()))
    assert c18["progress"] == {"set": "hot100", "judged": judged, "total": 100}
    assert c18["covered"] == (judged == 100)
