"""Mutation testing of a problem's reference: how strong are its cases, measured.

We make small, plausible mistakes in `reference.py` (one per mutant), judge each mutant as a
submission, and count how many the cases reject ("killed"). A mutant that is accepted ("survived")
is either equivalent to the reference (listed with a reason in the problem's
`equivalent_mutants.toml`) or a hole in the cases.

Why our own `ast` mutator and not mutmut or cosmic-ray: those mutate a package in place and run a
test command (pytest) per mutant; our unit under test is a single reference file judged through the
sandboxed worker over seeded cases, and what counts as "killed" is a judge verdict. Generating the
mutants from the syntax tree and handing their source to the judge fits that flow in ~300 lines and
lets us add mistakes specific to PyTorch code (`.detach()`, `no_grad`, `-inf` masks, dims).

Each mutant replaces one source span (or inserts one line), so the judged code keeps the reference's
comments and the diff shows exactly the mistake.
"""

from __future__ import annotations

import ast
import difflib
import hashlib
import random
import tomllib
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Iterator

EQUIVALENT_FILE = "equivalent_mutants.toml"

# The mutation kinds, in the order reports list them.
KINDS = (
    "arith-op", "compare-op", "bool-op", "unary-drop", "constant", "inf-large", "detach-removed",
    "detach-added", "no-grad-removed", "no-grad-added", "swap-args", "swap-operands", "dim",
    "drop-term", "slice-off-by-one", "range-off-by-one", "min-max-swap", "reduce-swap", "bool-const",
)

_ARITH = {ast.Add: ast.Sub, ast.Sub: ast.Add, ast.Mult: ast.Div, ast.Div: ast.Mult, ast.FloorDiv: ast.Div,
          ast.Mod: ast.FloorDiv, ast.Pow: ast.Mult, ast.MatMult: ast.Mult, ast.LShift: ast.RShift,
          ast.RShift: ast.LShift, ast.BitAnd: ast.BitOr, ast.BitOr: ast.BitAnd, ast.BitXor: ast.BitOr}
_COMPARE = {ast.Lt: (ast.LtE, ast.Gt), ast.LtE: (ast.Lt, ast.GtE), ast.Gt: (ast.GtE, ast.Lt),
            ast.GtE: (ast.Gt, ast.LtE), ast.Eq: (ast.NotEq,), ast.NotEq: (ast.Eq,), ast.Is: (ast.IsNot,),
            ast.IsNot: (ast.Is,), ast.In: (ast.NotIn,), ast.NotIn: (ast.In,)}
_SYMBOL = {ast.Add: "+", ast.Sub: "-", ast.Mult: "*", ast.Div: "/", ast.FloorDiv: "//", ast.Mod: "%",
           ast.Pow: "**", ast.MatMult: "@", ast.LShift: "<<", ast.RShift: ">>", ast.BitAnd: "&", ast.BitOr: "|",
           ast.BitXor: "^"}
_NON_COMMUTATIVE = (ast.Sub, ast.Div, ast.FloorDiv, ast.MatMult, ast.Pow, ast.Mod)
_MIN_MAX = {"max": "min", "min": "max", "maximum": "minimum", "minimum": "maximum", "amax": "amin",
            "amin": "amax", "argmax": "argmin", "argmin": "argmax", "clamp_min": "clamp_max",
            "clamp_max": "clamp_min", "cummax": "cummin", "cummin": "cummax"}
_SYMMETRIC = {"transpose", "swapaxes", "swapdims", "maximum", "minimum", "max", "min", "add", "mul", "hypot"}
_GRAD_KINDS = {"detach-removed", "detach-added", "no-grad-removed", "no-grad-added"}
_NAME_SWAP = {"max": "min", "min": "max", "bisect_left": "bisect_right", "bisect_right": "bisect_left"}
_REDUCE = {"sum": "mean", "mean": "sum"}
_DIM_KEYWORDS = {"dim", "axis", "dim0", "dim1", "start_dim", "end_dim"}
_DIM_METHODS = {"transpose", "softmax", "log_softmax", "cumsum", "unsqueeze", "squeeze", "flatten", "size",
                "chunk", "split", "cat", "stack", "argmax", "amax", "sum", "mean", "gather", "topk"}
_LARGE = 1e4  # a "large finite" stand-in for -inf in masks, and the threshold for "large constant"


