"""`mianjing selfcheck --mutants`: mutation testing of the references (see problems/mutate.py).

Reached from selfcheck_cmd in judging.py; kept here so the selfcheck command stays small."""

from __future__ import annotations

from typing import Optional

import typer

from .common import console, fail, print_json


def run_mutants(problem: Optional[str], seeds: int, cap: int, kind: Optional[str], as_json: bool,
                markdown: Optional[str]) -> None:
    from ..judge.local import LocalJudge  # first: the zygote starts before problem code is loaded
    from ..problems.bank import UnknownProblem, all_problems, get_problem
    from ..problems.mutate import EquivalentError, bank_score, markdown_table, mutate_problem

    if kind not in (None, "model", "algo"):
        fail(f"--kind must be 'model' or 'algo', not {kind!r}")
    judge = LocalJudge()
    results = []
    try:
        try:
            problems = [get_problem(problem)] if problem else list(all_problems())
        except UnknownProblem as exc:
            fail(str(exc))
        if kind:
            problems = [p for p in problems if p.kind == kind]
        problems.sort(key=lambda p: (p.kind != "model", p.id))  # model problems first: they matter most
        for p in problems:
            try:
                r = mutate_problem(p, lambda code, s, pid=p.id: judge.judge(pid, code, s), list(range(seeds)), cap)
            except EquivalentError as exc:
                fail(str(exc))
            results.append(r)
            if not as_json:
                mark = "[green]ok[/]" if not r.unexplained else "[red]SURVIVORS[/]"
                console.print(f"{mark} {p.id}: {len(r.results)}/{r.generated} mutants judged, {r.killed} killed, "
                              f"{len(r.survivors)} survived ({len(r.explained)} listed as equivalent)",
                              highlight=False)
                for s in r.unexplained:
                    console.print(f"  survivor {s.mutant.id} [{s.mutant.kind}] line {s.mutant.line}: "
                                  f"{s.mutant.change}", highlight=False, markup=False)
                    console.print(s.mutant.diff(r.reference), highlight=False, markup=False)
    finally:
        judge.close()
    killed, killable, score = bank_score(results)
    if markdown:
        with open(markdown, "w", encoding="utf-8") as fh:
            fh.write(markdown_table(results))
    if as_json:
        print_json({"killed": killed, "killable": killable, "score": round(score, 4),
                    "problems": [r.to_json() for r in results]})
    else:
        console.print(f"mutation score {score:.1%}: {killed} of {killable} non-equivalent mutants killed",
                      highlight=False)
    raise typer.Exit(0 if all(not r.unexplained for r in results) else 1)
