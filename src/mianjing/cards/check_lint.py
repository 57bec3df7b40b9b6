"""Find checks that cannot fail: static analysis of a topic's `checks.py` (parsed, never imported).

A check proves a card's claim only when it computes the claim from something independent of what
the card states: real tensors, a library's own numbers, a simulation, a configuration it reads.
Three patterns prove nothing, and each is reported as a `Finding`:

- `constant-assert`: an `assert` whose outcome is fixed by the check's own literals. Its operands
  come only from literals, local names bound to literals, builtin and `math` functions and methods
  of such values: `assert 32768 * 4 == 131072`, or a list built from the very rule it is then
  compared against. A call to any other function (a helper, a library), a value updated in a loop or
  changed in place (the state of a simulation), and names bound at module level (a transcribed model
  config, from which the card's formula derives the claim) all count as independent input.
- `shape-only-array`: an array allocated with `zeros/ones/empty/full` only to read back its size or
  shape: `np.zeros(d).size` is `d` dressed up as a computation.
- `optional-import-skip`: an import inside `try` whose `except` swallows the failure, so part of the
  check silently does not run when a package is missing.
"""

from __future__ import annotations

import ast
import builtins
from dataclasses import dataclass
from pathlib import Path

PURE_BUILTINS = frozenset({
    "abs", "all", "any", "bool", "dict", "divmod", "enumerate", "filter", "float", "frozenset", "int",
    "len", "list", "map", "max", "min", "pow", "range", "reversed", "round", "set", "sorted", "str",
    "sum", "tuple", "zip", "complex", "hex", "bin", "oct", "ord", "chr", "format", "repr",
})
PURE_MODULES = frozenset({"math", "fractions", "decimal", "statistics", "operator", "itertools"})
DATA_FREE_CONSTRUCTORS = frozenset({"zeros", "ones", "empty", "full", "zeros_like", "ones_like",
                                    "empty_like", "full_like"})
ARRAY_MODULES = frozenset({"np", "numpy", "torch"})
SHAPE_ATTRS = frozenset({"size", "shape", "ndim", "numel", "dim", "nelement"})


@dataclass(frozen=True)
class Finding:
    path: str
    function: str
    line: int
    kind: str  # constant-assert | shape-only-array | optional-import-skip
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line} {self.function}(): {self.kind}: {self.message}"


def _mutated(target: ast.AST) -> list[str]:
    """The local name whose object a store into `target` changes: x[i] = .., x.a = .. -> x."""
    while isinstance(target, (ast.Subscript, ast.Attribute)):
        target = target.value
        if isinstance(target, ast.Name):
            return [target.id]
    return []


def _mutable_display(node: ast.AST) -> bool:
    """Does this value build a list, dict or set (which a callee could change in place)?"""
    if isinstance(node, ast.BinOp):  # [0] * n
        return _mutable_display(node.left) or _mutable_display(node.right)
    return isinstance(node, (ast.List, ast.Dict, ast.Set, ast.ListComp, ast.DictComp, ast.SetComp))


def _root_name(node: ast.AST) -> list[str]:
    """The local name an expression like x, x[i] or x.attr refers back to."""
    while isinstance(node, (ast.Subscript, ast.Attribute, ast.Starred)):
        node = node.value
    return [node.id] if isinstance(node, ast.Name) else []


def _is_data_free_constructor(node: ast.AST) -> bool:
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr in DATA_FREE_CONSTRUCTORS
            and isinstance(node.func.value, ast.Name) and node.func.value.id in ARRAY_MODULES)


def _targets(target: ast.AST) -> list[str]:
    if isinstance(target, ast.Name):
        return [target.id]
    if isinstance(target, (ast.Tuple, ast.List)):
        return [n for elt in target.elts for n in _targets(elt)]
    if isinstance(target, ast.Starred):
        return _targets(target.value)
    return []  # attribute or subscript targets bind no local name


