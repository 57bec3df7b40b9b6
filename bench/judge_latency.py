"""How long a verdict takes: the warm judge service against the alternatives.

One run prints, for each problem (default: `mha` and `longest-substring-no-repeat`, every case of
one fixed seed, the problem's reference solution as the submission):

- warm service: request -> verdict through the per-user service (`judge_via_service`), after
  warm-up calls, so the zygote is up and the cases are prepared; each timed call comes --gap-ms
  (100) after the last, as a person's next submission does, so the spare worker the service forks
  after each answer is ready (`--gap-ms 0` times back-to-back calls, where that fork competes);
- in-process: the same cases graded unisolated in this process (`judge_code` with
  `InProcessSession` on a prepared problem), which is what notebook checkers do;
- cold process: a fresh `python -c` per submission that imports what it needs, prepares the cases
  and grades in-process (what every submission would pay without a warm service);
- the command line: wall time of `mianjing judge ID FILE` with the service warm (and with
  `--json`, which skips the rich table), next to the interpreter's own start-up floor.

Then it checks the targets and says whether they hold: warm service median <= 1.5 x in-process
median + 5 ms; `mianjing judge` median < 250 ms wall, its client cost over the warm service and
`python -c pass` <= 40 ms with --json and <= 60 ms with the table; `mianjing --help` and
`mianjing list` under 120 ms.

With `--all` it times only the warm service and the in-process grader, on every problem of the
bank, and prints one table of ratios, the worst first (the cold process and the command line do
not depend on the problem).

Everything runs under a temporary MIANJING_HOME, and the service is stopped at the end. mianjing's
bytecode is compiled first, as `pip install` does (--no-compile to skip).
This is a benchmark, not a test: it asserts verdicts (a fast wrong answer measures nothing),
never timings.

    .venv/bin/python bench/judge_latency.py              # about a minute on 2 cores
    .venv/bin/python bench/judge_latency.py --repeat 50 --cold 5
    .venv/bin/python bench/judge_latency.py --all --repeat 7   # every problem; 10-20 min on 2 cores
"""

from __future__ import annotations

import argparse
import json
import math
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable

DEFAULT_PROBLEMS = ("mha", "longest-substring-no-repeat")
ISOLATED_FACTOR, ISOLATED_SLACK_MS = 1.5, 5.0  # target: warm <= 1.5 x in-process + 5 ms
CLI_TARGET_MS = 250.0
JSON_CLIENT_MS, TABLE_CLIENT_MS = 40.0, 60.0  # `judge --json` / table: client cost over service + `python -c pass`
START_TARGET_MS = 120.0  # `mianjing --help` and `mianjing list`

# What a cold process runs: import, prepare the cases (no cache survives a process), judge in-process.
# It prints one JSON line with its own split; the benchmark times the whole process from outside.
COLD_SNIPPET = r"""
import json, sys, time
t0 = time.perf_counter()
import torch
torch.set_num_threads(1)
from mianjing.problems.bank import get_problem
from mianjing.judge.controller import judge_code, prepare
from mianjing.judge.inprocess import InProcessSession
t1 = time.perf_counter()
problem = get_problem(sys.argv[1])
code = open(sys.argv[2], encoding="utf-8").read()
prep = prepare(problem, int(sys.argv[3]))
t2 = time.perf_counter()
report = judge_code(problem, code, prep, InProcessSession)
t3 = time.perf_counter()
print(json.dumps({"verdict": report.verdict, "import_ms": (t1 - t0) * 1000,
                  "prepare_ms": (t2 - t1) * 1000, "judge_ms": (t3 - t2) * 1000}))
"""


# ---------------------------------------------------------------- small helpers

def percentile(xs: list[float], q: float) -> float:
    """Linear interpolation between closest ranks (numpy's default), q in [0, 100]."""
    s = sorted(xs)
    if not s:
        return math.nan
    pos = (len(s) - 1) * q / 100
    lo, hi = math.floor(pos), math.ceil(pos)
    return s[lo] + (s[hi] - s[lo]) * (pos - lo)


def med(xs: list[float]) -> float:
    return statistics.median(xs) if xs else math.nan


