"""The trusted side of the judge: load a problem, build its cases, run the reference, send the
submission's cases to a worker, compare what comes back, and say what happened.

The controller never executes submitted code. It holds the references and the expected outputs,
which never leave this process; the worker only ever sees the inputs.
"""

from __future__ import annotations

import importlib.util
import math
import re
import sys
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from types import ModuleType
from typing import Any, Callable, Protocol

import numpy as np

from ..checkers import CheckResult
from ..checkers.allclose import check_array
from ..checkers.complexity import describe_exponent, growth_exponent
from ..checkers.exact import check_exact
from ..checkers.grad import check_grad, check_nograd
from ..problems.case import Case
from ..problems.spec import Problem
from . import harness, policy, wire
from .sanitize import HIDDEN_CAP, MESSAGE_CAP, STDOUT_CAP, clean_text, hidden_error, mask_known
from .verdict import (
    ACCEPTED,
    FORBIDDEN,
    INVALID_SUBMISSION,
    JUDGE_ERROR,
    RUNTIME_ERROR,
    SKIPPED,
    TIME_LIMIT_EXCEEDED,
    WRONG_ANSWER,
    CaseResult,
    Report,
    overall,
)

# ---------------------------------------------------------------- loading trusted problem code

def _load_module(path: Any, name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec and spec.loader
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    spec.loader.exec_module(mod)
    return mod


def cases_module(problem: Problem) -> ModuleType:
    return _load_module(problem.path / "cases.py", f"mianjing_bank_cases_{problem.id.replace('-', '_')}")


def reference_entry(problem: Problem, custom: dict[str, Any] | None) -> Any:
    ns: dict[str, Any] = {"__name__": f"mianjing_reference_{problem.id.replace('-', '_')}"}
    if custom and "setup" in custom:
        custom["setup"](ns)
    exec(compile(problem.reference_source(), str(problem.path / "reference.py"), "exec"), ns)
    if problem.entry not in ns:
        raise RuntimeError(f"{problem.id}: reference.py does not define {problem.entry}")
    return ns[problem.entry]


@dataclass
class Prepared:
    problem: Problem
    seed: int
    cases: list[Case]
    expected: list[dict[str, Any]]
    ref_ms: list[float]  # the reference's CPU time per case (the minimum of repeats for small sized cases)
    custom_check: Callable[..., Any] | None
    custom_harness_src: str | None
    messages: list[bytes] = field(default_factory=list)  # each case encoded once for the wire, reused per job


CASES_TIMEOUT_S = 60.0  # a problem's cases() that runs longer is broken: judge_error, never a hang
TIMING_REPEATS = 3  # small sized cases are run this often and the fastest run counts ...
SMALL_SIZE_FRACTION = 0.25  # ... "small": at most this fraction of the problem's largest size
REFERENCE_REPEAT_BELOW_MS = 20.0  # the reference's sized cases are timed as the fastest of 3 below this


def timing_runs(problem: Problem, cases: list[Case], i: int) -> int:
    """How many times case `i` runs: the small sizes of a complexity series TIMING_REPEATS times (the
    fastest counts: a short run is the noisiest), every other case once. Decided by size, never by a
    measured time, so that every judgement of a problem does the same work (a threshold on time
    made the reference's and the submission's plans differ from run to run). Sublinear problems
    (expected exponent 0: binary searches over lazy inputs of up to 10^9 values) have nothing to
    fit precisely and run each size once; a linear scan fails them on the time limit."""
    if problem.complexity is not None and problem.complexity.exponent <= 0:
        return 1
    size = cases[i].size
    if size is None:
        return 1
    largest = max(c.size for c in cases if c.size is not None)
    return TIMING_REPEATS if size <= SMALL_SIZE_FRACTION * largest else 1
QUEUE_RUNS = 32  # untimed cases in flight to a worker at most ...
QUEUE_BYTES = 64 * 1024  # ... and bytes (a Unix socket buffers about 200 KB: a send never blocks)


class CaseGenerationError(RuntimeError):
    """The problem's own cases.py failed or did not finish: a fault of the bank, never the user's."""


def _run_bounded(fn: Callable[[], Any], timeout_s: float, what: str) -> Any:
    """fn() in a helper thread; past `timeout_s` an exception is raised inside it (which stops a
    Python loop at its next bytecode) and CaseGenerationError here."""
    box: dict[str, Any] = {}

    def target() -> None:
        try:
            box["value"] = fn()
        except BaseException as exc:  # noqa: BLE001 - handed to the caller
            box["error"] = exc

    thread = threading.Thread(target=target, name="mianjing-cases", daemon=True)
    thread.start()
    thread.join(timeout_s)
    if thread.is_alive():
        import ctypes

        ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(thread.ident), ctypes.py_object(SystemExit))
        thread.join(5.0)
        raise CaseGenerationError(f"{what} did not finish within {timeout_s:.0f} s (an endless loop in the problem's code?)")
    if "error" in box:
        exc = box["error"]
        raise CaseGenerationError(f"{what} failed: {type(exc).__name__}: {exc}") from exc
    return box["value"]