@dataclass
class Mutant:
    kind: str
    line: int
    change: str  # "a < b -> a <= b"
    source: str
    id: str = ""  # short hash of the normalised mutant: stable while the reference does not change

    def diff(self, original: str) -> str:
        lines = difflib.unified_diff(original.splitlines(keepends=True), self.source.splitlines(keepends=True),
                                     "reference.py", "mutant.py", n=1)
        return "".join(lines)


@dataclass
class _Edit:
    kind: str
    line: int
    col: int  # byte offsets, as ast gives them
    end_line: int
    end_col: int
    text: str  # replacement text; for an insertion (line == end_line, col == end_col == -1) a whole line
    change: str


def normalise(source: str) -> str:
    """The source as ast sees it: comments, layout and redundant parentheses gone."""
    return ast.unparse(ast.parse(source))


def _seg(lines: list[bytes], node: ast.AST) -> str:
    first, last = node.lineno - 1, node.end_lineno - 1  # type: ignore[attr-defined]
    if first == last:
        return lines[first][node.col_offset:node.end_col_offset].decode()  # type: ignore[attr-defined]
    parts = [lines[first][node.col_offset:]] + lines[first + 1:last] + [lines[last][:node.end_col_offset]]  # type: ignore[attr-defined]
    return b"".join(parts).decode()


def _wrap(text: str, node: ast.AST | None = None) -> str:
    """Parenthesise a replacement unless it is an atom; parentheses are always safe in expressions."""
    if node is not None and isinstance(node, (ast.Name, ast.Attribute, ast.Call, ast.Subscript)):
        return text
    if isinstance(node, ast.Constant) and not (isinstance(node.value, (int, float)) and node.value < 0):
        return text
    return f"({text})"


def _const_text(value: float | int) -> str:
    if isinstance(value, float) and value == float("inf"):
        return "float('inf')"
    if isinstance(value, float) and value == float("-inf"):
        return "float('-inf')"
    return repr(value) if value >= 0 else f"({value!r})"


def _is_inf(node: ast.AST) -> int:
    """+1 for an expression spelling +inf, -1 for -inf, 0 otherwise."""
    sign = 1
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        sign, node = -1, node.operand
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "float" and node.args \
            and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str):
        text = node.args[0].value.strip().lower()
        if text in ("inf", "+inf", "infinity"):
            return sign
        if text in ("-inf", "-infinity"):
            return -sign
    if isinstance(node, ast.Attribute) and node.attr == "inf":
        return sign
    return 0


def _skip_positions(tree: ast.Module) -> set[int]:
    """ids of nodes that must not be mutated: annotations, default values, docstrings, imports,
    f-string parts."""
    skip: set[int] = set()

    def mark(node: ast.AST | None) -> None:
        if node is not None:
            skip.update(id(n) for n in ast.walk(node))

    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            mark(node.returns)
            # default values come from the stub's signature, which the candidate is given, not writes
            for default in node.args.defaults + [d for d in node.args.kw_defaults if d is not None]:
                mark(default)
            for a in node.args.args + node.args.kwonlyargs + node.args.posonlyargs:
                mark(a.annotation)
            for a in (node.args.vararg, node.args.kwarg):
                if a is not None:
                    mark(a.annotation)
        elif isinstance(node, ast.AnnAssign):
            mark(node.annotation)
        elif isinstance(node, ast.JoinedStr):
            mark(node)
        elif isinstance(node, (ast.Import, ast.ImportFrom, ast.Global, ast.Nonlocal)):
            mark(node)
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.ClassDef, ast.AsyncFunctionDef)) and node.body \
                and isinstance(node.body[0], ast.Expr) and isinstance(node.body[0].value, ast.Constant):
            mark(node.body[0])
    return skip


