""""From scratch" rules: a static scan of the source, in the controller, before anything runs.

A forbidden entry is one of:
  "torch.nn.functional.layer_norm"   a dotted name, matched after resolving import aliases
                                     (`import torch.nn.functional as F; F.layer_norm` matches)
  "attr:sqrt"                        any attribute or bare name `sqrt` (math.sqrt, x.sqrt(), np.sqrt)
  "syntax:pow_fraction"              `x ** 0.5`, `x ** (1/2)` and other fractional powers
Code can always hide a call from a scan (getattr with built strings), so the worker also guards the
named functions, and the behaviour tests carry the real weight.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass


@dataclass(frozen=True)
class Violation:
    rule: str
    line: int
    text: str

    def message(self) -> str:
        return f"line {self.line}: `{self.text}` is not allowed in this problem (rule: {self.rule})"


def _dotted(node: ast.AST) -> str | None:
    parts = []
    while isinstance(node, ast.Attribute):
        parts.append(node.attr)
        node = node.value
    if isinstance(node, ast.Name):
        parts.append(node.id)
        return ".".join(reversed(parts))
    return None


def _is_fraction(node: ast.AST) -> bool:
    if isinstance(node, ast.Constant) and isinstance(node.value, float):
        return not float(node.value).is_integer()
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Div):
        return True
    if isinstance(node, ast.UnaryOp):
        return _is_fraction(node.operand)
    return False


def scan(source: str, forbidden: list[str]) -> list[Violation]:
    """Return the violations found (empty if none). The source must already compile."""
    if not forbidden:
        return []
    tree = ast.parse(source)
    dotted_rules = [f for f in forbidden if ":" not in f]
    attr_rules = {f.split(":", 1)[1] for f in forbidden if f.startswith("attr:")}
    syntax_rules = {f.split(":", 1)[1] for f in forbidden if f.startswith("syntax:")}

    aliases: dict[str, str] = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for a in node.names:
                aliases[a.asname or a.name.split(".")[0]] = a.name if a.asname else a.name.split(".")[0]
        elif isinstance(node, ast.ImportFrom) and node.module:
            for a in node.names:
                aliases[a.asname or a.name] = f"{node.module}.{a.name}"

    def resolve(name: str) -> str:
        head, _, rest = name.partition(".")
        base = aliases.get(head, head)
        return f"{base}.{rest}" if rest else base

    called = {n.func.id for n in ast.walk(tree) if isinstance(n, ast.Call) and isinstance(n.func, ast.Name)}
    found: list[Violation] = []
    lines = source.splitlines()

    def text(node: ast.AST) -> str:
        ln = getattr(node, "lineno", 1)
        return lines[ln - 1].strip()[:100] if 0 < ln <= len(lines) else ""

    for node in ast.walk(tree):
        if isinstance(node, (ast.Attribute, ast.Name)):
            d = _dotted(node)
            if d:
                full = resolve(d)
                for rule in dotted_rules:
                    if full == rule or full.startswith(rule + "."):
                        found.append(Violation(rule, node.lineno, text(node)))
            leaf = node.attr if isinstance(node, ast.Attribute) else node.id
            # a bare name counts only when it was imported or is called (a variable named `exp` is fine)
            if leaf in attr_rules and (isinstance(node, ast.Attribute) or leaf in aliases or leaf in called):
                found.append(Violation(f"attr:{leaf}", node.lineno, text(node)))
        if isinstance(node, ast.Import):
            for a in node.names:
                for rule in dotted_rules:
                    if a.name == rule or a.name.startswith(rule + "."):
                        found.append(Violation(rule, node.lineno, text(node)))
        if isinstance(node, (ast.ImportFrom,)) and node.module:
            for a in node.names:
                full = f"{node.module}.{a.name}"
                for rule in dotted_rules:
                    if full == rule or full.startswith(rule + ".") or node.module == rule \
                            or node.module.startswith(rule + "."):
                        found.append(Violation(rule, node.lineno, text(node)))
                if a.name in attr_rules:
                    found.append(Violation(f"attr:{a.name}", node.lineno, text(node)))
        if "pow_fraction" in syntax_rules:
            if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Pow) and _is_fraction(node.right):
                found.append(Violation("syntax:pow_fraction", node.lineno, text(node)))
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "pow" \
                    and len(node.args) >= 2 and _is_fraction(node.args[1]):
                found.append(Violation("syntax:pow_fraction", node.lineno, text(node)))
    # one report per line and rule
    uniq = {(v.rule, v.line): v for v in found}
    return sorted(uniq.values(), key=lambda v: v.line)


def guard_targets(forbidden: list[str]) -> list[str]:
    """What the worker replaces with a function that raises: dotted names, and "attr:" names in
    the namespaces a computed getattr reaches (see worker.ATTR_NAMESPACES)."""
    return [f for f in forbidden if ":" not in f or f.startswith("attr:")]