def build_cases(problem: Problem, seed: int) -> tuple[list[Case], Callable[..., Any] | None]:
    def generate() -> tuple[list[Case], Any]:
        mod = cases_module(problem)
        return list(mod.cases(np.random.default_rng(seed))), getattr(mod, "check", None)

    cases, check = _run_bounded(generate, CASES_TIMEOUT_S, f"{problem.id}: cases.py")
    names = [c.name for c in cases]
    if len(set(names)) != len(names):
        raise RuntimeError(f"{problem.id}: duplicate case names")
    return cases, check


def prepare(problem: Problem, seed: int) -> Prepared:
    """Cases for this seed and the reference's outputs on them (float64 for model problems).

    The reference is timed in CPU time (this thread's), over what the worker's CPU clock covers for
    the submission: decoding the case from the wire, running it, encoding the outputs. Load on the
    machine then changes neither side's time much, and the judge's own encoding costs the same on
    both sides."""
    cases, custom_check = build_cases(problem, seed)
    src = problem.harness_source()
    custom = harness.load_custom(src)
    entry = reference_entry(problem, custom)
    ref_dtype = "float64"
    expected, ref_ms = [], []
    messages = [wire.encode("case", {"inputs": c.inputs, "seed": case_seed(seed, i)}) for i, c in enumerate(cases)]
    saved_limit = sys.getrecursionlimit()
    if problem.recursion_limit:  # the depth the statement promises, for the reference as for the worker
        sys.setrecursionlimit(max(saved_limit, problem.recursion_limit))
    try:
        for i, case in enumerate(cases):
            best, out, runs = math.inf, None, 0
            # the reference's time sets the sized cases' limits: the fastest of up to three runs
            # while it is short (a single cold run can take several times longer)
            while runs == 0 or (case.size is not None and best < REFERENCE_REPEAT_BELOW_MS and runs < TIMING_REPEATS):
                t0 = time.thread_time()
                _, msg = wire.decode(messages[i][4:])
                got = harness.run_case(entry, msg["inputs"], problem.harness, ref_dtype, msg["seed"], custom)
                wire.encode("result", {"outputs": got})
                best = min(best, (time.thread_time() - t0) * 1000)
                out = got if out is None else out
                runs += 1
            ref_ms.append(best)
            expected.append(out)
    finally:
        sys.setrecursionlimit(saved_limit)
    return Prepared(problem, seed, cases, expected, ref_ms, custom_check, src, messages)


def case_seed(seed: int, index: int) -> int:
    return (seed * 7919 + index * 104729 + 17) % (2**31)


# ---------------------------------------------------------------- comparison

def compare(prep: Prepared, i: int, got: Any) -> CheckResult:
    """The verdict of one case. Anything the submission returned that the checks cannot read (a
    huge int where a float belongs, rows of the wrong form) is a wrong answer, never our error."""
    try:
        return _compare(prep, i, got)
    except Exception as exc:  # noqa: BLE001 - the value is the submission's, so is the failure
        return CheckResult.failed(f"the result has a form the checks cannot read ({type(exc).__name__})")