def _edits(tree: ast.Module, lines: list[bytes], uses_torch: bool) -> Iterator[_Edit]:
    skip = _skip_positions(tree)

    def rep(kind: str, node: ast.AST, text: str, change: str) -> _Edit:
        return _Edit(kind, node.lineno, node.col_offset, node.end_lineno, node.end_col_offset, text, change)  # type: ignore[attr-defined]

    parents: dict[int, ast.AST] = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[id(child)] = node

    for node in ast.walk(tree):
        if id(node) in skip or not hasattr(node, "lineno"):
            continue
        if isinstance(node, ast.BinOp):
            left, right = _seg(lines, node.left), _seg(lines, node.right)
            op = _ARITH.get(type(node.op))
            whole = _seg(lines, node)
            if op is not None:
                sym = _SYMBOL[op]
                new_text = f"{_wrap(left, node.left)} {sym} {_wrap(right, node.right)}"
                yield rep("arith-op", node, new_text, f"{whole} -> {new_text}")
            if isinstance(node.op, _NON_COMMUTATIVE):
                yield rep("swap-operands", node, _wrap(ast.unparse(ast.BinOp(node.right, node.op, node.left))),
                          f"{whole} -> operands swapped")
            if isinstance(node.op, (ast.Add, ast.Sub, ast.Mult, ast.Div)):
                yield rep("drop-term", node, _wrap(left, node.left), f"{whole} -> {left}")
                if isinstance(node.op, (ast.Add, ast.Mult)):
                    yield rep("drop-term", node, _wrap(right, node.right), f"{whole} -> {right}")
        elif isinstance(node, ast.AugAssign):
            op = _ARITH.get(type(node.op))
            if op is not None:
                # rewrite the whole statement: target op= value
                stmt = ast.AugAssign(node.target, op(), node.value)
                yield rep("arith-op", node, ast.unparse(stmt), f"{_seg(lines, node)} -> {ast.unparse(stmt)}")
        elif isinstance(node, ast.Compare) and len(node.ops) == 1:
            for op in _COMPARE.get(type(node.ops[0]), ()):
                new = ast.Compare(node.left, [op()], node.comparators)
                yield rep("compare-op", node, _wrap(ast.unparse(new)), f"{_seg(lines, node)} -> {ast.unparse(new)}")
        elif isinstance(node, ast.BoolOp):
            new = ast.BoolOp(ast.Or() if isinstance(node.op, ast.And) else ast.And(), node.values)
            yield rep("bool-op", node, _wrap(ast.unparse(new)), f"{_seg(lines, node)} -> {ast.unparse(new)}")
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, (ast.Not, ast.USub)):
            sign = _is_inf(node)
            if sign:
                yield from _inf_edits(rep, node, sign, lines)
            elif not (isinstance(node.operand, ast.Constant) and isinstance(node.operand.value, (int, float))):
                yield rep("unary-drop", node, _wrap(_seg(lines, node.operand), node.operand),
                          f"{_seg(lines, node)} -> {_seg(lines, node.operand)}")
            else:
                yield from _const_edits(rep, node, -node.operand.value, parents)  # type: ignore[operator]
        elif isinstance(node, ast.Constant):
            if isinstance(node.value, bool):
                yield rep("bool-const", node, str(not node.value), f"{node.value} -> {not node.value}")
            elif isinstance(node.value, (int, float)):
                parent = parents.get(id(node))
                if isinstance(parent, ast.UnaryOp) and isinstance(parent.op, ast.USub):
                    continue  # handled as a negative constant on the UnaryOp
                yield from _const_edits(rep, node, node.value, parents)
        elif isinstance(node, ast.Call):
            yield from _call_edits(rep, node, lines, uses_torch)
        elif isinstance(node, ast.Attribute) and node.attr in _MIN_MAX | _REDUCE:
            parent = parents.get(id(node))
            if isinstance(parent, ast.Call) and parent.func is node:
                kind = "min-max-swap" if node.attr in _MIN_MAX else "reduce-swap"
                other = (_MIN_MAX | _REDUCE)[node.attr]
                yield rep(kind, node, f"{_seg(lines, node.value)}.{other}", f".{node.attr}( -> .{other}(")
        elif isinstance(node, ast.Name) and node.id in _NAME_SWAP and isinstance(node.ctx, ast.Load):
            yield rep("min-max-swap", node, _NAME_SWAP[node.id], f"{node.id}( -> {_NAME_SWAP[node.id]}(")
        elif isinstance(node, ast.Slice):
            yield from _slice_edits(rep, node, lines)
        elif isinstance(node, ast.Assign) and uses_torch and len(node.targets) == 1 \
                and isinstance(node.targets[0], ast.Name) and isinstance(node.value, (ast.BinOp, ast.Call)) \
                and not _is_detach(node.value):
            v = node.value
            yield _Edit("detach-added", v.lineno, v.col_offset, v.end_lineno, v.end_col_offset,  # type: ignore[arg-type]
                        f"({_seg(lines, v)}).detach()", f"{node.targets[0].id} = ... -> ({'...'}).detach()")
        elif isinstance(node, (ast.FunctionDef,)) and uses_torch and not node.name.startswith("_") \
                and not any("no_grad" in ast.unparse(d) for d in node.decorator_list):
            first = node.decorator_list[0].lineno if node.decorator_list else node.lineno
            indent = lines[first - 1][:node.col_offset].decode()
            yield _Edit("no-grad-added", first, -1, first, -1, f"{indent}@torch.no_grad()\n",
                        f"def {node.name} -> @torch.no_grad() def {node.name}")


