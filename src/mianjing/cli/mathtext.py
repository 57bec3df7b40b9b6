"""Formulas in the terminal: LaTeX between `$...$` / `$$...$$` made readable and kept out of Markdown's reach.

rich's Markdown treats a formula as Markdown: `\\,` loses its backslash (an escaped comma), `_..._`
becomes emphasis, so `\\pi_{\\theta_{old}}` prints as `\\pi{\\theta_{old}}`. Here each formula is first
converted where Unicode has a faithful equivalent (Greek letters, operators, arrows, spacing,
`\\frac`, `\\mathbb`, sub- and superscripts that have Unicode forms), everything else is kept exactly
as written (braces, `_{...}` groups, unknown commands, environments), and then every ASCII
punctuation character of the formula is backslash-escaped so that Markdown prints it literally.
Code spans and fenced code blocks are left untouched.
"""

from __future__ import annotations

import re

SYMBOLS = {
    # Greek
    "alpha": "α", "beta": "β", "gamma": "γ", "delta": "δ", "epsilon": "ϵ", "varepsilon": "ε", "zeta": "ζ",
    "eta": "η", "theta": "θ", "vartheta": "ϑ", "iota": "ι", "kappa": "κ", "lambda": "λ", "mu": "μ", "nu": "ν",
    "xi": "ξ", "pi": "π", "rho": "ρ", "sigma": "σ", "tau": "τ", "upsilon": "υ", "phi": "ϕ", "varphi": "φ",
    "chi": "χ", "psi": "ψ", "omega": "ω", "Gamma": "Γ", "Delta": "Δ", "Theta": "Θ", "Lambda": "Λ", "Xi": "Ξ",
    "Pi": "Π", "Sigma": "Σ", "Phi": "Φ", "Psi": "Ψ", "Omega": "Ω",
    # operators and relations
    "times": "×", "cdot": "·", "div": "÷", "pm": "±", "mp": "∓", "approx": "≈", "le": "≤", "leq": "≤",
    "ge": "≥", "geq": "≥", "neq": "≠", "ne": "≠", "equiv": "≡", "sim": "∼", "propto": "∝", "in": "∈",
    "notin": "∉", "subset": "⊂", "subseteq": "⊆", "cup": "∪", "cap": "∩", "sum": "∑", "prod": "∏",
    "int": "∫", "partial": "∂", "nabla": "∇", "infty": "∞", "top": "⊤", "ell": "ℓ", "odot": "⊙",
    "otimes": "⊗", "oplus": "⊕", "star": "⋆", "circ": "∘", "forall": "∀", "exists": "∃", "neg": "¬",
    "land": "∧", "lor": "∨", "cdots": "⋯", "ldots": "…", "dots": "…", "to": "→", "rightarrow": "→",
    "leftarrow": "←", "gets": "←", "Rightarrow": "⇒", "Leftarrow": "⇐", "leftrightarrow": "↔", "mapsto": "↦",
    "lVert": "‖", "rVert": "‖", "lvert": "|", "rvert": "|", "lfloor": "⌊", "rfloor": "⌋", "lceil": "⌈", "rceil": "⌉", "langle": "⟨", "rangle": "⟩", "Vert": "‖",
    "|": "‖", "mid": "|", "lbrace": "{", "rbrace": "}", "{": "{", "}": "}", "%": "%", "_": "_", "#": "#",
    "&": "&",
    # named functions print as their names
    "log": "log", "ln": "ln", "exp": "exp", "max": "max", "min": "min", "arg": "arg", "sin": "sin",
    "cos": "cos", "tan": "tan", "tanh": "tanh", "det": "det", "lim": "lim", "sup": "sup", "inf": "inf",
    "bmod": "mod", "argmax": "argmax", "argmin": "argmin",
    # spacing: a thin space for the small ones
    ",": "\u2009", ";": " ", ":": " ", " ": " ", "!": "", "quad": "  ", "qquad": "    ",
    # sizing only
    "left": "", "right": "", "big": "", "Big": "", "bigg": "", "Bigg": "", "bigl": "", "bigr": "",
    "Bigl": "", "Bigr": "", "displaystyle": "",
}
# Unicode's mathematical alphabets (A-Z), with the letters that live in the Letterlike Symbols block
_BB_HOLES = {"C": "ℂ", "H": "ℍ", "N": "ℕ", "P": "ℙ", "Q": "ℚ", "R": "ℝ", "Z": "ℤ"}
_CAL_HOLES = {"B": "ℬ", "E": "ℰ", "F": "ℱ", "H": "ℋ", "I": "ℐ", "L": "ℒ", "M": "ℳ", "R": "ℛ"}
BLACKBOARD = {ch: _BB_HOLES.get(ch, chr(0x1D538 + i)) for i, ch in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZ")} | {"1": "𝟙"}
CALLIGRAPHIC = {ch: _CAL_HOLES.get(ch, chr(0x1D49C + i)) for i, ch in enumerate("ABCDEFGHIJKLMNOPQRSTUVWXYZ")}
ACCENTS = {"hat": "\u0302", "tilde": "\u0303", "bar": "\u0304", "dot": "\u0307", "vec": "\u20d7"}
PLAIN = {"text", "mathrm", "operatorname", "mathbf", "mathit", "textbf", "textit", "boldsymbol", "mathsf", "mathtt"}
ONE_ARG = PLAIN | set(ACCENTS) | {"mathbb", "mathcal", "sqrt"}
SUP = dict(zip("0123456789+-=()abcdefghijklmnoprstuvwxyzT", "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ᵃᵇᶜᵈᵉᶠᵍʰⁱʲᵏˡᵐⁿᵒᵖʳˢᵗᵘᵛʷˣʸᶻᵀ"))
SUB = dict(zip("0123456789+-=()aehijklmnoprstuvx", "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑₕᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ"))

_CMD = re.compile(r"\\([A-Za-z]+|[,;:!|{}%_#& ])")
_MATH = re.compile(r"\$\$(.+?)\$\$|(?<![\\$])\$(?!\s)([^$\n]+?)(?<![\s\\])\$(?!\d)", re.S)
_CODE = re.compile(r"(```.*?```|~~~.*?~~~|`[^`\n]*`)", re.S)
_PUNCT = re.compile(r"([!-/:-@\[-`{-~])")  # every ASCII punctuation character


def _group(s: str, i: int) -> tuple[str, int] | None:
    """The braced group starting at s[i] ('{...}', nested) or one character: (content, index after)."""
    while i < len(s) and s[i] == " ":
        i += 1
    if i >= len(s):
        return None
    if s[i] != "{":
        if s[i] == "\\":
            m = _CMD.match(s, i)
            if m:
                if m.group(1) in ONE_ARG:  # \text{ref} as one script: take its argument along
                    arg = _group(s, m.end())
                    if arg:
                        return s[i:arg[1]], arg[1]
                return s[i:m.end()], m.end()
        return s[i], i + 1
    depth = 0
    for j in range(i, len(s)):
        if s[j] == "{":
            depth += 1
        elif s[j] == "}":
            depth -= 1
            if depth == 0:
                return s[i + 1:j], j + 1
    return None  # unbalanced: leave it as written


def _atom(t: str) -> str:
    """t as one operand: bare when it is a single token, in parentheses otherwise."""
    return t if re.fullmatch(r"[\w.′√]+", t) else f"({t})"


def _script(body: str, table: dict[str, str]) -> str | None:
    return "".join(table[c] for c in body) if body and all(c in table for c in body) else None


def to_unicode(expr: str) -> str:
    """LaTeX -> readable Unicode where the translation is faithful; anything else is kept as written."""
    out: list[str] = []
    i = 0
    while i < len(expr):
        c = expr[i]
        if c == "\\":
            m = _CMD.match(expr, i)
            if not m:
                if expr.startswith("\\\\", i):  # a row break in aligned / cases
                    out.append("\\\\")
                    i += 2
                    continue
                out.append(c)
                i += 1
                continue
            name = m.group(1)
            j = m.end()
            if j < len(expr) and expr[j] == "*":  # starred variants (\operatorname*): as written
                out.append(expr[i:j + 1])
                i = j + 1
                continue
            if name in ("frac", "tfrac", "dfrac", "binom"):
                a = _group(expr, j)
                b = _group(expr, a[1]) if a else None
                if a and b:
                    num, den = to_unicode(a[0]), to_unicode(b[0])
                    if name == "binom":
                        out.append(f"C({num}, {den})")
                    else:
                        out.append(f"{_atom(num)}/{_atom(den)}")
                    i = b[1]
                    continue
            elif name == "sqrt":
                a = _group(expr, j)
                if a:
                    inner = to_unicode(a[0])
                    out.append("√" + _atom(inner))
                    i = a[1]
                    continue
            elif name in ("mathbb", "mathcal") or name in PLAIN or name in ACCENTS:
                a = _group(expr, j)
                if a:
                    inner = a[0]
                    table = BLACKBOARD if name == "mathbb" else CALLIGRAPHIC if name == "mathcal" else None
                    if table is not None and inner in table:
                        out.append(table[inner])
                    elif name in ACCENTS and len(to_unicode(inner)) == 1:
                        out.append(to_unicode(inner) + ACCENTS[name])
                    elif name in PLAIN:
                        out.append(inner if name.startswith("text") or name == "operatorname" else to_unicode(inner))
                    else:
                        out.append(expr[i:a[1]])  # no faithful form: as written
                    i = a[1]
                    continue
            if name in SYMBOLS:
                out.append(SYMBOLS[name])
                if SYMBOLS[name].isalpha() and len(SYMBOLS[name]) > 1 and j < len(expr) and \
                        (expr[j].isalnum() or expr[j] == "\\"):
                    out.append(" ")  # \log\sigma reads "log σ", not "logσ"
                i = j
                continue
            out.append(expr[i:j])  # unknown command (\begin, \operatorname*...): as written
            i = j
            continue
        if c in "_^":
            g = _group(expr, i + 1)
            if g:
                body = to_unicode(g[0])
                short = _script(body, SUP if c == "^" else SUB)
                if short is not None:
                    out.append(short)
                elif len(body) == 1 or (expr[i + 1] != "{" and len(g[0]) == 1):
                    out.append(c + body)
                else:
                    out.append(f"{c}{{{body}}}")
                i = g[1]
                continue
        out.append(c)
        i += 1
    return "".join(out)


def _escape(text: str) -> str:
    return _PUNCT.sub(r"\\\1", text)


def protect(markdown_text: str) -> str:
    """The Markdown with each formula converted and escaped, ready for rich's Markdown."""
    def one(m: re.Match) -> str:
        display, inline = m.group(1), m.group(2)
        if display is not None:
            rows = [_escape(to_unicode(r.strip())) for r in re.split(r"\\\\", display.strip())]
            return "\n\n" + "  \n".join(rows) + "\n\n"  # its own paragraph; rows as hard line breaks
        return _escape(to_unicode(inline))

    parts = _CODE.split(markdown_text)
    return "".join(p if i % 2 else _MATH.sub(one, p) for i, p in enumerate(parts))


def markdown(text: str):
    """rich Markdown of `text` with its formulas printed intact or as readable Unicode."""
    from rich.markdown import Markdown

    return Markdown(protect(text))