class _Literalness:
    """Decides whether an expression's value is fixed by literals alone, inside one function."""

    def __init__(self, fn: ast.FunctionDef):
        self.fn = fn
        self.literal: set[str] = set()
        self._solve()

    def _bindings(self) -> list[tuple[list[str], ast.AST | None]]:
        """(names, value) for every local binding; value None means 'not literal': parameters, names
        bound by with/except/import/def, names (re)bound inside a loop body and names mutated in
        place (`x[i] = ...`, `x.append(...)`): those hold the state of a computation, not a literal."""
        found: list[tuple[list[str], ast.AST | None]] = []
        a = self.fn.args
        params = [p.arg for p in a.posonlyargs + a.args + a.kwonlyargs]
        params += [p.arg for p in (a.vararg, a.kwarg) if p is not None]
        found.append((params, None))
        in_loop = {id(n) for loop in ast.walk(self.fn) if isinstance(loop, (ast.For, ast.While, ast.AsyncFor))
                   for stmt in loop.body + loop.orelse for n in ast.walk(stmt)}
        statement_calls = {id(n.value) for n in ast.walk(self.fn) if isinstance(n, ast.Expr)}
        passed: list[str] = []  # names handed to a call that may change them, if they are mutable
        for node in ast.walk(self.fn):
            if isinstance(node, ast.Assign):
                for t in node.targets:
                    found.append((_targets(t), None if id(node) in in_loop else node.value))
                    found.append((_mutated(t), None))
            elif isinstance(node, (ast.AugAssign, ast.AnnAssign)) and node.value is not None:
                # x += v is literal when v is (x's other bindings are checked on their own)
                found.append((_targets(node.target), None if id(node) in in_loop else node.value))
                found.append((_mutated(node.target), None))
            elif isinstance(node, (ast.For, ast.AsyncFor)):
                found.append((_targets(node.target), None if id(node) in in_loop else node.iter))
            elif isinstance(node, ast.comprehension):
                found.append((_targets(node.target), node.iter))
            elif isinstance(node, ast.NamedExpr):
                found.append((_targets(node.target), None))
            elif isinstance(node, (ast.With, ast.AsyncWith)):
                for item in node.items:
                    if item.optional_vars is not None:
                        found.append((_targets(item.optional_vars), None))
            elif isinstance(node, ast.ExceptHandler) and node.name:
                found.append(([node.name], None))
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                found.append(([(al.asname or al.name).split(".")[0] for al in node.names], None))
            elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node is not self.fn:
                found.append(([node.name], None))
            elif isinstance(node, ast.Call):
                # a method called for its effect changes its receiver (x.append(..), x.add(..)), and any
                # call may change a mutable argument (fill(buf)); builtins and math functions do not
                func = node.func
                if isinstance(func, ast.Attribute) and id(node) in statement_calls:
                    found.append((_root_name(func.value), None))
                if not (isinstance(func, ast.Name) and func.id in PURE_BUILTINS) and not (
                        isinstance(func, ast.Attribute) and isinstance(func.value, ast.Name)
                        and func.value.id in PURE_MODULES):
                    for arg in list(node.args) + [k.value for k in node.keywords]:
                        passed.extend(_root_name(arg))
        mutable = {n for a in ast.walk(self.fn) if isinstance(a, (ast.Assign, ast.AnnAssign)) and a.value is not None
                   and _mutable_display(a.value)
                   for t in (a.targets if isinstance(a, ast.Assign) else [a.target]) for n in _targets(t)}
        found.append(([n for n in passed if n in mutable], None))
        # names a nested function reads may be changed through it (closures, hooks)
        for inner in ast.walk(self.fn):
            if inner is not self.fn and isinstance(inner, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
                found.append(([n.id for n in ast.walk(inner) if isinstance(n, ast.Name)], None))
        return found

    def _solve(self) -> None:
        bindings = self._bindings()
        names = {n for ns, _ in bindings for n in ns}
        # a name is literal when every binding of it is literal; iterate to a fixed point from "all literal"
        candidate = set(names)
        while True:
            self.literal = candidate
            bad = set()
            for ns, value in bindings:
                if value is None or not self.is_literal(value):
                    bad.update(ns)
            nxt = candidate - bad
            if nxt == candidate:
                return
            candidate = nxt

    def is_literal(self, node: ast.AST) -> bool:  # noqa: C901 - one case per node type
        if isinstance(node, ast.Constant):
            return True
        if isinstance(node, ast.Name):
            return node.id in self.literal
        if isinstance(node, (ast.BinOp,)):
            return self.is_literal(node.left) and self.is_literal(node.right)
        if isinstance(node, ast.UnaryOp):
            return self.is_literal(node.operand)
        if isinstance(node, ast.BoolOp):
            return all(self.is_literal(v) for v in node.values)
        if isinstance(node, ast.Compare):
            return self.is_literal(node.left) and all(self.is_literal(c) for c in node.comparators)
        if isinstance(node, ast.IfExp):
            return all(self.is_literal(n) for n in (node.test, node.body, node.orelse))
        if isinstance(node, (ast.List, ast.Tuple, ast.Set)):
            return all(self.is_literal(e) for e in node.elts)
        if isinstance(node, ast.Dict):
            return all(k is None or self.is_literal(k) for k in node.keys) and all(self.is_literal(v) for v in node.values)
        if isinstance(node, ast.Starred):
            return self.is_literal(node.value)
        if isinstance(node, (ast.ListComp, ast.SetComp, ast.GeneratorExp)):
            return self._comp_literal(node.generators, [node.elt])
        if isinstance(node, ast.DictComp):
            return self._comp_literal(node.generators, [node.key, node.value])
        if isinstance(node, ast.Subscript):
            return self.is_literal(node.value) and self.is_literal(node.slice)
        if isinstance(node, ast.Slice):
            return all(p is None or self.is_literal(p) for p in (node.lower, node.upper, node.step))
        if isinstance(node, ast.JoinedStr):
            return all(self.is_literal(v) for v in node.values)
        if isinstance(node, ast.FormattedValue):
            return self.is_literal(node.value)
        if isinstance(node, ast.Attribute):
            if node.attr in SHAPE_ATTRS and _is_data_free_constructor(node.value):
                return self._args_literal(node.value)
            if isinstance(node.value, ast.Name) and node.value.id in PURE_MODULES:
                return True  # math.pi, math.e
            return self.is_literal(node.value)
        if isinstance(node, ast.Call):
            return self._call_literal(node)
        return False

    def _comp_literal(self, generators: list[ast.comprehension], results: list[ast.AST]) -> bool:
        return all(self.is_literal(g.iter) and all(self.is_literal(c) for c in g.ifs) for g in generators) \
            and all(self.is_literal(r) for r in results)

    def _args_literal(self, call: ast.Call) -> bool:
        return all(self.is_literal(a) for a in call.args) and all(self.is_literal(k.value) for k in call.keywords)

    def _call_literal(self, call: ast.Call) -> bool:
        func = call.func
        if isinstance(func, ast.Name):
            pure = func.id in PURE_BUILTINS and func.id not in self.literal and hasattr(builtins, func.id)
            return pure and self._args_literal(call)
        if isinstance(func, ast.Attribute):
            if isinstance(func.value, ast.Name) and func.value.id in PURE_MODULES:
                return self._args_literal(call)
            if func.attr in SHAPE_ATTRS and _is_data_free_constructor(func.value):  # torch.zeros(n).numel()
                return self._args_literal(func.value)
            # a method of a literal value: [..].count(x), {..}.values(), "..".format(..)
            return self.is_literal(func.value) and self._args_literal(call)
        return False


def _all_functions(tree: ast.Module) -> list[ast.FunctionDef]:
    return [n for n in ast.walk(tree) if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))]