def _conforms(expected: Any, got: Any, depth: int = 0) -> bool:
    """`got` has the kind of value `expected` has: arrays for arrays, numbers for numbers, lists of
    such for lists (any length), the same keys for dicts. Values themselves are the checkers' job."""
    if depth > 32:
        return False
    if isinstance(expected, np.ndarray):
        return isinstance(got, np.ndarray)
    if expected is None or isinstance(expected, (bool, str)):
        return got is None or isinstance(got, (bool, str, int, float))  # the checker names the difference
    if isinstance(expected, (int, float)):
        return isinstance(got, (int, float)) and (not isinstance(got, int) or abs(got) < 1 << 1024)
    if isinstance(expected, list):
        if not isinstance(got, list):
            return False
        kinds = list({type(e): e for e in expected if e is not None}.values())  # one of each type
        return not kinds or all(any(_conforms(k, g, depth + 1) for k in kinds) for g in got if g is not None)
    if isinstance(expected, dict):
        return isinstance(got, dict) and all(_conforms(v, got[k], depth + 1) for k, v in expected.items() if k in got)
    return True


def _compare(prep: Prepared, i: int, got: Any) -> CheckResult:
    problem, case, expected = prep.problem, prep.cases[i], prep.expected[i]
    if not isinstance(got, dict):
        return CheckResult.failed("the result could not be read")
    if prep.custom_check is not None:
        # a problem's own check reads values as the reference returns them: give it nothing else
        for name, exp in expected.items():
            if name in got and not _conforms(exp, got[name]):
                return CheckResult.failed(f"{name}: the value returned is not of the kind the statement asks for")
        res = prep.custom_check(case, expected, got)
        if res is not None:
            return res if isinstance(res, CheckResult) else CheckResult(bool(res[0]), str(res[1]))
    rtol = case.rtol if case.rtol is not None else problem.rtol
    atol = case.atol if case.atol is not None else problem.atol
    for name, exp in expected.items():
        if name not in got:
            return CheckResult.failed(f"{name}: missing from the result")
        g = got[name]
        if name.startswith("grad."):
            res = check_grad(name, exp, g, rtol=rtol, atol=atol, float_dtype=problem.dtype, hidden=case.hidden)
        elif name.startswith("nograd."):
            res = check_nograd(name, g)
        elif isinstance(exp, np.ndarray):
            res = check_array(name, exp, g, rtol=rtol, atol=atol, float_dtype=problem.dtype, hidden=case.hidden)
        else:
            res = check_exact(name, exp, g, hidden=case.hidden)
        if not res.ok:
            return res
    extra = set(got) - set(expected)
    if extra:
        return CheckResult.failed(f"unexpected outputs {sorted(map(str, extra))[:5]}")
    return CheckResult.passed()


def describe(case: Case, float_dtype: str = "float32") -> str:
    """Shapes and flags of a case: enough to act on, never the hidden values themselves."""
    parts = []
    for k, v in case.inputs.items():
        if isinstance(v, np.ndarray):
            # float inputs reach the submission in the problem's dtype: describe what it sees
            dt = float_dtype if v.dtype.kind == "f" else str(v.dtype)
            parts.append(f"{k}: {dt}{list(v.shape)}")
        elif isinstance(v, (list, str)) and case.hidden:
            parts.append(f"{k}: {type(v).__name__} of length {len(v)}")
        elif isinstance(v, dict) and case.hidden:
            parts.append(f"{k}: {{{', '.join(map(str, v.keys()))}}}")
        elif case.hidden:
            parts.append(f"{k}: {type(v).__name__}")  # a hidden value is never shown
        else:
            s = repr(v)
            parts.append(f"{k}={s if len(s) <= 60 else s[:57] + '...'}")
    text = ", ".join(parts)
    if case.note:
        text = f"{case.note}; {text}"
    return text


# ---------------------------------------------------------------- running

class Session(Protocol):
    """One submission's worker. Graders (isolated.py, inprocess.py) provide it.

    Cases are streamed: `submit` queues one encoded case, `collect` returns the oldest one's answer
    with the CPU time the worker spent on it (from the kernel, never the worker's word). The
    controller keeps the next cases in flight while it compares the last answer, so the worker
    computes while the controller checks (run_cases says how many)."""

    isolation: list[str]

    def start(self, job: dict[str, Any], timeout_s: float) -> tuple[str, dict[str, Any]]: ...
    def submit(self, message: bytes) -> None: ...
    def collect(self, limit_s: float) -> tuple[str, dict[str, Any], float, float]: ...  # kind, body, cpu_ms, wall_ms
    def close(self) -> None: ...