def fmt(ms: float) -> str:
    if math.isnan(ms):
        return "n/a"
    return f"{ms:.0f}" if ms >= 100 else f"{ms:.1f}"


def timed(fn: Callable[[], object]) -> tuple[float, object]:
    t0 = time.perf_counter()
    out = fn()
    return (time.perf_counter() - t0) * 1000, out


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.lower().startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def cli_command() -> list[str]:
    """The installed console script next to this interpreter, else the module."""
    script = Path(sys.executable).parent / "mianjing"
    if script.is_file() and os.access(script, os.X_OK):
        return [str(script)]
    return [sys.executable, "-m", "mianjing.cli.app"]


def children_cpu_ms() -> float:
    ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (ru.ru_utime + ru.ru_stime) * 1000


def run_process(argv: list[str], env: dict[str, str], expect_rc: int = 0,
                timeout: float = 300, cpu: list[float] | None = None) -> tuple[float, str]:
    """Wall ms and stdout; the process's own CPU time (user + sys) is appended to `cpu`. CPU time
    hardly moves with the machine's load, wall time does: both are reported."""
    c0 = children_cpu_ms()
    t0 = time.perf_counter()
    proc = subprocess.run(argv, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=timeout)
    ms = (time.perf_counter() - t0) * 1000
    if cpu is not None:
        cpu.append(children_cpu_ms() - c0)
    if proc.returncode != expect_rc:
        raise SystemExit(f"benchmark aborted: {' '.join(argv[:4])} ... exited {proc.returncode}, expected {expect_rc}\n"
                         f"{proc.stdout[-2000:]}\n{proc.stderr[-2000:]}")
    return ms, proc.stdout


def freeze_heap() -> None:
    """Keep this process's own heap (torch, the problem bank) out of the cyclic collector, as the
    judge's zygote does for its workers: otherwise a full collection of the benchmark's objects
    lands in a random timed call of either column and measures the benchmark, not the judge."""
    import gc

    gc.collect()
    gc.freeze()


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


# ---------------------------------------------------------------- the measurements

class Row:
    def __init__(self, problem: str, n_cases: int):
        self.problem, self.n_cases = problem, n_cases
        self.warm: list[float] = []  # request -> verdict through the service
        self.warm_server: list[float] = []  # the report's own time_ms: judge_code inside the service
        self.inproc: list[float] = []
        self.cold: list[float] = []
        self.cold_split: list[dict[str, float]] = []
        self.cli: list[float] = []
        self.cli_json: list[float] = []
        self.cli_cpu: list[float] = []  # CPU time of the `mianjing judge` process itself (table form)
        self.cli_json_cpu: list[float] = []


def check_report(what: str, problem: str, verdict: str) -> None:
    if verdict != "accepted":
        raise SystemExit(f"benchmark aborted: {what} judged the reference of {problem} as {verdict}, not accepted")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--repeat", type=int, default=20, help="timed calls per problem, warm service and in-process (default 20)")
    ap.add_argument("--warmup", type=int, default=3, help="untimed calls per problem before timing (default 3)")
    ap.add_argument("--cold", type=int, default=3, help="cold processes per problem (each ~1-3 s; default 3)")
    ap.add_argument("--cli", type=int, default=5, help="`mianjing judge` runs per problem and variant (default 5)")
    ap.add_argument("--seed", type=int, default=1234, help="seed of the cases (default 1234)")
    ap.add_argument("--problem", action="append", dest="problems", metavar="ID",
                    help=f"problem to time (repeatable; default: {', '.join(DEFAULT_PROBLEMS)})")
    ap.add_argument("--json", metavar="PATH", help="also write every raw timing to PATH as JSON")
    ap.add_argument("--gap-ms", type=float, default=100.0,
                    help="pause before each timed warm-service call, as between two submissions of a person: "
                         "the spare worker forked after the last job is ready (default 100; 0 = back to back)")
    ap.add_argument("--no-compile", action="store_true",
                    help="do not compile mianjing's bytecode first (see the note on PYTHONDONTWRITEBYTECODE)")
    ap.add_argument("--all", action="store_true", help="every problem: warm service against in-process only, worst first")
    args = ap.parse_args(argv)
    if min(args.repeat, args.cli, args.cold) < 1 or args.warmup < 0:
        ap.error("--repeat, --cold and --cli must be at least 1, --warmup at least 0")
    problems = args.problems or list(DEFAULT_PROBLEMS)
    if not args.no_compile:
        # `pip install` compiles a package's bytecode, and Python writes it on first import; where
        # PYTHONDONTWRITEBYTECODE=1 (as on this project's machines) an editable install never gets
        # any, and every command would compile each module it imports, every time
        import compileall

        import mianjing

        compileall.compile_dir(str(Path(mianjing.__file__).parent), quiet=2)
    if args.all:
        from mianjing.problems.bank import load_all

        loaded, broken = load_all()  # a folder being edited does not stop the run: it is named
        for msg in broken:
            log(f"skipped (does not load): {msg}")
        problems = args.problems or [p.id for p in loaded]

    home = tempfile.mkdtemp(prefix="mianjing-bench-")
    os.environ["MIANJING_HOME"] = home
    os.environ.setdefault("MIANJING_SERVICE_IDLE_S", "300")  # a service we leak by accident goes away
    env = dict(os.environ)
    t_run = time.perf_counter()
    try:
        if args.all:
            return run_all(args, problems, home, t_run)
        return run(args, problems, home, env, t_run)
    finally:
        from mianjing.judge import service

        if service.stop():
            for _ in range(100):  # let it unlink its socket before the directory goes
                if service.status() is None:
                    break
                time.sleep(0.05)
        shutil.rmtree(home, ignore_errors=True)


