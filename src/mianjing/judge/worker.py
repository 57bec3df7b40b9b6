"""The worker side: run one submission's cases and report plain outputs. Untrusted territory.

Everything here runs after the sandbox is up (see harden.py), in a process that holds no
references, no expected outputs and no other user's data. Nothing it sends can make a wrong
answer pass: the controller compares, and a worker that lies only breaks its own run.
"""

from __future__ import annotations

import builtins
import collections
import io
import sys
import time
import traceback
from types import FunctionType
from typing import Any, NamedTuple

from . import harness, policy, wire

SUBMISSION_FILE = "submission.py"
STDOUT_CAP = 8192  # characters of the user's own prints kept per case


class ForbiddenUse(Exception):
    pass


class CappedWriter(io.TextIOBase):
    """Stands in for sys.stdout/sys.stderr: keeps the first STDOUT_CAP characters, drops the rest."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.size = 0
        self.dropped = 0

    def writable(self) -> bool:
        return True

    def write(self, s: str) -> int:
        s = str(s)
        room = STDOUT_CAP - self.size
        if room > 0:
            self.parts.append(s[:room])
            self.size += min(len(s), room)
        self.dropped += max(0, len(s) - max(room, 0))
        return len(s)

    def take(self) -> str:
        out = "".join(self.parts)
        if self.dropped:
            out += f"\n... ({self.dropped} more characters not shown)"
        self.parts, self.size, self.dropped = [], 0, 0
        return out


def user_traceback(exc: BaseException) -> str:
    """The traceback limited to the user's own frames, then the exception line."""
    # only the innermost frames: a RecursionError can carry tens of thousands, and looking up every
    # one's source line would take longer than the time limit
    last = collections.deque(maxlen=64)
    tb = exc.__traceback__
    while tb is not None:  # walking the chain is cheap; extracting every frame is not
        last.append((tb.tb_frame, tb.tb_lineno))
        tb = tb.tb_next
    frames = [f for f in traceback.StackSummary.extract(iter(last)) if f.filename == SUBMISSION_FILE]
    where = "".join(traceback.format_list(frames[-8:]))[-3000:]
    what = "".join(traceback.format_exception_only(type(exc), exc))
    return where + (what if len(what) <= 1000 else what[:1000] + " ...\n")


def _is_memory_error(exc: BaseException) -> bool:
    if isinstance(exc, MemoryError):
        return True
    if isinstance(exc, OSError) and exc.errno == 12:  # ENOMEM, e.g. from mmap
        return True
    text = str(exc)
    return isinstance(exc, RuntimeError) and (
        "can't allocate memory" in text or "not enough memory" in text or "std::bad_alloc" in text
    )


def classify(exc: BaseException) -> dict[str, Any]:
    if isinstance(exc, ForbiddenUse):
        return {"verdict": "forbidden", "message": str(exc)}
    if _is_memory_error(exc):
        return {"verdict": "memory_limit_exceeded", "message": "ran out of memory (the memory limit was reached)"}
    if isinstance(exc, harness.HarnessError):
        return {"verdict": exc.verdict, "message": str(exc)}
    if isinstance(exc, NotImplementedError):
        return {"verdict": "runtime_error", "message": "NotImplementedError: the stub is not filled in yet",
                "traceback": user_traceback(exc)}
    if isinstance(exc, RecursionError):
        return {"verdict": "runtime_error", "message": "RecursionError: maximum recursion depth exceeded",
                "traceback": user_traceback(exc)}
    if isinstance(exc, (SystemExit, KeyboardInterrupt)):
        return {"verdict": "runtime_error", "message": f"{type(exc).__name__} raised: the code tried to exit"}
    return {"verdict": "runtime_error", "message": f"{type(exc).__name__}: {exc}"[:500],
            "type": type(exc).__name__, "traceback": user_traceback(exc)}


# Where an "attr:NAME" rule's NAME is looked up by code that builds the name at run time
# (getattr(torch, "soft" + "max")): each of these that has the attribute gets the guard.
ATTR_NAMESPACES = (
    "builtins", "math", "cmath", "operator", "itertools", "functools", "heapq", "bisect", "statistics",
    "numpy", "numpy.linalg", "numpy.fft", "torch", "torch.Tensor", "torch.nn", "torch.nn.functional",
    "torch.nn.utils", "torch.special", "torch.linalg", "torch.fft", "torch._C._nn", "torch._C._linalg",
    "torch._C._special", "torch.optim", "torch.distributions", "torch.distributions.kl",
)


_NAMESPACES: list[tuple[str, Any]] = []  # ATTR_NAMESPACES resolved: once in the zygote (warm_up), then inherited