WALL_FACTOR, WALL_SLACK_S = 4.0, 1.0  # a case also ends after 4x its limit + 1 s of wall clock (sleeping code)


def wall_deadline_s(limit_s: float) -> float:
    return limit_s * WALL_FACTOR + WALL_SLACK_S


class Timeout(Exception):
    """No answer in time: over the CPU limit, or (`on_wall`) past the wall-clock safety net."""

    def __init__(self, cpu_ms: float | None = None, wall_ms: float | None = None, on_wall: bool = False):
        super().__init__("timeout")
        self.cpu_ms, self.wall_ms, self.on_wall = cpu_ms, wall_ms, on_wall


class WorkerDied(Exception):
    pass


def job_message(problem: Problem, code: str, prep: Prepared) -> dict[str, Any]:
    h = problem.harness
    return {
        "code": code,
        "entry": problem.entry,
        "signature": problem.signature,
        "dtype": problem.dtype,
        "harness": {"mode": h.mode, "outputs": h.outputs, "grad": h.grad, "no_grad": h.no_grad,
                    "param_grad": h.param_grad},
        "harness_src": prep.custom_harness_src,
        "recursion_limit": problem.recursion_limit,
        "guards": policy.guard_targets(problem.forbidden),
        "forbidden": list(problem.forbidden),
        "memory_limit_mb": problem.memory_limit_mb,
        # a backstop over the whole job (module body and repeats included); each case has its own limit
        "cpu_limit_s": max(2.0, total_time_budget_s(problem, prep) * 2 + 1),
    }


def case_limit_ms(problem: Problem, prep: Prepared, i: int) -> float:
    case = prep.cases[i]
    if case.size is not None and problem.complexity is not None:
        # the statement's limit, raised only where the reference itself needs more on this machine
        return max(problem.complexity.factor * prep.ref_ms[i], problem.time_limit_ms)
    return problem.time_limit_ms


def total_time_budget_s(problem: Problem, prep: Prepared) -> float:
    return sum(case_limit_ms(problem, prep, i) for i in range(len(prep.cases))) / 1000


MAX_SOURCE_BYTES = 256 * 1024  # a solution is a page of code; more is refused before anything runs
MAX_SEED = 2**63 - 1


class BadSeed(ValueError):
    """A seed that is not an int in range: a usage error, never a verdict."""


def check_seed(seed: Any) -> int:
    """A seed is an int in [0, 2**63 - 1]; anything else is the caller's mistake (a usage error)."""
    if isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed <= MAX_SEED:
        raise BadSeed(f"--seed must be an integer from 0 to {MAX_SEED}, got {seed!r}")
    return seed


def source_problem(code: str) -> str | None:
    """Why `code` is refused before it reaches a worker, or None."""
    size = len(code.encode("utf-8", "surrogatepass"))
    if size > MAX_SOURCE_BYTES:
        return (f"the source is {size // 1024} KB; the judge takes at most {MAX_SOURCE_BYTES // 1024} KB "
                "(a solution is a page of code: leave data and generated tables out)")
    return None


def coarse_ms(ms: float) -> float:
    """A hidden case's time, rounded up to 1, 2 or 5 times a power of ten: enough to see which
    case is slow, too coarse to carry a hidden input out through the clock."""
    bound = 1.0
    while bound < ms:
        for step in (2.0, 2.5, 2.0):  # 1 -> 2 -> 5 -> 10
            bound *= step
            if bound >= ms:
                break
    return bound