def run(args: argparse.Namespace, problems: list[str], home: str, env: dict[str, str], t_run: float) -> int:
    load0 = os.getloadavg()
    import torch

    torch.set_num_threads(1)  # as the service's controller and workers: one thread

    from mianjing.judge import service
    from mianjing.judge.controller import judge_code, prepare
    from mianjing.judge.inprocess import InProcessSession
    from mianjing.problems.bank import UnknownProblem, get_problem

    rows: list[Row] = []
    sources: dict[str, Path] = {}
    for pid in problems:
        try:
            problem = get_problem(pid)
        except UnknownProblem as exc:
            raise SystemExit(f"benchmark aborted: {exc}") from None
        path = Path(home) / f"{pid}.py"
        path.write_text(problem.reference_source(), encoding="utf-8")
        sources[pid] = path

    freeze_heap()
    # ---- warm service
    log("starting the judge service (imports torch once)...")
    start_ms, _ = timed(service.ensure_running)
    layers = (service.status() or {}).get("isolation", [])
    rtt: list[float] = []  # connect + one framed request and reply, nothing judged: the IPC floor
    for _ in range(args.repeat):
        ms, st = timed(service.status)
        if st is None:
            raise SystemExit("benchmark aborted: the judge service stopped answering")
        rtt.append(ms)
    for pid in problems:
        code = sources[pid].read_text(encoding="utf-8")
        for _ in range(max(1, args.warmup)):  # at least one: the first call prepares the cases
            doc = service.judge_via_service(pid, code, args.seed)
            check_report("the warm service", pid, doc["verdict"])
        layers = doc.get("isolation") or layers
        row = Row(pid, doc["total"])
        log(f"{pid}: {row.n_cases} cases; warm service x{args.repeat}...")
        for _ in range(args.repeat):
            time.sleep(args.gap_ms / 1000)
            ms, doc = timed(lambda: service.judge_via_service(pid, code, args.seed))
            check_report("the warm service", pid, doc["verdict"])
            row.warm.append(ms)
            row.warm_server.append(float(doc["time_ms"]))
        rows.append(row)

    # ---- unisolated, in this process
    for row in rows:
        problem = get_problem(row.problem)
        code = sources[row.problem].read_text(encoding="utf-8")
        prep = prepare(problem, args.seed)
        log(f"{row.problem}: in-process x{args.repeat}...")
        for _ in range(args.warmup):
            judge_code(problem, code, prep, InProcessSession)
        for _ in range(args.repeat):
            ms, rep = timed(lambda: judge_code(problem, code, prep, InProcessSession))
            check_report("the in-process grader", row.problem, rep.verdict)
            row.inproc.append(ms)

    # ---- the command line, service warm (the plain form renders the rich table; --json does not)
    cli = cli_command()
    floor_py: list[float] = []
    floor_help: list[float] = []
    floor_list: list[float] = []
    cpu_py: list[float] = []
    cpu_help: list[float] = []
    cpu_list: list[float] = []
    for row in rows:
        log(f"{row.problem}: `mianjing judge` x{args.cli} (table and --json)...")
        base = cli + ["judge", row.problem, str(sources[row.problem]), "--seed", str(args.seed)]
        run_process(base, env)  # warm the page cache for this exact path
        for _ in range(args.cli):
            row.cli.append(run_process(base, env, cpu=row.cli_cpu)[0])
            row.cli_json.append(run_process(base + ["--json"], env, cpu=row.cli_json_cpu)[0])
    log(f"start-up floor x{args.cli}...")
    for _ in range(args.cli):
        floor_py.append(run_process([sys.executable, "-c", "pass"], env, cpu=cpu_py)[0])
        floor_help.append(run_process(cli + ["--help"], env, cpu=cpu_help)[0])
        floor_list.append(run_process(cli + ["list"], env, cpu=cpu_list)[0])

    # ---- a cold process per submission
    for row in rows:
        log(f"{row.problem}: cold process x{args.cold}...")
        for _ in range(args.cold):
            ms, out = run_process([sys.executable, "-c", COLD_SNIPPET, row.problem, str(sources[row.problem]),
                                   str(args.seed)], env)
            split = json.loads(out.strip().splitlines()[-1])
            check_report("a cold process", row.problem, split["verdict"])
            row.cold.append(ms)
            row.cold_split.append(split)

    load1 = os.getloadavg()
    total_s = time.perf_counter() - t_run
    floors = {"python": (floor_py, cpu_py), "help": (floor_help, cpu_help), "list": (floor_list, cpu_list)}
    report(args, rows, layers, start_ms, rtt, floors, cli, load0, load1, total_s, torch.__version__)
    if args.json:
        Path(args.json).write_text(json.dumps({
            "machine": machine(torch.__version__), "seed": args.seed, "service_start_ms": start_ms, "status_rtt_ms": rtt,
            "python_pass_ms": floor_py, "cli_help_ms": floor_help,
            "python_pass_cpu_ms": cpu_py, "cli_help_cpu_ms": cpu_help,
            "cli_list_ms": floor_list, "cli_list_cpu_ms": cpu_list,
            "rows": [vars(r) for r in rows]}, indent=2), encoding="utf-8")
    return 0