def _owner(tree: ast.Module) -> dict[ast.AST, str]:
    """Each node -> the name of the top-level function it sits in."""
    owner: dict[ast.AST, str] = {}
    for top in tree.body:
        if isinstance(top, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for node in ast.walk(top):
                owner[node] = top.name
    return owner


def _shape_only_arrays(fn: ast.FunctionDef) -> list[ast.Call]:
    """Data-free constructors whose result is only ever read for its shape."""
    parents = {child: parent for parent in ast.walk(fn) for child in ast.iter_child_nodes(parent)}
    found = []
    uses: dict[str, list[ast.Name]] = {}
    for node in ast.walk(fn):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load):
            uses.setdefault(node.id, []).append(node)

    def shape_read(node: ast.AST) -> bool:
        parent = parents.get(node)
        if isinstance(parent, ast.Attribute) and parent.attr in SHAPE_ATTRS:
            return True
        return isinstance(parent, ast.Call) and isinstance(parent.func, ast.Name) and parent.func.id == "len" \
            and parent.args and parent.args[0] is node

    for node in ast.walk(fn):
        if not _is_data_free_constructor(node):
            continue
        parent = parents.get(node)
        if shape_read(node):
            found.append(node)
        elif isinstance(parent, ast.Assign) and len(parent.targets) == 1 and isinstance(parent.targets[0], ast.Name):
            reads = uses.get(parent.targets[0].id, [])
            if reads and all(shape_read(r) for r in reads):
                found.append(node)
    return found


