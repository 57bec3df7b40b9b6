"""The mutation tester: which mistakes it makes, that it never hands back the original, and that a
weak set of cases shows up as survivors with their diffs."""

from __future__ import annotations

import ast
from pathlib import Path
from types import SimpleNamespace

import pytest

from mianjing.problems.mutate import (
    EquivalentError, Mutant, all_mutants, bank_score, load_equivalent, markdown_table, mutate_problem, normalise,
    select,
)

SAMPLE = '''"""A tiny attention-like sample: every mutation kind has something to bite on."""
import math

import torch


def attend(q, k, v, causal: bool = False, eps: float = 1e-6):
    scores = q @ k.transpose(-2, -1) / math.sqrt(q.shape[-1])  # (T, T)
    if causal:
        t = scores.shape[-1]
        mask = torch.ones(t, t).triu(1).bool()
        scores = scores.masked_fill(mask, float("-inf"))
    m = scores.amax(dim=-1, keepdim=True).detach()
    p = torch.exp(scores - m)
    with torch.no_grad():
        total = p.sum(dim=-1, keepdim=True)
    w = torch.clamp(p / (total + eps), 0.0, 1.0)
    out = w @ v
    for i in range(1, len(out)):
        if i > 2 and causal:
            out[i] = out[i] * 1.0
    return out[:len(out) - 0], -m.mean()
'''


def test_sample_gets_every_named_kind():
    kinds = {m.kind for m in all_mutants(SAMPLE)}
    for kind in ("arith-op", "compare-op", "bool-op", "unary-drop", "constant", "inf-large", "detach-removed",
                 "detach-added", "no-grad-removed", "no-grad-added", "swap-args", "swap-operands", "dim",
                 "drop-term", "slice-off-by-one", "range-off-by-one", "min-max-swap", "reduce-swap", "bool-const"):
        assert kind in kinds, kind


def test_specific_mutations_are_made():
    changes = {(m.kind, m.change) for m in all_mutants(SAMPLE)}
    assert ("inf-large", 'float("-inf") -> 0.0') in changes
    assert ("detach-removed", "scores.amax(dim=-1, keepdim=True).detach() -> scores.amax(dim=-1, keepdim=True)") in changes
    assert ("no-grad-removed", "torch.no_grad() -> torch.enable_grad()") in changes
    assert ("dim", "(-1) -> (-2)") in changes
    sources = [m.source for m in all_mutants(SAMPLE)]
    assert any("torch.exp(scores)" in s for s in sources)  # the dropped max shift
    assert any("range(1, len(out) + 1)" in s for s in sources)
    assert any("torch.clamp(p / (total + eps), 1.0, 0.0)" in s for s in sources)


def test_no_mutant_equals_the_original_and_all_are_distinct():
    original = normalise(SAMPLE)
    mutants = all_mutants(SAMPLE)
    norms = [normalise(m.source) for m in mutants]
    assert len(mutants) > 50
    assert original not in norms
    assert len(set(norms)) == len(norms)
    assert len({m.id for m in mutants}) == len(mutants)
    for m in mutants:
        compile(m.source, "<mutant>", "exec")


def test_one_span_changes_and_comments_survive():
    for m in all_mutants(SAMPLE):
        assert "# (T, T)" in m.source  # the reference's comments stay: the diff shows only the mistake
        diff = m.diff(SAMPLE)
        assert sum(1 for line in diff.splitlines() if line.startswith("+") and not line.startswith("+++")) == 1


def test_docstrings_annotations_and_defaults_are_not_mutated():
    """Defaults come with the stub's signature: a candidate does not write them, so they are no mistake."""
    for m in all_mutants(SAMPLE):
        tree = ast.parse(m.source)
        assert ast.get_docstring(tree) == ast.get_docstring(ast.parse(SAMPLE))
        assert "def attend(q, k, v, causal: bool = False, eps: float = 1e-6):" in m.source