# ---------------------------------------------------------------- every problem

def run_all(args: argparse.Namespace, problems: list[str], home: str, t_run: float) -> int:
    """Warm service against in-process on each problem: the ratio table, worst first."""
    load0 = os.getloadavg()
    import torch

    torch.set_num_threads(1)
    from mianjing.judge import service
    from mianjing.judge.controller import judge_code, prepare
    from mianjing.judge.inprocess import InProcessSession
    from mianjing.problems.bank import get_problem

    log("starting the judge service (imports torch once)...")
    service.ensure_running()
    freeze_heap()
    rows: list[tuple[str, int, float, float, float, str]] = []  # id, cases, in-process, warm, server, note
    for n, pid in enumerate(problems, 1):
        try:
            problem = get_problem(pid)
        except Exception as exc:  # noqa: BLE001 - edited meanwhile: say so, go on
            log(f"skipped {pid}: {exc}")
            continue
        code = problem.reference_source()
        log(f"[{n}/{len(problems)}] {pid}")
        note = ""
        warm: list[float] = []
        server: list[float] = []
        inproc: list[float] = []
        doc = {}
        for _ in range(max(1, args.warmup)):
            doc = service.judge_via_service(pid, code, args.seed)
        prep = prepare(problem, args.seed)
        for _ in range(args.warmup):
            judge_code(problem, code, prep, InProcessSession)
        for _ in range(args.repeat):  # interleaved: a load spike hits both columns alike
            time.sleep(args.gap_ms / 1000)
            ms, doc = timed(lambda: service.judge_via_service(pid, code, args.seed))
            if doc["verdict"] != "accepted":
                note = f"service: {doc['verdict']}"
            warm.append(ms)
            server.append(float(doc["time_ms"]))
            ms, rep = timed(lambda: judge_code(problem, code, prep, InProcessSession))
            if rep.verdict != "accepted":
                note = f"in-process: {rep.verdict}"
            inproc.append(ms)
        rows.append((pid, int(doc.get("total", 0)), med(inproc), med(warm), med(server), note))
    load1 = os.getloadavg()

    def target(inp: float) -> float:
        return ISOLATED_FACTOR * inp + ISOLATED_SLACK_MS

    rows.sort(key=lambda r: r[3] / target(r[2]), reverse=True)
    out = print
    out("## Judge latency, every problem")
    out("")
    m = machine(torch.__version__)
    out(f"Machine: {m['cpu']}, {m['cores']} cores; Python {m['python']}, torch {m['torch']}.  ")
    out(f"Load average {load0[0]:.1f} at the start, {load1[0]:.1f} at the end; the run took "
        f"{time.perf_counter() - t_run:.0f} s. Seed {args.seed}; the reference as the submission; "
        f"{args.repeat} timed calls of each kind per problem, interleaved, after {args.warmup} warm-up calls.")
    out("")
    out(f"Medians in ms. Target: warm service <= {ISOLATED_FACTOR:g} x in-process + {ISOLATED_SLACK_MS:g} ms. "
        "Sorted by warm / target, the worst first.")
    out("")
    out("| problem | cases | in-process | warm service | of which judge_code | warm / in-process | target | holds |")
    out("|---|---:|---:|---:|---:|---:|---:|---|")
    held = 0
    for pid, n_cases, inp, warm_ms, server_ms, note in rows:
        ok = warm_ms <= target(inp) and not note
        held += ok
        out(f"| {pid} | {n_cases} | {fmt(inp)} | {fmt(warm_ms)} | {fmt(server_ms)} | {warm_ms / inp:.2f}x "
            f"| {fmt(target(inp))} | {'yes' if ok else '**no**'}{' (' + note + ')' if note else ''} |")
    out("")
    out(f"The target holds on {held} of {len(rows)} problems on this run"
        + ("" if load0[0] < (os.cpu_count() or 1) else " (the machine was loaded: rerun on a quiet one before concluding)")
        + ".")
    return 0