def _swallowed_imports(fn: ast.FunctionDef) -> list[ast.Try]:
    found = []
    for node in ast.walk(fn):
        if not isinstance(node, ast.Try):
            continue
        imports = any(isinstance(n, (ast.Import, ast.ImportFrom)) for stmt in node.body for n in ast.walk(stmt))
        swallowed = any(not any(isinstance(n, ast.Raise) for n in ast.walk(h)) for h in node.handlers)
        if imports and swallowed:
            found.append(node)
    return found


def lint_source(source: str, path: str = "checks.py") -> list[Finding]:
    tree = ast.parse(source, filename=path)
    functions = _all_functions(tree)
    owner = _owner(tree)
    findings: list[Finding] = []
    for fn in functions:
        where = owner.get(fn, fn.name)
        name = where if where == fn.name else f"{where}.{fn.name}"
        # nodes of functions nested in fn are reported under the nested function, not fn
        nested = {id(n) for inner in ast.walk(fn) if inner is not fn
                  and isinstance(inner, (ast.FunctionDef, ast.AsyncFunctionDef)) for n in ast.walk(inner)}
        lit = _Literalness(fn)
        for node in ast.walk(fn):
            if isinstance(node, ast.Assert) and id(node) not in nested and lit.is_literal(node.test):
                findings.append(Finding(path, name, node.lineno, "constant-assert",
                                        f"`{ast.unparse(node.test)[:80]}` is decided by the check's own literals"))
        for call in _shape_only_arrays(fn):
            if id(call) not in nested:
                findings.append(Finding(path, name, call.lineno, "shape-only-array",
                                        f"`{ast.unparse(call)[:60]}` is allocated only to read its shape back"))
        for node in _swallowed_imports(fn):
            if id(node) not in nested:
                findings.append(Finding(path, name, node.lineno, "optional-import-skip",
                                        "an import failure is swallowed, so part of the check silently does not run"))
    return sorted(findings, key=lambda f: (f.line, f.kind))


def lint_file(path: Path) -> list[Finding]:
    path = Path(path)
    return lint_source(path.read_text(encoding="utf-8"), str(path))


def only_constant_functions(path: Path) -> list[str]:
    """Top-level functions whose every `assert` is a constant-assert: checks that only restate
    constants, with no independent part at all."""
    path = Path(path)
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    constant = {(f.function.split(".")[0], f.line) for f in lint_file(path) if f.kind == "constant-assert"}
    out = []
    for fn in tree.body:
        if isinstance(fn, (ast.FunctionDef, ast.AsyncFunctionDef)):
            lines = [n.lineno for n in ast.walk(fn) if isinstance(n, ast.Assert)]
            if lines and all((fn.name, line) in constant for line in lines):
                out.append(fn.name)
    return out