def judge_code(problem: Problem, code: str, prep: Prepared, open_session: Callable[[], Session],
               visible_only: bool = False) -> Report:
    """Grade `code` against prepared cases (only the visible examples with `visible_only`: the web's
    Run). Never raises for anything the submission does, and never compiles it: parsing,
    compiling and the policy scan happen in the worker."""
    t_start = time.perf_counter()
    total = sum(1 for c in prep.cases if not (visible_only and c.hidden))
    code = code[1:] if code.startswith("\ufeff") else code  # a UTF-8 byte-order mark, as Python allows

    def finish(verdict: str, message: str, cases: list[CaseResult], isolation: list[str] | None = None,
               complexity: dict[str, Any] | None = None) -> Report:
        passed = sum(1 for c in cases if c.verdict == ACCEPTED)
        return Report(problem=problem.id, verdict=verdict, passed=passed, total=total,
                      time_ms=round((time.perf_counter() - t_start) * 1000, 3), cases=cases,
                      message=message, seed=prep.seed, complexity=complexity, isolation=isolation or [])

    refused = source_problem(code)
    if refused:
        return finish(INVALID_SUBMISSION, refused, [])

    cases: list[CaseResult] = []
    session = open_session()
    isolation = list(getattr(session, "isolation", []))
    try:
        try:
            kind, body = session.start(job_message(problem, code, prep), timeout_s=max(5.0, problem.time_limit_ms / 1000 * 2))
        except Timeout:
            return finish(TIME_LIMIT_EXCEEDED, "your module took too long to load (code at the top level?)", [], isolation)
        except WorkerDied as exc:
            return finish(RUNTIME_ERROR, f"your code ended the process while loading: {clean_text(str(exc), 300)}", [],
                          isolation)
        isolation = list(getattr(session, "isolation", []))  # now including the job's layers
        body = body if isinstance(body, dict) else {}
        if kind == "rejected":  # said by the worker before any submitted code ran: trusted
            verdict = body.get("verdict") if body.get("verdict") in _REJECT_VERDICTS else RUNTIME_ERROR
            return finish(verdict, clean_text(body.get("message"), MESSAGE_CAP), [], isolation)
        if kind == "setup_error":  # said after the module body ran: the submission's word
            verdict = _verdict(body, _SETUP_VERDICTS)
            msg = clean_text(body.get("message"), 1000)
            if body.get("traceback"):
                msg += "\n" + clean_text(body.get("traceback"), 3000)
            return finish(verdict, clean_text(msg, MESSAGE_CAP), [], isolation)
        if kind != "ready":
            return finish(RUNTIME_ERROR, "the worker broke the judge protocol", [], isolation)

        timings = run_cases(problem, prep, session, code, cases, visible_only)
    except Exception as exc:  # noqa: BLE001 - our fault, never the user's
        return finish(JUDGE_ERROR, f"internal error in the judge: {type(exc).__name__}: {exc}", cases, isolation)
    finally:
        session.close()

    complexity = None
    if problem.complexity and not visible_only and any(c.size is not None for c in prep.cases):
        complexity = complexity_report(problem, prep, timings, cases)
    verdict = overall(cases)
    message = ""
    if verdict != ACCEPTED:
        first = next(c for c in cases if c.verdict == verdict)
        message = f"{verdict} on case {first.name}"
        if complexity and complexity.get("message") and verdict == TIME_LIMIT_EXCEEDED:
            message += ": " + complexity["message"]
        elif verdict == TIME_LIMIT_EXCEEDED:
            message += ": " + first.message
    return finish(verdict, message, cases, isolation, complexity)


