"""A problem's metadata (`problem.toml`): parsed, validated, with errors that name file and field."""

from __future__ import annotations

import copy
import dataclasses
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

KINDS = ("model", "algo")
DIFFICULTIES = ("easy", "medium", "hard")
HARNESS_MODES = ("function", "module", "custom")
VERDICTS = (
    "accepted",
    "wrong_answer",
    "runtime_error",
    "time_limit_exceeded",
    "memory_limit_exceeded",
    "forbidden",
    "invalid_submission",
    "judge_error",
)
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
CATALOGUE_RE = re.compile(r"^[KRCBA]\d{2}$")
FLOAT_DTYPES = ("float32", "float64")

TOP_KEYS = {
    "id", "title", "kind", "difficulty", "tags", "catalogue", "entry", "signature",
    "time_limit_ms", "memory_limit_mb", "dtype", "forbidden", "tolerance", "harness",
    "complexity", "wrong", "leetcode", "recursion_limit", "set",
}
SET_KEYS = {"name", "row", "section"}
GUIDE_FILES = ("hints.zh.md", "hints.en.md", "solution.zh.md", "solution.en.md")


class ProblemError(Exception):
    """A problem folder is malformed; the message names the file and the field."""


@dataclass
class Harness:
    mode: str = "function"
    outputs: list[str] = field(default_factory=lambda: ["out"])
    grad: list[str] = field(default_factory=list)  # inputs whose gradients are compared
    no_grad: list[str] = field(default_factory=list)  # float inputs that must receive no gradient
    param_grad: bool = False  # module mode: compare every parameter's gradient


@dataclass
class Complexity:
    expected: str  # label shown to the user, e.g. "n log n"
    exponent: float  # expected growth exponent of time in n (1 for n log n and n)
    factor: float = 6.0  # sized cases: limit = max(time_limit_ms, factor x reference CPU time)
    floor_ms: float = 300.0  # read for older folders; the judge uses the statement's time_limit_ms


@dataclass
class Wrong:
    file: str
    expect: str
    why: str


@dataclass
class SetEntry:
    """Where a problem sits in a named study set (e.g. row 12 of LeetCode Hot 100)."""

    name: str  # "hot100"
    row: int  # position in the set's own order, from 1
    section: str  # the set's section label, e.g. "哈希 hashing"


@dataclass
class Problem:
    id: str
    path: Path
    title: dict[str, str]
    kind: str
    difficulty: str
    tags: list[str]
    catalogue: list[str]
    entry: str
    signature: str
    time_limit_ms: float
    memory_limit_mb: int
    dtype: str
    forbidden: list[str]
    rtol: float
    atol: float
    harness: Harness
    complexity: Complexity | None
    wrong: list[Wrong]
    leetcode: int | None = None  # LeetCode's problem number: `lc<N>` is an alias of the id
    recursion_limit: int | None = None  # sys.setrecursionlimit for the reference and the worker
    set: SetEntry | None = None

    @property
    def set_name(self) -> str | None:
        return self.set.name if self.set else None

    @property
    def set_row(self) -> int | None:
        return self.set.row if self.set else None

    @property
    def set_section(self) -> str | None:
        return self.set.section if self.set else None

    def wrong_source(self, wrong: "Wrong") -> str:
        """The code of a known-wrong solution: a .py file, or a .diff applied to reference.py."""
        text = (self.path / wrong.file).read_text(encoding="utf-8")
        if wrong.file.endswith(".diff"):
            from .patch import PatchError, apply_unified_diff

            try:
                return apply_unified_diff(self.reference_source(), text)
            except PatchError as exc:
                raise ProblemError(f"{self.path / wrong.file}: {exc}") from None
        return text

    def statement(self, lang: str) -> str:
        return (self.path / f"statement.{lang}.md").read_text(encoding="utf-8")

    def stub(self) -> str:
        return (self.path / "stub.py").read_text(encoding="utf-8")

    def reference_source(self) -> str:
        return (self.path / "reference.py").read_text(encoding="utf-8")

    def harness_source(self) -> str | None:
        p = self.path / "harness.py"
        return p.read_text(encoding="utf-8") if p.exists() else None

    def summary(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": dict(self.title),
            "kind": self.kind,
            "difficulty": self.difficulty,
            "tags": list(self.tags),
            "catalogue": list(self.catalogue),
            "leetcode": self.leetcode,
            "set": None if self.set is None else {"name": self.set.name, "row": self.set.row, "section": self.set.section},
        }