def attr_namespaces() -> list[tuple[str, Any]]:
    if not _NAMESPACES:
        _NAMESPACES.extend((n, ns) for n in ATTR_NAMESPACES if (ns := _resolve(n)) is not None)
    return _NAMESPACES


def _has(ns: Any, name: str) -> bool:
    """hasattr(ns, name), without the failed lookup through a module's __getattr__ where the module
    has none (a miss through torch's or numpy's __getattr__ builds an exception: ~13 us each, and a
    problem's guards ask hundreds of them)."""
    d = getattr(ns, "__dict__", None)
    if isinstance(ns, type(sys)) and isinstance(d, dict) and "__getattr__" not in d:
        return name in d or hasattr(type(ns), name)
    return hasattr(ns, name)


def _resolve(dotted: str) -> Any:
    parts = dotted.split(".")
    obj = sys.modules.get(parts[0])
    for p in parts[1:]:
        obj = getattr(obj, p, None) if obj is not None else None
    return obj


def _guard(name: str) -> Any:
    def guard(*_a: Any, **_k: Any) -> Any:
        raise ForbiddenUse(f"{name} is not allowed in this problem: write it yourself")

    guard.__name__ = name.rsplit(".", 1)[-1]
    return guard


class _GuardModule(type(sys)):  # type: ignore[misc] - a module whose every attribute is refused
    def __getattr__(self, attr: str) -> Any:
        if attr.startswith("__") and attr.endswith("__"):
            raise AttributeError(attr)  # the import machinery's own probes
        raise ForbiddenUse(f"{self.__name__} is not allowed in this problem: write it yourself")


class _ForbiddenImports:
    """A meta-path finder that refuses forbidden packages not already loaded (transformers, ...),
    however the import is spelled (importlib.import_module with a built name included)."""

    def __init__(self, names: list[str]):
        self.names = names

    def find_spec(self, fullname: str, path: Any = None, target: Any = None) -> None:
        for n in self.names:
            if fullname == n or fullname.startswith(n + "."):
                raise ForbiddenUse(f"{n} is not allowed in this problem: write it yourself")
        return None


def install_guards(targets: list[str]) -> list[str]:
    """Replace each forbidden dotted name (torch.nn.functional.layer_norm) and, for an "attr:NAME"
    rule, the attribute NAME of every namespace in ATTR_NAMESPACES, with a function that raises
    ForbiddenUse; refuse imports of forbidden packages. Returns the places guarded."""
    guarded: list[str] = []
    unloaded: list[str] = []
    for target in targets:
        if target.startswith("attr:"):
            name = target[5:]
            for ns_name, ns in attr_namespaces():
                if _has(ns, name):
                    try:
                        setattr(ns, name, _guard(f"{ns_name}.{name}"))
                        guarded.append(f"{ns_name}.{name}")
                    except (AttributeError, TypeError):
                        pass
            continue
        if ":" in target:
            continue  # syntax rules: the static scan's
        parent_name, _, attr = target.rpartition(".")
        if target.split(".")[0] not in sys.modules:
            unloaded.append(target)
            continue
        parent = _resolve(parent_name) if parent_name else None
        if parent is None or not hasattr(parent, attr):
            unloaded.append(target)  # a submodule not imported yet: refuse the import
            continue
        try:
            setattr(parent, attr, _guard(target))
            guarded.append(target)
        except (AttributeError, TypeError):
            pass
    for target in targets:
        # a forbidden module already imported (torch.optim.adam, which torch.optim hides from its
        # attributes): importlib.import_module would hand out the cached one
        if ":" not in target and isinstance(sys.modules.get(target), type(sys)):
            sys.modules[target] = _GuardModule(target)
            guarded.append(f"import {target}")
    if unloaded:
        sys.meta_path.insert(0, _ForbiddenImports(unloaded))
    return guarded


class HarnessSeal(NamedTuple):
    """What the judge's harness code looks like before any submitted byte runs: the functions and
    classes of the problem's harness namespace and of the judge modules the worker uses (with their
    classes' methods), and each function's code. Checked after every case, so a submission that
    rebinds them (the harness namespace is reachable through the classes it hands over, e.g.
    ListNode.__init__.__globals__) or swaps a function's __code__ gets an error instead of a report
    of its own making. Tuples all the way down: nothing found through gc can be edited in place.

    This stops tampering through Python's attributes that stays in place. A submission that
    restores what it changed before the case ends, or rewrites frames or raw memory (ctypes), can
    still forge what the worker reports about object identity; values are compared in the
    controller and cannot be forged that way."""

    bound: tuple  # ((namespace dict, name, object), ...)
    codes: tuple  # ((function, __code__, __defaults__, __kwdefaults__), ...)

    MODULES = ("mianjing.judge.harness", "mianjing.judge.structures", "mianjing.judge.worker", "mianjing.judge.wire")

    @classmethod
    def take(cls, custom: dict[str, Any] | None, base: "HarnessSeal | None" = None) -> "HarnessSeal":
        """The seal of the problem's harness namespace `custom` and of the judge's modules (`base`,
        taken earlier by modules(), or now)."""
        base = base if base is not None else cls.modules()
        if custom is None:
            return base
        own = cls._of([custom])
        return cls(own.bound + base.bound, own.codes + base.codes)

    @classmethod
    def modules(cls) -> "HarnessSeal":
        """The judge modules' part, the same for every job: a spare worker takes it before its job."""
        spaces = [vars(sys.modules[m]) for m in cls.MODULES if m in sys.modules]
        # and the methods of the judge's own classes (Submission.run, CappedWriter.take, ...)
        spaces += [vars(c) for m in cls.MODULES if m in sys.modules for c in list(vars(sys.modules[m]).values())
                   if isinstance(c, type) and c.__module__ == m]
        return cls._of(spaces)

    @classmethod
    def _of(cls, spaces: list[dict[str, Any]]) -> "HarnessSeal":
        bound = tuple((ns, k, v) for ns in spaces for k, v in list(ns.items()) if isinstance(v, (FunctionType, type)))
        codes = tuple((f, f.__code__, f.__defaults__, f.__kwdefaults__) for _, _, f in bound if isinstance(f, FunctionType))
        return cls(bound, codes)


def seal_intact(seal: HarnessSeal) -> bool:
    # no builtins (a submission can rebind all() or zip()), no methods of our own: identity tests only
    for ns, name, obj in seal.bound:
        if ns.get(name) is not obj:
            return False
    for f, code, defaults, kwdefaults in seal.codes:
        if f.__code__ is not code or f.__defaults__ is not defaults or f.__kwdefaults__ is not kwdefaults:
            return False
    return True


class Submission:
    """One submission, loaded once, then called case by case."""

    def __init__(self, job: dict[str, Any], base_seal: HarnessSeal | None = None):
        self.job = job
        self.base_seal = base_seal
        self.spec = harness_spec(job["harness"])
        self.entry: Any = None
        self.custom: dict[str, Any] | None = None
        self.code: Any = None  # the compiled module, between check() and setup()
        self.seal: HarnessSeal | None = None
        self.out = CappedWriter()

    def check(self) -> dict[str, Any] | None:
        """Before any submitted byte runs: load the problem's harness, compile the source and apply
        the problem's "from scratch" rules. Returns an error dict, or None. Compiling untrusted
        source happens here, under the worker's limits, never in the controller."""
        job = self.job
        try:
            self.custom = harness.load_custom(job.get("harness_src"))
        except Exception as exc:  # noqa: BLE001
            return {"verdict": "judge_error", "message": f"problem harness failed to load: {exc}"}
        self.seal = HarnessSeal.take(self.custom, self.base_seal)
        if self.custom is not None:
            self.custom = dict(self.custom)  # our own copy of the entry points, taken before any user code
        try:
            self.code = compile(job["code"], SUBMISSION_FILE, "exec")
        except (SyntaxError, ValueError) as exc:
            where = f" (line {exc.lineno})" if getattr(exc, "lineno", None) else ""
            return {"verdict": "invalid_submission", "message": f"{type(exc).__name__}: {getattr(exc, 'msg', exc)}{where}"}
        except (MemoryError, RecursionError) as exc:
            return {"verdict": "invalid_submission",
                    "message": f"{type(exc).__name__} while compiling: the code is nested too deeply for Python"}
        try:
            violations = policy.scan(job["code"], list(job.get("forbidden", [])))
        except (MemoryError, RecursionError):
            return {"verdict": "invalid_submission", "message": "the code is nested too deeply to be checked"}
        if violations:
            return {"verdict": "forbidden", "message": "; ".join(v.message() for v in violations[:5])}
        return None

    def setup(self) -> dict[str, Any] | None:
        """Execute the module body (check() first). Returns an error dict, or None when ready."""
        job = self.job
        if self.code is None:
            err = self.check()
            if err is not None:
                return err
        ns: dict[str, Any] = {"__name__": "submission", "__builtins__": builtins}
        if self.custom and "setup" in self.custom:
            self.custom["setup"](ns)
        if job.get("recursion_limit"):  # the depth the statement promises (trees and lists up to its sizes)
            sys.setrecursionlimit(int(job["recursion_limit"]))
        code, self.code = self.code, None
        saved = sys.stdout, sys.stderr
        sys.stdout = sys.stderr = self.out
        try:
            exec(code, ns)
        except BaseException as exc:  # noqa: BLE001 - the user's module body failed
            err = classify(exc)
            err["stdout"] = self.out.take()
            return err
        finally:
            sys.stdout, sys.stderr = saved
        entry = ns.get(job["entry"])
        if entry is None:
            return {"verdict": "invalid_submission",
                    "message": f"your code does not define `{job['entry']}` (the statement's signature: {job['signature']})",
                    "stdout": self.out.take()}
        self.entry = entry
        return None

    def run(self, inputs: dict[str, Any], seed: int) -> tuple[str, dict[str, Any]]:
        saved = sys.stdout, sys.stderr
        sys.stdout = sys.stderr = self.out
        try:
            outputs = harness.run_case(self.entry, inputs, self.spec, self.job["dtype"], seed, self.custom)
            return "result", {"outputs": outputs, "stdout": self.out.take()}
        except BaseException as exc:  # noqa: BLE001
            err = classify(exc)
            err["stdout"] = self.out.take()
            return "error", err
        finally:
            sys.stdout, sys.stderr = saved


