"""The verdict table in the terminal: a message shared by several cases is printed once with the
cases it applies to, and the complexity hint is shown, not only in --json."""

from __future__ import annotations

from rich.console import Console

from mianjing.cli.report import render_report, shared_messages

TRACE = "NotImplementedError: the stub is not filled in yet\n  File \"submission.py\", line 3, in rms_norm"


def _doc(cases, **extra):
    doc = {"problem": "rmsnorm", "seed": 1, "verdict": "runtime_error", "passed": 0, "total": len(cases),
           "time_ms": 12.0, "cases": cases, "message": "runtime_error on case example-1"}
    doc.update(extra)
    return doc


def _case(name, verdict="runtime_error", message=TRACE, hidden=False):
    return {"name": name, "hidden": hidden, "verdict": verdict, "message": message, "time_ms": 1.0, "detail": ""}


def _render(doc) -> str:
    console = Console(record=True, width=200)
    render_report(doc, console)
    return console.export_text()


def test_identical_messages_are_printed_once_with_their_cases():
    names = [f"case-{i}" for i in range(12)]
    text = _render(_doc([_case(n) for n in names]))
    assert text.count("NotImplementedError") == 1
    assert "also cases case-1, case-2" in text
    assert text.count("the same as case-0") == 11


def test_distinct_messages_and_verdicts_stay_apart():
    cases = [_case("a"), _case("b", message="other"), _case("c", verdict="wrong_answer"), _case("d", "accepted", "")]
    marks = shared_messages(cases)
    assert marks == [("", []), ("", []), ("", []), ("", [])]


def test_complexity_hint_is_in_the_table_output():
    cx = {"expected": "n log n", "exponent": 2.0, "reference_exponent": 1.0,
          "message": "your solution looks O(n^2); expected O(n log n)"}
    doc = _doc([_case("large-1", "accepted", "")], verdict="accepted", passed=1, message="", complexity=cx)
    text = _render(doc)
    assert "your solution looks O(n^2); expected O(n log n)" in text
    assert "time ~ n^2.0" in text


def test_report_to_json_is_asdict():
    """to_json is written by hand for speed: it must give exactly what dataclasses.asdict gives."""
    from dataclasses import asdict

    from mianjing.judge.verdict import CaseResult, Report

    rep = Report("p", "wrong_answer", 1, 2, 3.5, [CaseResult("a", False, "accepted", time_ms=1.0),
                                                  CaseResult("b", True, "wrong_answer", "m", 2.0, "out", "d")],
                 "msg", 7, {"expected": "n", "exponent": 1.0, "reference_exponent": 1.0, "message": ""}, ["x: on"])
    doc = rep.to_json()
    assert doc == asdict(rep)
    doc["cases"][0]["verdict"] = "edited"
    doc["isolation"].append("edited")
    doc["complexity"]["message"] = "edited"
    assert rep.cases[0].verdict == "accepted" and rep.isolation == ["x: on"] and rep.complexity["message"] == ""