# folder -> (key, Problem). The warm service loads the same problem on every request; parsing its
# TOML and checking its files cost about 1.5 ms, most of a tiny problem's budget. The key changes
# when problem.toml or the entries of the folder or of its wrong/ change; the files read later
# (reference.py, cases.py, ...) are read when used, so edits to them need no notice here.
_LOADED: dict[str, tuple[tuple[int, int, int, int], Problem]] = {}


def load_problem(folder: Path) -> Problem:
    folder = Path(folder)
    try:
        st, dst = (folder / "problem.toml").stat(), folder.stat()
        try:
            wst = (folder / "wrong").stat().st_mtime_ns  # a known-wrong file removed or added
        except FileNotFoundError:
            wst = 0
        key = (st.st_mtime_ns, st.st_size, dst.st_mtime_ns, wst)
    except OSError:
        key = None
    hit = _LOADED.get(str(folder)) if key is not None else None
    if hit is not None and hit[0] == key:
        return _copy(hit[1])
    problem = _load_problem(folder)
    if key is not None:
        _LOADED[str(folder)] = (key, _copy(problem))
    return problem


def _copy(p: Problem) -> Problem:
    """A copy a caller may edit without changing the cached one: its own object and containers
    (the nested records, Harness, Complexity, Wrong and SetEntry, are copied one level down)."""
    return dataclasses.replace(
        p, title=dict(p.title), tags=list(p.tags), catalogue=list(p.catalogue), forbidden=list(p.forbidden),
        harness=copy.deepcopy(p.harness), complexity=copy.copy(p.complexity), wrong=[copy.copy(w) for w in p.wrong],
        set=copy.copy(p.set),
    )