def test_selection_is_capped_deterministic_and_covers_kinds():
    mutants = all_mutants(SAMPLE)
    a, b = select(mutants, 20, "toy"), select(list(mutants), 20, "toy")
    assert [m.id for m in a] == [m.id for m in b]
    assert len(a) == 20
    assert len({m.kind for m in a}) >= 15  # round-robin over kinds, not the first 20 constants
    assert select(mutants, 1000, "toy") and len(select(mutants, 1000, "toy")) == len(mutants)


# ---------------------------------------------------------------- a known-weak toy problem

TOY_REFERENCE = '''def clamp_diff(a, b, limit):
    d = a - b
    if d > limit:
        return limit
    return d
'''


def weak_judge(code: str, seed: int):
    """Only cases with a > b and d well below the limit: the comparison and the limit go untested."""
    ns: dict = {}
    exec(compile(code, "<toy>", "exec"), ns)
    for a, b, limit in [(5, 2, 100), (9, 1, 100), (4, 3, 50)]:
        try:
            ok = ns["clamp_diff"](a, b, limit) == a - b
        except Exception:  # noqa: BLE001 - a crash is a rejection
            ok = False
        if not ok:
            return SimpleNamespace(verdict="wrong_answer")
    return SimpleNamespace(verdict="accepted")


def toy_problem(tmp_path: Path, equivalent: str | None = None):
    (tmp_path / "reference.py").write_text(TOY_REFERENCE)
    if equivalent is not None:
        (tmp_path / "equivalent_mutants.toml").write_text(equivalent)
    return SimpleNamespace(id="toy", path=tmp_path, reference_source=lambda: TOY_REFERENCE)


def test_weak_toy_problem_reports_survivors_with_diffs(tmp_path):
    result = mutate_problem(toy_problem(tmp_path), weak_judge, seeds=[0, 1], cap=100)
    assert result.generated == len(result.results)
    assert result.killed > 0  # a - b -> a + b dies
    survivors = {s.mutant.change for s in result.survivors}
    assert "d > limit -> d >= limit" in survivors  # never at the boundary
    assert result.score < 1.0
    doc = result.to_json()
    assert doc["survived"] == len(result.survivors) == doc["unexplained"]
    assert all(s["diff"].startswith("--- reference.py") for s in doc["survivors"])
    killed_changes = {r.mutant.change for r in result.results if r.killed}
    assert "a - b -> a + b" in killed_changes


def test_equivalent_list_explains_survivors_and_lifts_the_score(tmp_path):
    first = mutate_problem(toy_problem(tmp_path), weak_judge, seeds=[0], cap=100)
    boundary = next(s for s in first.survivors if s.mutant.change == "d > limit -> d >= limit")
    text = f'[[equivalent]]\nid = "{boundary.mutant.id}"\nchange = "d > limit -> d >= limit"\n' \
           'reason = "at d == limit both branches return the same number"\n'
    second = mutate_problem(toy_problem(tmp_path, text), weak_judge, seeds=[0], cap=100)
    assert [r.mutant.id for r in second.explained] == [boundary.mutant.id]
    assert len(second.unexplained) == len(first.unexplained) - 1
    assert second.score > first.score
    killed, killable, score = bank_score([second])
    assert killable == len(second.results) - 1 and killed == second.killed
    table = markdown_table([second])
    assert "| toy |" in table and "**bank**" in table


def test_judge_error_is_retried_and_never_counts_as_a_kill(tmp_path):
    calls = []

    def flaky(code, seed):
        calls.append(seed)
        return SimpleNamespace(verdict="judge_error")

    result = mutate_problem(toy_problem(tmp_path), flaky, seeds=[0, 1], cap=1)
    assert result.killed == 0 and result.results[0].verdict == "judge_error"
    assert calls == [0, 0]  # retried once on the same seed, then reported, not counted


@pytest.mark.parametrize("text, needle", [
    ('[[equivalent]]\nid = "abc"\n', "non-empty 'reason'"),
    ('[[equivalent]]\nid = 3\nreason = "x"\n', "string 'id'"),
    ('surprise = 1\n', "unknown key"),
    ('[[equivalent]\n', "equivalent_mutants.toml"),
])
def test_malformed_equivalent_file_is_a_clear_error(tmp_path, text, needle):
    (tmp_path / "equivalent_mutants.toml").write_text(text)
    with pytest.raises(EquivalentError, match=needle.replace("'", ".")):
        load_equivalent(tmp_path)