def run_cases(problem: Problem, prep: Prepared, session: Session, code: str, cases: list[CaseResult],
              visible_only: bool) -> list[tuple[int, float]]:
    """Stream the cases through a ready worker, filling `cases` in; returns (size, CPU seconds) of
    the sized cases it finished, each the fastest of its runs. Small sized cases run several times
    (the later runs only time); after a crash, a timeout or an out-of-memory the rest are skipped."""
    order = [i for i, c in enumerate(prep.cases) if not (visible_only and c.hidden)]
    runs: list[int] = []  # case indices in the order they run; repeats follow their case
    for i in order:
        runs += [i] * timing_runs(problem, prep.cases, i)
    results: dict[int, CaseResult] = {}
    for i in order:  # indices stay those of the full list: case seeds and limits match the reference's
        case = prep.cases[i]
        results[i] = CaseResult(name=case.name, hidden=case.hidden, verdict=SKIPPED, detail=describe(case, problem.dtype))
        cases.append(results[i])
    best_cpu: dict[int, float] = {}
    failed: set[int] = set()  # cases whose first run did not give a result: no repeats
    seen: set[int] = set()
    over_limit: tuple[int, float] | None = None

    def next_run(k: int) -> int:
        k += 1
        while k < len(runs) and runs[k] in failed:
            k += 1
        return k

    # Runs in flight: submitted, not yet collected. Untimed cases (no size) are queued several
    # ahead, so the worker goes from one to the next without waiting for the controller (each
    # hand-off costs a wake-up of both processes, which dominates on tiny problems). A sized run
    # is timed on its own: it is sent only to an idle worker and nothing is queued behind it,
    # so the CPU time read from /proc before and after it is its own.
    pending: deque[int] = deque()
    queued = 0  # bytes in flight; under the socket's buffer, so sending never waits on the worker
    k_sub = next_run(-1)  # the next run to submit

    def fill() -> None:
        nonlocal k_sub, queued
        while k_sub < len(runs):
            i = runs[k_sub]
            msg = prep.messages[i]
            if pending and (prep.cases[i].size is not None or prep.cases[runs[pending[-1]]].size is not None
                            or len(pending) >= QUEUE_RUNS or queued + len(msg) > QUEUE_BYTES):
                return
            session.submit(msg)
            pending.append(k_sub)
            queued += len(msg)
            k_sub = next_run(k_sub)

    fill()
    while pending:
        k = pending.popleft()
        i = runs[k]
        queued -= len(prep.messages[i])
        case, cr = prep.cases[i], results[i]
        first = i not in seen
        seen.add(i)
        limit = case_limit_ms(problem, prep, i)
        try:
            kind, body, cpu_ms, wall_ms = session.collect(limit / 1000)
        except Timeout as t:
            cr.verdict, cr.time_ms, cr.message = TIME_LIMIT_EXCEEDED, round(limit, 3), timeout_text(problem, prep, i, t)
            if case.size is not None:
                over_limit = (case.size, limit / 1000)  # a lower bound of its time: the fit may use it
            break
        except WorkerDied as exc:
            cr.verdict = RUNTIME_ERROR
            cr.message = "the process ended during this case" + ("" if case.hidden else f": {clean_text(str(exc), 300)}")
            break
        body = body if isinstance(body, dict) else {}
        fatal = kind not in ("result", "error") or (kind == "error" and body.get("verdict") == "memory_limit_exceeded")
        if kind != "result" and first:
            failed.add(i)
            k_sub = next_run(k_sub - 1)  # its timing repeats, not sent yet, are not sent
        if not fatal:
            fill()  # the worker runs the next while we check this one
        if kind == "result" and case.size is not None:
            best_cpu[i] = min(best_cpu.get(i, math.inf), cpu_ms)
        if first:
            grade(problem, prep, i, cr, kind, body, cpu_ms, code)
        if fatal:
            break
    for i in order:
        if results[i].verdict == SKIPPED and not results[i].message:
            results[i].message = "not run: an earlier case ended the worker"
    timings = [(int(prep.cases[i].size or 0), ms / 1000) for i, ms in best_cpu.items()]
    if over_limit is not None and timings:  # with at least one finished size, the slope says something
        timings.append(over_limit)
    return timings


def grade(problem: Problem, prep: Prepared, i: int, cr: CaseResult, kind: str, body: dict[str, Any],
          cpu_ms: float, code: str) -> None:
    """Fill in one case's result from the worker's answer (first run only)."""
    case = prep.cases[i]
    cr.time_ms = coarse_ms(cpu_ms) if case.hidden else round(cpu_ms, 3)
    # prints are shown for visible cases only: hidden inputs are described, never echoed
    if not case.hidden:
        cr.stdout = clean_text(body.get("stdout", ""), STDOUT_CAP)
    if kind == "error":
        cr.verdict = _verdict(body, _CASE_ERROR_VERDICTS)
        cr.message = error_text(body, case, code)
        return
    if kind != "result":
        cr.verdict, cr.message = RUNTIME_ERROR, "the worker broke the judge protocol"
        return
    res = compare(prep, i, body.get("outputs"))
    cr.verdict = ACCEPTED if res.ok else WRONG_ANSWER
    cr.message = check_text(res.message, case, prep.expected[i])


def timeout_text(problem: Problem, prep: Prepared, i: int, t: Timeout) -> str:
    """Why a case timed out, with the limit the statement gives (or the one this case had)."""
    case, limit = prep.cases[i], case_limit_ms(problem, prep, i)
    if t.on_wall:
        used = "" if t.cpu_ms is None else f" while using {t.cpu_ms:.0f} ms of CPU"
        return (f"no answer after {t.wall_ms or 0:.0f} ms of wall-clock time{used}: the code sleeps or waits "
                f"for something that never comes (the limit is {limit:.0f} ms of CPU time)")
    text = f"over the time limit of {limit:.0f} ms (CPU time)"
    if case.size is not None and problem.complexity:
        text += f" on an input of size {case.size}; expected O({problem.complexity.expected})"
        if not case.hidden:
            text += f", the reference takes {prep.ref_ms[i]:.1f} ms"
    else:
        text += ": it did not finish (an endless loop?)"
    return text


def _verdict(body: dict[str, Any], allowed: set[str]) -> str:
    v = body.get("verdict")
    return v if isinstance(v, str) and v in allowed else RUNTIME_ERROR


def _user_line(traceback_text: str, code: str) -> str:
    """'line N: <source>' for the last frame in the submission, the source taken from the code the
    controller holds (never from what the worker sent)."""
    nums = re.findall(r'File "submission\.py", line (\d+)', traceback_text)
    if not nums:
        return ""
    n = int(nums[-1])
    lines = code.splitlines()
    if not 0 < n <= len(lines):
        return ""
    return f"line {n}: {clean_text(lines[n - 1].strip(), 100)}"


def error_text(body: dict[str, Any], case: Case, code: str) -> str:
    """The exception and the user's own frames. For a hidden case: the exception's type, its
    message with the case's values and every number masked, and the user's own line, so that a
    message cannot carry hidden inputs out (`raise ValueError(str(x))`)."""
    msg = clean_text(body.get("message", ""), 1000)
    tb = clean_text(body.get("traceback", ""), 4000)
    if case.hidden:
        exc_type = body.get("type") or msg.split(":", 1)[0]
        return hidden_error(exc_type, msg, _user_line(tb, code), [case.inputs])
    return clean_text(msg + ("\n" + tb if tb else ""), MESSAGE_CAP)


def check_text(message: str, case: Case, expected: dict[str, Any]) -> str:
    """A checker's message; for a hidden case the case's own values are masked and it is short."""
    if not case.hidden:
        return clean_text(message, MESSAGE_CAP)
    return clean_text(mask_known(clean_text(message, 1000), [case.inputs, expected]), HIDDEN_CAP)


_REJECT_VERDICTS = {INVALID_SUBMISSION, FORBIDDEN, JUDGE_ERROR}
_SETUP_VERDICTS = {INVALID_SUBMISSION, RUNTIME_ERROR, FORBIDDEN, "memory_limit_exceeded"}
_CASE_ERROR_VERDICTS = {RUNTIME_ERROR, FORBIDDEN, "memory_limit_exceeded", WRONG_ANSWER, INVALID_SUBMISSION}


def complexity_report(problem: Problem, prep: Prepared, timings: list[tuple[int, float]],
                      cases: list[CaseResult]) -> dict[str, Any]:
    c = problem.complexity
    assert c is not None
    ref_points = [(case.size, prep.ref_ms[i] / 1000) for i, case in enumerate(prep.cases) if case.size is not None]
    k = growth_exponent(timings)
    k_ref = growth_exponent(ref_points)
    sized = {case.name for case in prep.cases if case.size is not None}
    timed_out = any(cr.verdict == TIME_LIMIT_EXCEEDED and cr.name in sized for cr in cases)
    # one decimal: enough to tell n from n^2, too little to carry hidden inputs out through the clock
    doc: dict[str, Any] = {"expected": c.expected, "exponent": None if k is None else round(k, 1),
                           "reference_exponent": None if k_ref is None else round(k_ref, 1), "message": ""}
    if k is not None and (k > c.exponent + 0.5 or timed_out):
        # a timed-out size enters the fit with its limit, a lower bound of its time: "at least"
        doc["message"] = f"your solution looks {'at least ' if timed_out else ''}{describe_exponent(k)}; expected O({c.expected})"
    elif k is None and timed_out:
        doc["message"] = f"too slow on the large inputs; expected O({c.expected})"
    return doc
