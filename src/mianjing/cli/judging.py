"""`mianjing judge|selfcheck|doctor|service`: grading code. Only --no-service and selfcheck load torch
(in this process, as the controller); a plain `judge` talks to the warm service."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any, Optional

import typer

from .common import console, fail, print_json
from .report import render_report


def judge_cmd(
    problem_id: str = typer.Argument(..., metavar="ID"),
    file: Path = typer.Argument(..., metavar="FILE", help="your solution (.py)"),
    as_json: bool = typer.Option(False, "--json", help="print one JSON document"),
    no_service: bool = typer.Option(False, "--no-service", help="judge in this process instead of the warm service"),
    seed: Optional[int] = typer.Option(None, "--seed", min=0, max=2**63 - 1,
                                       help="seed of the random cases, 0 to 2**63-1 (default: a fresh one, reported)"),
) -> None:
    """Grade FILE against problem ID. Exit 0 if accepted, 1 if not, 2 for usage errors.

    Example: mianjing judge mha mha.py
    """
    from ..problems.bank import UnknownProblem, get_problem

    try:
        problem_id = get_problem(problem_id).id  # `lc76` and friends resolve to the id
    except UnknownProblem as exc:
        fail(str(exc))
    from rich.markup import escape

    from .source import SourceError, read_source

    try:
        code = read_source(file)  # as Python reads it (BOM, coding line); never blocks on a FIFO
    except SourceError as exc:
        hint = f" (write one with `mianjing start {problem_id}`)" if not file.exists() else ""
        fail(escape(f"{exc}{hint}"))
    try:
        if no_service:
            from ..judge.local import LocalJudge
            from ..judge.service import record

            judge = LocalJudge(spare=False)
            try:
                doc = judge.judge(problem_id, code, seed).to_json()
            finally:
                judge.close()
            warning = record(doc, code)
            if warning:
                doc["warning"] = warning
        else:
            from ..judge.service import ServiceError, judge_via_service

            try:
                doc = judge_via_service(problem_id, code, seed)
            except LookupError as exc:
                fail(escape(str(exc)))
            except (ServiceError, OSError) as exc:
                fail(escape(f"the judge service failed: {exc}. Try again, or use --no-service."), 1)
    except KeyboardInterrupt:
        fail("cancelled: the judge stopped this submission (nothing was saved)", 130)
    from ..problems.guides import attach_next

    attach_next(doc)
    if as_json:
        print_json(doc)
    else:
        render_report(doc, console)
    raise typer.Exit(0 if doc["verdict"] == "accepted" else 1)


def selfcheck_cmd(
    problem: Optional[str] = typer.Option(None, "--problem", help="only this problem"),
    seeds: Optional[int] = typer.Option(None, "--seeds", min=1,
                                        help="seeds per reference solution (default 5; with --mutants 2)"),
    as_json: bool = typer.Option(False, "--json", help="print one JSON document"),
    mutants: bool = typer.Option(False, "--mutants", help="mutation testing: judge mutants of each reference"),
    cap: int = typer.Option(30, "--cap", min=1, help="with --mutants: at most this many mutants per problem"),
    kind: Optional[str] = typer.Option(None, "--kind", help="with --mutants: only 'model' or 'algo' problems"),
    markdown: Optional[str] = typer.Option(None, "--markdown", help="with --mutants: write the table to this file"),
    jobs: int = typer.Option(1, "--jobs", min=1, max=16, help="check problems in this many processes at once"),
    shard: Optional[str] = typer.Option(None, "--shard", help="only problems I of every J, written I/J (used by --jobs)"),
) -> None:
    """Check the bank: references accepted, known-wrong solutions rejected (--mutants: mutants too).

    Judges every reference over N seeds (each must be accepted) and every known-wrong solution (each
    must get the verdict it names). Exit 0 only if all hold. With --mutants: judge up to --cap mutants
    of each reference and report the survivors (exit 0 only if each is listed as equivalent).

    Example: mianjing selfcheck --problem mha --seeds 20
    """
    if mutants:
        from .mutants import run_mutants

        run_mutants(problem, seeds or 2, cap, kind, as_json, markdown)
    seeds = seeds or 5
    if jobs > 1 and not problem:
        _selfcheck_in_parallel(jobs, seeds, as_json)
    from ..judge.local import LocalJudge  # before any problem code is loaded: the zygote starts first
    from ..problems.bank import UnknownProblem, all_problems, get_problem
    from ..problems.selfcheck import SelfcheckResult, selfcheck_problem

    judge = LocalJudge()
    try:
        try:
            problems = [get_problem(problem)] if problem else list(all_problems())
        except UnknownProblem as exc:
            fail(str(exc))
        if shard:
            problems = _shard(problems, shard)
        result = SelfcheckResult()
        for p in problems:
            outcomes = selfcheck_problem(p, list(range(seeds)), lambda pr, code, s: judge.judge(pr.id, code, s))
            result.outcomes += outcomes
            if not as_json:
                bad = [o for o in outcomes if not o.ok]
                mark = "[green]ok[/]" if not bad else "[red]FAIL[/]"
                console.print(f"{mark} {p.id}: reference x{seeds}, {len(p.wrong)} wrong solutions", highlight=False)
                for o in bad:
                    console.print(f"    {o.solution} seed {o.seed}: got {o.got}, expected {o.expected}. {o.message[:300]}",
                                  highlight=False, markup=False)
    finally:
        judge.close()
    if as_json:
        print_json(result.to_json())
    else:
        n_bad = sum(1 for o in result.outcomes if not o.ok)
        console.print(f"{len(result.outcomes) - n_bad}/{len(result.outcomes)} self-checks hold")
    raise typer.Exit(0 if result.ok else 1)


def _shard(problems: list, spec: str) -> list:
    """Problems I, I+J, I+2J, ... of the list, for `--shard I/J`."""
    try:
        i, j = (int(x) for x in spec.split("/"))
        if not 0 <= i < j:
            raise ValueError
    except ValueError:
        fail(f"--shard must be I/J with 0 <= I < J, not {spec!r}")
    return problems[i::j]


def _selfcheck_in_parallel(jobs: int, seeds: int, as_json: bool) -> None:
    """Run `selfcheck --shard i/jobs` in `jobs` processes (each with its own judge and workers) and
    merge their reports: the bank's checks are independent, so this divides the wall time."""
    import json
    import subprocess

    from rich.markup import escape

    from .common import err_console

    procs = [
        subprocess.Popen([sys.executable, "-m", "mianjing.cli.app", "selfcheck", "--seeds", str(seeds), "--json",
                          "--shard", f"{i}/{jobs}"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        for i in range(jobs)
    ]
    outcomes: list[dict] = []
    errors = []
    for i, proc in enumerate(procs):
        out, err = proc.communicate()
        try:
            outcomes += json.loads(out)["outcomes"]
        except (ValueError, KeyError):
            errors.append(f"shard {i}/{jobs} failed (exit {proc.returncode}): {err.strip()[-500:]}")
    ok = not errors and all(o["ok"] for o in outcomes)
    if as_json:
        print_json({"ok": ok, "checked": len(outcomes), "errors": errors,
                    "failures": [o for o in outcomes if not o["ok"]], "outcomes": outcomes})
    else:
        for e in errors:
            err_console.print(f"[red]error:[/] {escape(e)}", highlight=False)
        for o in outcomes:
            if not o["ok"]:
                console.print(f"FAIL {o['problem']}: {o['solution']} seed {o['seed']}: got {o['got']}, "
                              f"expected {o['expected']}. {o['message'][:300]}", highlight=False, markup=False)
        n_bad = sum(1 for o in outcomes if not o["ok"])
        console.print(f"{len(outcomes) - n_bad}/{len(outcomes)} self-checks hold ({jobs} processes)")
    raise typer.Exit(0 if ok else 1)


def doctor_cmd(as_json: bool = typer.Option(False, "--json", help="print one JSON document")) -> None:
    """Versions, the isolation layers active on this machine, and the judge service's state."""
    import platform
    from importlib import metadata

    from ..judge import service
    from ..paths import db_path, home

    def version(pkg: str) -> str:
        try:
            return metadata.version(pkg)
        except metadata.PackageNotFoundError:
            return "not installed"

    doc: dict[str, Any] = {
        "python": sys.version.split()[0], "platform": platform.platform(),
        "torch": version("torch"), "numpy": version("numpy"), "fsrs": version("fsrs"),
        "pyseccomp": version("pyseccomp"), "home": str(home()), "database": str(db_path()),
    }
    st = service.status()
    doc["service"] = st or {"running": False}
    if st and st.get("isolation"):
        doc["isolation"] = st["isolation"]
    else:
        try:
            # judge one known-good submission: the report lists every layer, the job's included
            from ..judge.local import LocalJudge
            from ..problems.bank import get_problem

            judge = LocalJudge(spare=False)
            try:
                rep = judge.judge("sqrt-int", get_problem("sqrt-int").reference_source(), seed=0)
                doc["isolation"] = rep.isolation
                doc["selftest"] = rep.verdict
            finally:
                judge.close()
        except Exception as exc:  # noqa: BLE001
            doc["isolation"] = [f"the judge could not start a worker: {exc}"]
    try:
        from ..store.db import connect, integrity

        conn = connect()
        try:
            doc["database_check"] = integrity(conn)
        finally:
            conn.close()
    except Exception as exc:  # noqa: BLE001
        doc["database_check"] = str(exc)
    if as_json:
        print_json(doc)
        return
    for k in ("python", "platform", "torch", "numpy", "fsrs", "pyseccomp", "home", "database", "database_check"):
        console.print(f"[bold]{k}[/]: {doc[k]}", highlight=False)
    from rich.markup import escape

    console.print("[bold]isolation layers[/]:")
    for layer in doc["isolation"]:
        colour = "green" if ": on" in layer else "yellow"
        console.print(f"  [{colour}]{escape(layer)}[/]", highlight=False, markup=True)  # "[verified ...]" is text
    s = doc["service"]
    console.print("[bold]service[/]: " + (f"running (pid {s['pid']}, up {s['uptime_s']} s, {s['served']} judged)"
                                           if s.get("pid") else "not running (starts on the next `mianjing judge`)"))


service_app = typer.Typer(help="The per-user judge service that keeps a warm worker ready.", no_args_is_help=True)


@service_app.command("status")
def service_status(as_json: bool = typer.Option(False, "--json", help="print one JSON document")) -> None:
    """Is the judge service running, and since when."""
    from ..judge import service

    st = service.status()
    if as_json:
        print_json(st or {"running": False})
        return
    if st is None:
        console.print("not running (it starts on the next `mianjing judge`)")
    else:
        busy = f", {st['running']} job(s) running, {st['waiting']} waiting" if "running" in st else ""
        console.print(f"running: pid {st['pid']}, up {st['uptime_s']} s, {st['served']} judged{busy}, "
                      f"exits after {st['idle_exit_s']:.0f} s idle, socket {st['socket']}", markup=False)


@service_app.command("stop")
def service_stop() -> None:
    """Stop the judge service (it also stops by itself when idle)."""
    from ..judge import service

    console.print("stopped" if service.stop() else "not running")


def register(app: typer.Typer) -> None:
    app.command("judge")(judge_cmd)
    app.command("selfcheck")(selfcheck_cmd)
    app.command("doctor")(doctor_cmd)
    app.add_typer(service_app, name="service")