def test_bank_equivalent_files_name_real_mutants():
    """Every listed id is a mutant of the current reference with a reason: a reference edited under
    the list makes its stale ids show up here."""
    from mianjing.problems.bank import all_problems

    for problem in all_problems():
        listed = load_equivalent(problem.path)
        if not listed:
            continue
        ids = {m.id for m in all_mutants(problem.reference_source())}
        stale = set(listed) - ids
        assert not stale, f"{problem.id}: equivalent_mutants.toml lists ids that are no mutants: {sorted(stale)}"


def test_mutant_diff_names_both_files():
    m = Mutant("constant", 1, "1 -> 2", "x = 2\n")
    assert m.diff("x = 1\n").splitlines()[:2] == ["--- reference.py", "+++ mutant.py"]


def test_symmetric_calls_are_not_swapped():
    src = "import torch\n\ndef f(a, b):\n    return torch.maximum(a, b).transpose(1, 2) + torch.clamp(a, 0.0, 1.0)\n"
    changes = [m.change for m in all_mutants(src) if m.kind == "swap-args"]
    assert changes and all("clamp" in c for c in changes)  # maximum and transpose are symmetric


def test_gradient_mutants_only_where_the_judge_checks_a_gradient(tmp_path):
    seen = []

    def judge(code, seed):
        seen.append(code)
        return SimpleNamespace(verdict="wrong_answer")

    (tmp_path / "reference.py").write_text(SAMPLE)
    forward_only = SimpleNamespace(id="fwd", path=tmp_path, reference_source=lambda: SAMPLE,
                                   harness=SimpleNamespace(mode="function", grad=[], no_grad=[], param_grad=False))
    result = mutate_problem(forward_only, judge, seeds=[0], cap=1000)
    kinds = {r.mutant.kind for r in result.results}
    assert not kinds & {"detach-removed", "detach-added", "no-grad-removed", "no-grad-added"}
    with_grad = SimpleNamespace(id="bwd", path=tmp_path, reference_source=lambda: SAMPLE,
                                harness=SimpleNamespace(mode="function", grad=["q"], no_grad=[], param_grad=False))
    kinds = {r.mutant.kind for r in mutate_problem(with_grad, judge, seeds=[0], cap=1000).results}
    assert {"detach-removed", "detach-added", "no-grad-removed", "no-grad-added"} <= kinds


def test_cli_judges_mutants_of_a_real_problem(tmp_path):
    """Through the sandboxed judge: swiglu's mutants are all killed, the JSON says so, exit 0."""
    import json
    import os
    import subprocess
    import sys

    env = dict(os.environ, MIANJING_HOME=str(tmp_path))
    proc = subprocess.run([sys.executable, "-m", "mianjing.cli.app", "selfcheck", "--mutants", "--problem", "swiglu",
                           "--cap", "4", "--json"], capture_output=True, text=True, env=env, timeout=600)
    doc = json.loads(proc.stdout)
    (problem,) = doc["problems"]
    assert problem["problem"] == "swiglu" and problem["judged"] == 4
    assert problem["killed"] + problem["survived"] == 4
    assert proc.returncode == (0 if problem["unexplained"] == 0 else 1)
    assert doc["killable"] == 4 - problem["equivalent"]


def test_cli_rejects_an_unknown_kind(tmp_path):
    import os
    import subprocess
    import sys

    env = dict(os.environ, MIANJING_HOME=str(tmp_path))
    proc = subprocess.run([sys.executable, "-m", "mianjing.cli.app", "selfcheck", "--mutants", "--kind", "nope"],
                          capture_output=True, text=True, env=env, timeout=600)
    assert proc.returncode == 2 and "--kind must be 'model' or 'algo'" in proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr
