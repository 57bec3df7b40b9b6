"""The trusted side of the judge: load a problem, build its cases, run the reference, send the
submission's cases to a worker, compare what comes back, and say what happened.

The controller never executes submitted code. It holds the references and the expected outputs,
which never leave this process; the worker only ever sees the inputs.
"""

from __future__ import annotations

import copy
import importlib.util
import re
import sys
import time
from dataclasses import dataclass
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
from . import harness, policy
from .sanitize import HIDDEN_CAP, MESSAGE_CAP, STDOUT_CAP, clean_text, hidden_error, mask_known
from .verdict import (
    ACCEPTED, FORBIDDEN, INVALID_SUBMISSION, JUDGE_ERROR, RUNTIME_ERROR, SKIPPED, TIME_LIMIT_EXCEEDED,
    WRONG_ANSWER, CaseResult, Report, overall,
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
    ref_ms: list[float]
    custom_check: Callable[..., Any] | None
    custom_harness_src: str | None


def build_cases(problem: Problem, seed: int) -> tuple[list[Case], Callable[..., Any] | None]:
    mod = cases_module(problem)
    cases = list(mod.cases(np.random.default_rng(seed)))
    names = [c.name for c in cases]
    if len(set(names)) != len(names):
        raise RuntimeError(f"{problem.id}: duplicate case names")
    return cases, getattr(mod, "check", None)


def prepare(problem: Problem, seed: int) -> Prepared:
    """Cases for this seed and the reference's outputs on them (float64 for model problems)."""
    cases, custom_check = build_cases(problem, seed)
    src = problem.harness_source()
    custom = harness.load_custom(src)
    entry = reference_entry(problem, custom)
    ref_dtype = "float64"
    expected, ref_ms = [], []
    saved_limit = sys.getrecursionlimit()
    if problem.recursion_limit:  # the depth the statement promises, for the reference as for the worker
        sys.setrecursionlimit(max(saved_limit, problem.recursion_limit))
    try:
        for i, case in enumerate(cases):
            inputs = copy.deepcopy(case.inputs)  # outside the timing: limits derive from the reference's own time
            t0 = time.perf_counter()
            out = harness.run_case(entry, inputs, problem.harness, ref_dtype, case_seed(seed, i), custom)
            ref_ms.append((time.perf_counter() - t0) * 1000)
            expected.append(out)
    finally:
        sys.setrecursionlimit(saved_limit)
    return Prepared(problem, seed, cases, expected, ref_ms, custom_check, src)


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
    """One submission's worker. Graders (isolated.py, inprocess.py) provide it."""

    isolation: list[str]

    def start(self, job: dict[str, Any], timeout_s: float) -> tuple[str, dict[str, Any]]: ...
    def run(self, inputs: dict[str, Any], seed: int, timeout_s: float) -> tuple[str, dict[str, Any], float]: ...
    def close(self) -> None: ...


class Timeout(Exception):
    pass


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
        "cpu_limit_s": max(2.0, total_time_budget_s(problem, prep) * 1.5),
    }


def case_limit_ms(problem: Problem, prep: Prepared, i: int) -> float:
    case = prep.cases[i]
    if case.size is not None and problem.complexity is not None:
        c = problem.complexity
        return max(c.factor * prep.ref_ms[i], c.floor_ms)
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

        dead = False
        timings: list[tuple[int, float]] = []
        for i, case in enumerate(prep.cases):
            if visible_only and case.hidden:
                continue  # indices stay those of the full list: case seeds and limits match the reference's
            cr = CaseResult(name=case.name, hidden=case.hidden, verdict=SKIPPED, detail=describe(case, problem.dtype))
            cases.append(cr)
            if dead:
                cr.message = "not run: an earlier case ended the worker"
                continue
            limit = case_limit_ms(problem, prep, i)
            try:
                kind, body, elapsed = session.run(copy.deepcopy(case.inputs), case_seed(prep.seed, i), limit / 1000)
            except Timeout:
                cr.verdict, cr.time_ms = TIME_LIMIT_EXCEEDED, round(limit, 3)
                cr.message = f"no answer within {limit:.0f} ms"
                if case.size is not None and problem.complexity:
                    cr.message += f" (reference: {prep.ref_ms[i]:.1f} ms; expected {problem.complexity.expected})"
                dead = True
                continue
            except WorkerDied as exc:
                cr.verdict = RUNTIME_ERROR
                cr.message = "the process ended during this case" + ("" if case.hidden else f": {clean_text(str(exc), 300)}")
                dead = True
                continue
            cr.time_ms = coarse_ms(elapsed) if case.hidden else round(elapsed, 3)
            body = body if isinstance(body, dict) else {}
            # prints are shown for visible cases only: hidden inputs are described, never echoed
            if not case.hidden:
                cr.stdout = clean_text(body.get("stdout", ""), STDOUT_CAP)
            if kind == "error":
                cr.verdict = _verdict(body, _CASE_ERROR_VERDICTS)
                cr.message = error_text(body, case, code)
                if cr.verdict == "memory_limit_exceeded":
                    dead = True  # the allocator state after an out-of-memory is not to be trusted
                continue
            if kind != "result":
                cr.verdict, cr.message = RUNTIME_ERROR, "the worker broke the judge protocol"
                dead = True
                continue
            res = compare(prep, i, body.get("outputs"))
            cr.verdict = ACCEPTED if res.ok else WRONG_ANSWER
            cr.message = check_text(res.message, case, prep.expected[i])
            if case.size is not None:
                timings.append((case.size, elapsed / 1000))
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
    return finish(verdict, message, cases, isolation, complexity)


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
    timed_out = any(cr.verdict == TIME_LIMIT_EXCEEDED for cr in cases)
    # one decimal: enough to tell n from n^2, too little to carry hidden inputs out through the clock
    doc: dict[str, Any] = {"expected": c.expected, "exponent": None if k is None else round(k, 1),
                           "reference_exponent": None if k_ref is None else round(k_ref, 1), "message": ""}
    if k is not None and (k > c.exponent + 0.5 or timed_out):
        doc["message"] = f"your solution looks {describe_exponent(k)}; expected O({c.expected})"
    elif k is None and timed_out:
        doc["message"] = f"too slow on the large inputs; expected O({c.expected})"
    return doc
