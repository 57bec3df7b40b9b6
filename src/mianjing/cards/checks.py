"""Find and run the checks a card names: functions in its topic folder's `checks.py`.

Finding is static (the file is parsed, not imported), so validating cards never imports torch.
Running imports the file by path, once per process, and calls the function: it passes when the
call returns, and fails with the assertion's message (or the exception) when it raises.
"""

from __future__ import annotations

import ast
import importlib.util
import sys
import time
import traceback
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType

CHECKS_FILE = "checks.py"


@dataclass(frozen=True)
class CheckDef:
    name: str
    line: int
    required_args: int  # a check must take none


@dataclass
class CheckResult:
    topic: str
    name: str
    ok: bool
    message: str
    seconds: float

    def to_dict(self) -> dict:
        return {
            "topic": self.topic,
            "check": self.name,
            "ok": self.ok,
            "message": self.message,
            "seconds": round(self.seconds, 3),
        }


class ChecksFileError(Exception):
    """A topic's checks.py cannot be read or parsed."""


def checks_path(topic_dir: Path) -> Path:
    return Path(topic_dir) / CHECKS_FILE


_DEF_CACHE: dict[tuple[Path, float], dict[str, CheckDef]] = {}


def defined_checks(path: Path) -> dict[str, CheckDef]:
    """Top-level functions of a checks.py, by name, without importing it."""
    path = Path(path).resolve()
    key = (path, path.stat().st_mtime)
    if key in _DEF_CACHE:
        return _DEF_CACHE[key]
    try:
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    except SyntaxError as exc:
        raise ChecksFileError(f"{path}: syntax error on line {exc.lineno}: {exc.msg}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise ChecksFileError(f"{path}: cannot be read ({exc})") from None
    found = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef):
            a = node.args
            positional = a.posonlyargs + a.args
            required = len(positional) - len(a.defaults)
            required += sum(1 for d in a.kw_defaults if d is None)
            found[node.name] = CheckDef(node.name, node.lineno, required)
    _DEF_CACHE[key] = found
    return found


_MODULES: dict[Path, ModuleType] = {}


def load_module(path: Path) -> ModuleType:
    """Import a topic's checks.py by path, under a name that cannot clash with real modules."""
    path = Path(path).resolve()
    if path in _MODULES:
        return _MODULES[path]
    name = f"_mianjing_card_checks_{path.parent.name.replace('-', '_')}_{abs(hash(str(path))):x}"
    spec = importlib.util.spec_from_file_location(name, path)
    if spec is None or spec.loader is None:
        raise ChecksFileError(f"{path}: cannot be imported")
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        del sys.modules[name]
        raise
    _MODULES[path] = module
    return module


def run_check(topic_dir: Path, name: str) -> CheckResult:
    """Run one named check of a topic. Never raises for a failing check: the result says why."""
    topic_dir = Path(topic_dir)
    topic = topic_dir.name
    path = checks_path(topic_dir)
    start = time.perf_counter()
    if not path.is_file():
        return CheckResult(topic, name, False, f"{path} does not exist", 0.0)
    try:
        module = load_module(path)
    except Exception as exc:  # an import error in checks.py fails every check of the topic
        return CheckResult(topic, name, False, f"importing {path} failed: {_describe(exc)}",
                           time.perf_counter() - start)
    fn = getattr(module, name, None)
    if not callable(fn):
        return CheckResult(topic, name, False, f"{path} has no function {name}()", 0.0)
    start = time.perf_counter()
    try:
        fn()
    except AssertionError as exc:
        msg = str(exc) or "assertion failed"
        return CheckResult(topic, name, False, f"claim is false: {msg} ({_where(exc, path)})",
                           time.perf_counter() - start)
    except Exception as exc:
        return CheckResult(topic, name, False, f"check raised {_describe(exc)} ({_where(exc, path)})",
                           time.perf_counter() - start)
    return CheckResult(topic, name, True, "ok", time.perf_counter() - start)


def _describe(exc: BaseException) -> str:
    text = str(exc)
    return f"{type(exc).__name__}: {text}" if text else type(exc).__name__


def _where(exc: BaseException, path: Path) -> str:
    """The deepest frame inside checks.py, as `checks.py:LINE`."""
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if Path(f.filename).resolve() == path.resolve()]
    if frames:
        return f"{path.name}:{frames[-1].lineno}"
    return path.name