def _load_problem(folder: Path) -> Problem:
    toml_path = folder / "problem.toml"
    where = str(toml_path)
    try:
        data = tomllib.loads(toml_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ProblemError(f"{where}: missing (every problem folder needs a problem.toml)") from None
    except tomllib.TOMLDecodeError as exc:
        raise ProblemError(f"{where}: not valid TOML: {exc}") from None

    def need(key: str, typ: type | tuple[type, ...], table: dict = data, prefix: str = "") -> Any:
        if key not in table:
            raise ProblemError(f"{where}: missing field '{prefix}{key}'")
        value = table[key]
        if not isinstance(value, typ):
            raise ProblemError(f"{where}: field '{prefix}{key}' has the wrong type ({type(value).__name__})")
        return value

    unknown = set(data) - TOP_KEYS
    if unknown:
        raise ProblemError(f"{where}: unknown field(s) {sorted(unknown)}; allowed: {sorted(TOP_KEYS)}")

    pid = need("id", str)
    if pid != folder.name:
        raise ProblemError(f"{where}: id '{pid}' must equal the folder name '{folder.name}'")
    if not ID_RE.match(pid):
        raise ProblemError(f"{where}: id '{pid}' must be kebab-case")
    title = need("title", dict)
    for lang in ("zh", "en"):
        if not isinstance(title.get(lang), str) or not title[lang].strip():
            raise ProblemError(f"{where}: title.{lang} is missing")
    kind = need("kind", str)
    if kind not in KINDS:
        raise ProblemError(f"{where}: kind must be one of {KINDS}, not '{kind}'")
    difficulty = need("difficulty", str)
    if difficulty not in DIFFICULTIES:
        raise ProblemError(f"{where}: difficulty must be one of {DIFFICULTIES}")
    tags = need("tags", list)
    catalogue = need("catalogue", list)
    for c in catalogue:
        if not isinstance(c, str) or not CATALOGUE_RE.match(c):
            raise ProblemError(f"{where}: catalogue id {c!r} is not like 'C10'")
    entry = need("entry", str)
    if not entry.isidentifier():
        raise ProblemError(f"{where}: entry '{entry}' is not a Python identifier")
    signature = need("signature", str)
    time_limit_ms = float(need("time_limit_ms", (int, float)))
    memory_limit_mb = int(need("memory_limit_mb", int))
    dtype = data.get("dtype", "float32")
    if dtype not in FLOAT_DTYPES:
        raise ProblemError(f"{where}: dtype must be one of {FLOAT_DTYPES}")
    forbidden = data.get("forbidden", [])
    if not all(isinstance(f, str) for f in forbidden):
        raise ProblemError(f"{where}: forbidden must be a list of strings")
    tol = data.get("tolerance", {})
    rtol = float(tol.get("rtol", 1e-4))
    atol = float(tol.get("atol", 1e-5))

    h = data.get("harness", {})
    unknown = set(h) - {"mode", "outputs", "grad", "no_grad", "param_grad"}
    if unknown:
        raise ProblemError(f"{where}: unknown harness field(s) {sorted(unknown)}")
    harness = Harness(
        mode=h.get("mode", "function"),
        outputs=list(h.get("outputs", ["out"])),
        grad=list(h.get("grad", [])),
        no_grad=list(h.get("no_grad", [])),
        param_grad=bool(h.get("param_grad", False)),
    )
    if harness.mode not in HARNESS_MODES:
        raise ProblemError(f"{where}: harness.mode must be one of {HARNESS_MODES}")
    if harness.mode == "custom" and not (folder / "harness.py").exists():
        raise ProblemError(f"{where}: harness.mode = 'custom' needs a harness.py beside it")

    complexity = None
    if "complexity" in data:
        c = data["complexity"]
        complexity = Complexity(
            expected=need("expected", str, c, "complexity."),
            exponent=float(need("exponent", (int, float), c, "complexity.")),
            factor=float(c.get("factor", 6.0)),
            floor_ms=float(c.get("floor_ms", 300.0)),
        )

    wrongs = []
    for i, w in enumerate(data.get("wrong", [])):
        file = need("file", str, w, f"wrong[{i}].")
        expect = need("expect", str, w, f"wrong[{i}].")
        why = need("why", str, w, f"wrong[{i}].")
        if expect not in VERDICTS or expect in ("accepted", "judge_error"):
            raise ProblemError(f"{where}: wrong[{i}].expect '{expect}' must be a rejecting verdict")
        if not (folder / file).is_file():
            raise ProblemError(f"{where}: wrong[{i}].file '{file}' does not exist")
        if not (file.endswith(".py") or file.endswith(".diff")):
            raise ProblemError(f"{where}: wrong[{i}].file '{file}' must be a .py file or a .diff against reference.py")
        wrongs.append(Wrong(file, expect, why))

    leetcode = data.get("leetcode")
    if leetcode is not None and (not isinstance(leetcode, int) or isinstance(leetcode, bool) or leetcode < 1):
        raise ProblemError(f"{where}: leetcode must be a positive integer (the LeetCode problem number)")
    recursion_limit = data.get("recursion_limit")
    if recursion_limit is not None and (
        not isinstance(recursion_limit, int) or isinstance(recursion_limit, bool) or not 1000 <= recursion_limit <= 100_000
    ):
        raise ProblemError(f"{where}: recursion_limit must be an integer from 1000 to 100000")
    set_entry = None
    if "set" in data:
        st = need("set", dict)
        unknown = set(st) - SET_KEYS
        if unknown:
            raise ProblemError(f"{where}: unknown set field(s) {sorted(unknown)}; allowed: {sorted(SET_KEYS)}")
        name = need("name", str, st, "set.")
        row = need("row", int, st, "set.")
        section = need("section", str, st, "set.")
        if not ID_RE.match(name) or row < 1 or not section.strip():
            raise ProblemError(f"{where}: set needs a kebab-case name, a row >= 1 and a section")
        set_entry = SetEntry(name, row, section)

    for name in ("statement.zh.md", "statement.en.md", "stub.py", "reference.py", "cases.py"):
        if not (folder / name).is_file():
            raise ProblemError(f"{folder}: missing {name}")
    for name in GUIDE_FILES:  # their content is checked by tests/test_guides.py
        if not (folder / name).is_file():
            raise ProblemError(f"{folder}: missing {name} (hints and worked solution, both languages: "
                               "see docs/problem-format.md)")

    return Problem(
        id=pid, path=folder, title=dict(title), kind=kind, difficulty=difficulty, tags=list(tags),
        catalogue=list(catalogue), entry=entry, signature=signature, time_limit_ms=time_limit_ms,
        memory_limit_mb=memory_limit_mb, dtype=dtype, forbidden=list(forbidden), rtol=rtol, atol=atol,
        harness=harness, complexity=complexity, wrong=wrongs, leetcode=leetcode,
        recursion_limit=recursion_limit, set=set_entry,
    )
