"""The trusted side of the judge: load a problem, build its cases, run the reference, send the
submission's cases to a worker, compare what comes back, and say what happened.

The controller never executes submitted code. It holds the references and the expected outputs,
which never leave this process; the worker only ever sees the inputs.
"""

from __future__ import annotations

import copy
import importlib.util
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
    problem, case, expected = prep.problem, prep.cases[i], prep.expected[i]
    if not isinstance(got, dict):
        return CheckResult.failed("the result could not be read")
    if prep.custom_check is not None:
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
        return CheckResult.failed(f"unexpected outputs {sorted(extra)}")
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


def judge_code(problem: Problem, code: str, prep: Prepared, open_session: Callable[[], Session],
               visible_only: bool = False) -> Report:
    """Grade `code` against prepared cases (only the visible examples with `visible_only`: the web's
    Run). Never raises for anything the submission does."""
    t_start = time.perf_counter()
    total = sum(1 for c in prep.cases if not (visible_only and c.hidden))

    def finish(verdict: str, message: str, cases: list[CaseResult], isolation: list[str] | None = None,
               complexity: dict[str, Any] | None = None) -> Report:
        passed = sum(1 for c in cases if c.verdict == ACCEPTED)
        return Report(problem=problem.id, verdict=verdict, passed=passed, total=total,
                      time_ms=round((time.perf_counter() - t_start) * 1000, 3), cases=cases,
                      message=message, seed=prep.seed, complexity=complexity, isolation=isolation or [])

    # 1. it must compile (compiling runs nothing)
    try:
        compile(code, "submission.py", "exec")
    except (SyntaxError, ValueError) as exc:
        where = f" (line {exc.lineno})" if getattr(exc, "lineno", None) else ""
        return finish(INVALID_SUBMISSION, f"{type(exc).__name__}: {getattr(exc, 'msg', exc)}{where}", [])
    # 2. the "from scratch" rules
    violations = policy.scan(code, problem.forbidden)
    if violations:
        return finish(FORBIDDEN, "; ".join(v.message() for v in violations[:5]), [])

    cases: list[CaseResult] = []
    session = open_session()
    isolation = list(getattr(session, "isolation", []))
    try:
        try:
            kind, body = session.start(job_message(problem, code, prep), timeout_s=max(5.0, problem.time_limit_ms / 1000 * 2))
        except Timeout:
            return finish(TIME_LIMIT_EXCEEDED, "your module took too long to load (code at the top level?)", [], isolation)
        except WorkerDied as exc:
            return finish(RUNTIME_ERROR, f"your code ended the process while loading: {exc}", [], isolation)
        isolation = list(getattr(session, "isolation", []))  # now including the job's layers
        if kind == "setup_error":
            verdict = body.get("verdict") if body.get("verdict") in _SETUP_VERDICTS else RUNTIME_ERROR
            msg = str(body.get("message", ""))[:1000]
            if body.get("traceback"):
                msg += "\n" + str(body["traceback"])[:3000]
            return finish(verdict, msg, [], isolation)
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
                cr.verdict, cr.message = RUNTIME_ERROR, f"the process ended during this case: {exc}"
                dead = True
                continue
            cr.time_ms = round(elapsed, 3)
            # prints are shown for visible cases only: hidden inputs are described, never echoed
            if not case.hidden and isinstance(body, dict):
                cr.stdout = str(body.get("stdout", ""))[:10000]
            if kind == "error":
                v = body.get("verdict")
                cr.verdict = v if v in _CASE_ERROR_VERDICTS else RUNTIME_ERROR
                cr.message = error_text(body, case.hidden)
                if cr.verdict == "memory_limit_exceeded":
                    dead = True  # the allocator state after an out-of-memory is not to be trusted
                continue
            if kind != "result":
                cr.verdict, cr.message = RUNTIME_ERROR, "the worker broke the judge protocol"
                dead = True
                continue
            res = compare(prep, i, body.get("outputs"))
            cr.verdict = ACCEPTED if res.ok else WRONG_ANSWER
            cr.message = res.message
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


def error_text(body: dict[str, Any], hidden: bool) -> str:
    """The exception and the user's own frames; short for hidden cases, whose inputs an
    exception message could otherwise carry out."""
    msg = str(body.get("message", ""))
    tb = str(body.get("traceback", "") or "")
    if hidden:
        msg = msg if len(msg) <= 200 else msg[:197] + "..."
        lines = [ln for ln in tb.splitlines() if ln.startswith("  File ")]
        return msg + ("\n" + "\n".join(lines[-4:]) if lines else "")
    return msg[:1000] + ("\n" + tb[:3000] if tb else "")


_SETUP_VERDICTS = {INVALID_SUBMISSION, RUNTIME_ERROR, FORBIDDEN, "memory_limit_exceeded", JUDGE_ERROR}
_CASE_ERROR_VERDICTS = {RUNTIME_ERROR, FORBIDDEN, "memory_limit_exceeded", WRONG_ANSWER, INVALID_SUBMISSION}


def complexity_report(problem: Problem, prep: Prepared, timings: list[tuple[int, float]],
                      cases: list[CaseResult]) -> dict[str, Any]:
    c = problem.complexity
    assert c is not None
    ref_points = [(case.size, prep.ref_ms[i] / 1000) for i, case in enumerate(prep.cases) if case.size is not None]
    k = growth_exponent(timings)
    k_ref = growth_exponent(ref_points)
    timed_out = any(cr.verdict == TIME_LIMIT_EXCEEDED for cr in cases)
    doc: dict[str, Any] = {"expected": c.expected, "exponent": None if k is None else round(k, 2),
                           "reference_exponent": None if k_ref is None else round(k_ref, 2), "message": ""}
    if k is not None and (k > c.exponent + 0.5 or timed_out):
        doc["message"] = f"your solution looks {describe_exponent(k)}; expected O({c.expected})"
    elif k is None and timed_out:
        doc["message"] = f"too slow on the large inputs; expected O({c.expected})"
    return doc