def _is_detach(node: ast.AST) -> bool:
    return isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "detach"


def _inf_edits(rep: Callable, node: ast.AST, sign: int, lines: list[bytes]) -> Iterator[_Edit]:
    text = _seg(lines, node)
    yield rep("inf-large", node, "0.0", f"{text} -> 0.0")
    yield rep("inf-large", node, _const_text(sign * _LARGE), f"{text} -> {sign * _LARGE:g}")


def _const_edits(rep: Callable, node: ast.AST, value: float | int, parents: dict[int, ast.AST]) -> Iterator[_Edit]:
    parent = parents.get(id(node))
    in_dim = (isinstance(parent, ast.keyword) and parent.arg in _DIM_KEYWORDS) or (
        isinstance(parent, ast.Call) and isinstance(parent.func, ast.Attribute) and parent.func.attr in _DIM_METHODS
        and isinstance(value, int))
    kind = "dim" if in_dim else "constant"
    if abs(value) >= _LARGE:
        kind = "inf-large"
        candidates: list[float | int] = [float("-inf") if value < 0 else float("inf"), 0]
    elif in_dim:
        candidates = [value - 1, value + 1] if value < 0 else [value + 1, value - 1]
    else:
        step = 1 if isinstance(value, int) else 1.0
        candidates = [value + step, value - step, 0, 1, -1]
        if isinstance(value, float) and 0 < abs(value) < 1:
            candidates.insert(0, value * 10)  # eps-like constants: a tenfold change, not only +-1
    seen = {value}
    for c in candidates:
        c = type(value)(c) if not (isinstance(c, float) and abs(c) == float("inf")) else c
        if c in seen:
            continue
        seen.add(c)
        yield rep(kind, node, _const_text(c), f"{_const_text(value)} -> {_const_text(c)}")


def _call_edits(rep: Callable, node: ast.Call, lines: list[bytes], uses_torch: bool) -> Iterator[_Edit]:
    text = _seg(lines, node)
    func = node.func
    sign = _is_inf(node)
    if sign:
        yield from _inf_edits(rep, node, sign, lines)
        return
    if _is_detach(node) and not node.args:
        inner = _seg(lines, func.value)  # type: ignore[attr-defined]
        yield rep("detach-removed", node, _wrap(inner, func.value), f"{text} -> {inner}")  # type: ignore[attr-defined]
    if isinstance(func, ast.Attribute) and func.attr == "no_grad" and not node.args:
        yield rep("no-grad-removed", node, f"{_seg(lines, func.value)}.enable_grad()",
                  f"{text} -> {_seg(lines, func.value)}.enable_grad()")
    positional = [a for a in node.args if not isinstance(a, ast.Starred)]
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    if len(positional) == len(node.args) and len(positional) >= 2:
        a, b = positional[0], positional[1]
        # swapping the arguments of a symmetric call is the same call: never a mistake
        if _seg(lines, a) != _seg(lines, b) and name not in _SYMMETRIC:
            swapped = ast.Call(func, [b, a, *positional[2:]], node.keywords)
            yield rep("swap-args", node, ast.unparse(swapped), f"{text} -> first two arguments swapped")
        if isinstance(func, ast.Attribute) and func.attr in ("clamp", "clip") and len(positional) == 3:
            swapped = ast.Call(func, [positional[0], positional[2], positional[1]], node.keywords)
            yield rep("swap-args", node, ast.unparse(swapped), f"{text} -> bounds swapped")
    if isinstance(func, ast.Name) and func.id == "range" and node.args:
        last = node.args[-1] if len(node.args) <= 2 else node.args[1]
        seg = _seg(lines, last)
        for delta in ("+ 1", "- 1"):
            yield rep("range-off-by-one", last, f"{_wrap(seg, last)} {delta}", f"range(..{seg}) -> range(..{seg} {delta})")