# ---------------------------------------------------------------- the report

def machine(torch_version: str) -> dict[str, str]:
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:
        usable = os.cpu_count() or 0
    return {"cpu": cpu_model(), "cores": f"{os.cpu_count()} ({usable} usable)",
            "os": f"{platform.system()} {platform.release()}",
            "python": platform.python_version(), "torch": torch_version, "typer": dist_version("typer"),
            "rich": dist_version("rich")}


def dist_version(name: str) -> str:
    from importlib import metadata

    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "not installed"


def report(args: argparse.Namespace, rows: list[Row], layers: list[str], start_ms: float, rtt: list[float],
           floors: dict[str, tuple[list[float], list[float]]], cli: list[str], load0: tuple[float, ...],
           load1: tuple[float, ...], total_s: float, torch_version: str) -> None:
    (floor_py, cpu_py), (floor_help, cpu_help), (floor_list, cpu_list) = floors["python"], floors["help"], floors["list"]
    m = machine(torch_version)
    out = print
    out("## Judge latency")
    out("")
    out(f"Machine: {m['cpu']}, {m['cores']} cores, {m['os']}; Python {m['python']}, torch {m['torch']}, "
        f"typer {m['typer']}, rich {m['rich']}.  ")
    out(f"Load average {load0[0]:.1f} at the start, {load1[0]:.1f} at the end; the run took {total_s:.0f} s.  ")
    out(f"Seed {args.seed}; reference solutions as submissions; {args.repeat} timed calls per row "
        f"({args.warmup} warm-up), {args.cold} cold processes, {args.cli} command-line runs per variant.  ")
    out(f"Service start (zygote imports torch): {fmt(start_ms)} ms. Isolation layers: "
        + ("; ".join(layer.split(" (")[0] for layer in layers) if layers else "unknown") + ".")
    out("")
    out("All times in ms, median / p90. Request -> verdict covers every case of the problem.")
    out("")
    out("| problem | cases | in-process (unisolated) | warm service | of which judge_code in service | "
        "warm / in-process | cold process | cold / warm | `mianjing judge` (table) | `mianjing judge --json` |")
    out("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        def mp(xs: list[float]) -> str:
            return f"{fmt(med(xs))} / {fmt(percentile(xs, 90))}"

        out(f"| {r.problem} | {r.n_cases} | {mp(r.inproc)} | {mp(r.warm)} | {mp(r.warm_server)} "
            f"| {med(r.warm) / med(r.inproc):.1f}x | {mp(r.cold)} | {med(r.cold) / med(r.warm):.0f}x "
            f"| {mp(r.cli)} | {mp(r.cli_json)} |")
    out("")
    name = Path(cli[0]).name + (" " + " ".join(cli[1:]) if len(cli) > 1 else "")
    out(f"Start-up floor: `python -c pass` {fmt(med(floor_py))} ms, `{name} --help` {fmt(med(floor_help))} ms, "
        f"`{name} list` {fmt(med(floor_list))} ms; a service round trip that judges nothing (`status`) {fmt(med(rtt))} ms "
        f"(medians).  ")
    for r in rows:
        if r.cold_split:
            out(f"Cold process, {r.problem} (medians inside the process): imports "
                f"{fmt(med([s['import_ms'] for s in r.cold_split]))} ms, prepare cases + reference "
                f"{fmt(med([s['prepare_ms'] for s in r.cold_split]))} ms, judge "
                f"{fmt(med([s['judge_ms'] for s in r.cold_split]))} ms.  ")
    for r in rows:
        out(f"Command line over the warm service, {r.problem}: {fmt(med(r.cli) - med(r.warm))} ms with the table, "
            f"{fmt(med(r.cli_json) - med(r.warm))} ms with --json (differences of medians).  ")
    out(f"CPU time of the client process alone (user + sys, medians; much less sensitive to load than wall time): `python -c pass` "
        f"{fmt(med(cpu_py))} ms, `--help` {fmt(med(cpu_help))} ms, `list` {fmt(med(cpu_list))} ms, "
        + ", ".join(f"`judge {r.problem}` {fmt(med(r.cli_cpu))} ms (--json {fmt(med(r.cli_json_cpu))} ms)" for r in rows)
        + ".  ")
    out("")
    out("Targets:")
    out("")
    ok_all = True
    for r in rows:
        limit = ISOLATED_FACTOR * med(r.inproc) + ISOLATED_SLACK_MS
        ok = med(r.warm) <= limit
        ok_all &= ok
        out(f"- {r.problem}: warm service {fmt(med(r.warm))} ms <= {ISOLATED_FACTOR:g} x {fmt(med(r.inproc))} + "
            f"{ISOLATED_SLACK_MS:g} = {fmt(limit)} ms: **{'holds' if ok else 'MISSED'}**")
    for r in rows:
        ok = med(r.cli) < CLI_TARGET_MS
        ok_all &= ok
        out(f"- {r.problem}: `mianjing judge` with a warm service {fmt(med(r.cli))} ms < {CLI_TARGET_MS:g} ms: "
            f"**{'holds' if ok else 'MISSED'}**")
    py = med(floor_py)
    for r in rows:  # the client's own cost: wall time over the service's, over the interpreter's start
        for label, xs, slack in (("--json", r.cli_json, JSON_CLIENT_MS), ("table", r.cli, TABLE_CLIENT_MS)):
            over = med(xs) - med(r.warm) - py
            ok = over <= slack
            ok_all &= ok
            out(f"- {r.problem}: `mianjing judge` ({label}) costs {fmt(over)} ms over the warm service and "
                f"`python -c pass` <= {slack:g} ms: **{'holds' if ok else 'MISSED'}**")
    for label, xs in (("--help", floor_help), ("list", floor_list)):
        ok = med(xs) < START_TARGET_MS
        ok_all &= ok
        out(f"- `mianjing {label}` {fmt(med(xs))} ms < {START_TARGET_MS:g} ms: **{'holds' if ok else 'MISSED'}**")
    out("")
    out(f"{'All targets hold' if ok_all else 'Not all targets hold'} on this run"
        + ("" if load0[0] < (os.cpu_count() or 1) else " (the machine was loaded: rerun on a quiet one before concluding)")
        + ".")


if __name__ == "__main__":
    sys.exit(main())