def harness_spec(d: dict[str, Any]) -> Any:
    from types import SimpleNamespace

    return SimpleNamespace(
        mode=d.get("mode", "function"), outputs=list(d.get("outputs", ["out"])), grad=list(d.get("grad", [])),
        no_grad=list(d.get("no_grad", [])), param_grad=bool(d.get("param_grad", False)),
    )


def rehearse() -> None:
    """A dry run of a job's first steps on a built-in example, in the spare before its job comes.

    A forked worker shares the zygote's memory until it writes to it, and each first write to a
    page costs a copy (several microseconds on a virtual machine). Decoding, compiling, scanning,
    calling and encoding touch the same interpreter and allocator pages whatever the job, so
    touching them here takes about a millisecond off every job. Trusted code on trusted data;
    nothing it leaves behind is used."""
    import numpy as np

    src = "def rehearsal(x, y):\n    return [v * 2 for v in x], y + 1\n"
    _, msg = wire.decode(wire.encode("case", {"inputs": {"x": [1, 2, 3], "y": np.arange(6.0).reshape(2, 3)},
                                               "seed": 1})[4:])
    compile(src, SUBMISSION_FILE, "exec")
    policy.scan(src, ["attr:sqrt", "math.sqrt", "syntax:pow_fraction"])
    ns: dict[str, Any] = {"__name__": "submission", "__builtins__": builtins}
    exec(compile(src, SUBMISSION_FILE, "exec"), ns)
    spec = harness_spec({"mode": "function", "outputs": ["a", "b"]})
    out = harness.run_case(ns["rehearsal"], msg["inputs"], spec, "float32", 1, None)
    wire.encode("result", {"outputs": out, "stdout": CappedWriter().take()})
    for _, ns in attr_namespaces():
        _has(ns, "sqrt")


def serve(fd: int, apply_job_limits: Any = None) -> None:
    """Worker main loop on the job socket: job, then case after case, until 'bye' or EOF."""
    try:
        rehearse()
    except Exception:  # noqa: BLE001 - only a warm-up: the job itself reports what goes wrong
        pass
    base_seal = HarnessSeal.modules()  # while the spare waits for its job: off the job's clock
    kind, job = wire.recv(fd)
    if kind != "job":
        return
    layers: list[str] = []
    if apply_job_limits is not None:
        layers = apply_job_limits(job)  # final rlimits and seccomp, before any user byte runs
    sub = Submission(job, base_seal)
    err = sub.check()
    # bound now, before any user code: locals of this frame, out of reach of gc and attribute tricks
    run_case, seal, intact, intact_code = Submission.run, sub.seal, seal_intact, seal_intact.__code__
    # the last word of trusted code: nothing submitted has run yet, so the controller believes
    # these layers and a refusal here, and nothing the worker says after it
    wire.send(fd, "checked", {"layers": layers, "error": err})
    if err is not None:
        return
    install_guards(job.get("guards", []))
    err = sub.setup()
    if err is not None:
        wire.send(fd, "setup_error", err)
        return
    wire.send(fd, "ready", {})
    while True:
        try:
            kind, msg = wire.recv(fd)
        except EOFError:
            return
        if kind != "case":
            return
        t0 = time.perf_counter()
        kind, body = run_case(sub, msg["inputs"], msg["seed"])  # the class's own run, bound before user code
        if seal is not None and (intact.__code__ is not intact_code or not intact(seal)):  # once per case
            kind, body = "error", {"verdict": "runtime_error", "message": "your code modified the judge's harness"}
        body["worker_ms"] = (time.perf_counter() - t0) * 1000  # informative only: the controller times
        try:
            wire.send(fd, kind, body)
        except wire.WireError as exc:
            wire.send(fd, "error", {"verdict": "wrong_answer", "message": f"the output cannot be read: {exc}",
                                     "stdout": body.get("stdout", "")})