def _slice_edits(rep: Callable, node: ast.Slice, lines: list[bytes]) -> Iterator[_Edit]:
    for bound in (node.lower, node.upper):
        if bound is None:
            continue
        seg = _seg(lines, bound)
        for delta in ("+ 1", "- 1"):
            yield rep("slice-off-by-one", bound, f"{_wrap(seg, bound)} {delta}", f"[{seg}:] -> [{seg} {delta}:]"
                      if bound is node.lower else f"[:{seg}] -> [:{seg} {delta}]")


def _apply(lines: list[bytes], edit: _Edit) -> str:
    out = list(lines)
    if edit.col == -1:  # insert a whole line before edit.line
        out.insert(edit.line - 1, edit.text.encode())
        return b"".join(out).decode()
    first, last = edit.line - 1, edit.end_line - 1
    head, tail = out[first][:edit.col], out[last][edit.end_col:]
    out[first:last + 1] = [head + edit.text.encode() + tail]
    return b"".join(out).decode()


def all_mutants(source: str) -> list[Mutant]:
    """Every distinct mutant of `source` that compiles and differs from it after normalisation."""
    tree = ast.parse(source)
    lines = source.encode().splitlines(keepends=True)
    uses_torch = "torch" in source
    original = normalise(source)
    seen = {original}
    out: list[Mutant] = []
    for edit in _edits(tree, lines, uses_torch):
        mutated = _apply(lines, edit)
        try:
            compile(mutated, "<mutant>", "exec")
            norm = normalise(mutated)
        except (SyntaxError, ValueError):
            continue
        if norm in seen:
            continue
        seen.add(norm)
        mid = hashlib.sha1(norm.encode()).hexdigest()[:10]
        out.append(Mutant(edit.kind, edit.line, edit.change, mutated, mid))
    return out


def select(mutants: list[Mutant], cap: int, salt: str) -> list[Mutant]:
    """At most `cap` mutants, deterministic: round-robin over kinds so every kind is represented,
    each kind's mutants shuffled with a seed derived from `salt` (the problem id)."""
    rng = random.Random(zlib.crc32(salt.encode()))
    by_kind: dict[str, list[Mutant]] = {}
    for m in mutants:
        by_kind.setdefault(m.kind, []).append(m)
    queues = []
    for kind in KINDS:
        group = by_kind.get(kind, [])
        rng.shuffle(group)
        queues.append(group)
    chosen: list[Mutant] = []
    while len(chosen) < cap and any(queues):
        for q in queues:
            if q and len(chosen) < cap:
                chosen.append(q.pop(0))
    return sorted(chosen, key=lambda m: (m.line, m.kind, m.id))


# ---------------------------------------------------------------- equivalent mutants of a problem

class EquivalentError(ValueError):
    pass


def load_equivalent(folder: Path) -> dict[str, str]:
    """`equivalent_mutants.toml`: [[equivalent]] id = "<mutant id>", change = "...", reason = "...".
    Returns id -> reason; a malformed file raises EquivalentError naming the entry."""
    path = folder / EQUIVALENT_FILE
    if not path.exists():
        return {}
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise EquivalentError(f"{path}: {exc}") from None
    unknown = set(data) - {"equivalent"}
    if unknown:
        raise EquivalentError(f"{path}: unknown key(s) {sorted(unknown)}; only [[equivalent]] entries belong here")
    out: dict[str, str] = {}
    for k, entry in enumerate(data.get("equivalent", []), 1):
        mid, reason = entry.get("id"), entry.get("reason")
        if not isinstance(mid, str) or not isinstance(reason, str) or not reason.strip():
            raise EquivalentError(f"{path}: entry {k} needs a string 'id' and a non-empty 'reason'")
        out[mid] = reason.strip()
    return out


# ---------------------------------------------------------------- running

@dataclass
class MutantResult:
    mutant: Mutant
    verdict: str  # the first non-accepted verdict, or "accepted" if it survived every seed
    seed: int | None  # the seed that killed it

    @property
    def killed(self) -> bool:
        # a judge_error is no evidence against the mutant: it stays a survivor, to be looked at
        return self.verdict not in ("accepted", "judge_error")


@dataclass
class ProblemMutation:
    problem: str
    generated: int  # distinct compiling mutants before the cap
    results: list[MutantResult] = field(default_factory=list)
    equivalent: dict[str, str] = field(default_factory=dict)  # id -> reason, from the problem folder
    reference: str = ""

    @property
    def killed(self) -> int:
        return sum(r.killed for r in self.results)

    @property
    def survivors(self) -> list[MutantResult]:
        return [r for r in self.results if not r.killed]

    @property
    def explained(self) -> list[MutantResult]:
        return [r for r in self.survivors if r.mutant.id in self.equivalent]

    @property
    def unexplained(self) -> list[MutantResult]:
        return [r for r in self.survivors if r.mutant.id not in self.equivalent]

    @property
    def score(self) -> float:
        """killed / (judged - equivalent): equivalent mutants cannot be killed, so they do not count."""
        denom = len(self.results) - len(self.explained)
        return 1.0 if denom == 0 else self.killed / denom

    def to_json(self) -> dict[str, Any]:
        return {
            "problem": self.problem, "generated": self.generated, "judged": len(self.results),
            "killed": self.killed, "survived": len(self.survivors), "equivalent": len(self.explained),
            "unexplained": len(self.unexplained), "score": round(self.score, 4),
            "kinds": sorted({r.mutant.kind for r in self.results}),
            "survivors": [{"id": r.mutant.id, "kind": r.mutant.kind, "line": r.mutant.line, "verdict": r.verdict,
                           "change": r.mutant.change, "equivalent": self.equivalent.get(r.mutant.id),
                           "diff": r.mutant.diff(self.reference)} for r in self.survivors],
        }


def checks_gradients(problem: Any) -> bool:
    """Whether the judge can see a gradient of this problem: a custom harness may; the function and
    module harnesses only when problem.toml names grad, no_grad or param_grad."""
    h = getattr(problem, "harness", None)
    if h is None or h.mode == "custom":
        return True
    return bool(h.grad or h.no_grad or h.param_grad)


def mutate_problem(problem: Any, judge: Callable[[str, int], Any], seeds: list[int], cap: int = 30) -> ProblemMutation:
    """judge(code, seed) -> Report. Each selected mutant is judged on the seeds in order until one
    rejects it (one rejection kills it, so later seeds are skipped)."""
    source = problem.reference_source()
    mutants = all_mutants(source)
    if not checks_gradients(problem):  # no gradient is ever looked at: detach/no_grad cannot matter
        mutants = [m for m in mutants if m.kind not in _GRAD_KINDS]
    result = ProblemMutation(problem.id, len(mutants), equivalent=load_equivalent(problem.path), reference=source)
    for m in select(mutants, cap, problem.id):
        verdict, killer = "accepted", None
        for seed in seeds:
            rep = judge(m.source, seed)
            if rep.verdict == "judge_error":  # our fault (a busy machine, a worker that did not start): retry once
                rep = judge(m.source, seed)
            if rep.verdict != "accepted":
                verdict, killer = rep.verdict, seed
                break
        result.results.append(MutantResult(m, verdict, killer))
    return result


def bank_score(results: list[ProblemMutation]) -> tuple[int, int, float]:
    """(killed, killable, score) over all problems."""
    killed = sum(r.killed for r in results)
    killable = sum(len(r.results) - len(r.explained) for r in results)
    return killed, killable, (killed / killable if killable else 1.0)


def markdown_table(results: list[ProblemMutation]) -> str:
    rows = ["| problem | generated | judged | killed | survived | equivalent | score |",
            "|---|---:|---:|---:|---:|---:|---:|"]
    for r in results:
        rows.append(f"| {r.problem} | {r.generated} | {len(r.results)} | {r.killed} | {len(r.survivors)} | "
                    f"{len(r.explained)} | {r.score:.0%} |")
    killed, killable, score = bank_score(results)
    rows.append(f"| **bank** | {sum(r.generated for r in results)} | {sum(len(r.results) for r in results)} | "
                f"{killed} | {sum(len(r.survivors) for r in results)} | {sum(len(r.explained) for r in results)} | "
                f"**{score:.1%}** |")
    return "\n".join(rows) + "\n"
