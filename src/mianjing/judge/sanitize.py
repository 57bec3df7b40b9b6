"""Text that came from a submission, made safe to store, send and show.

Everything the worker sends is the submission's word: it may hold lone surrogates (which UTF-8
cannot encode: they crashed the service and the CLI), terminal control sequences (OSC 52 writes the
clipboard), megabytes of text, or a hidden case's inputs. The controller passes every such string
through here before it goes into a report. Runs in the controller only; imports nothing heavy.
"""

from __future__ import annotations

import re
from typing import Any, Iterable

MESSAGE_CAP = 2000  # characters of a visible case's message (exception and traceback)
HIDDEN_CAP = 200  # characters of a hidden case's message, all parts included
STDOUT_CAP = 8000  # characters of a visible case's prints

# ESC-introduced sequences (CSI, OSC, DCS and friends, two-byte escapes), then lone C0/C1 controls
# other than newline and tab.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"  # CSI ... final byte
    r"|\x1b[\]PX^_][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC/DCS/SOS/PM/APC ... terminator
    r"|\x9b[0-?]*[ -/]*[@-~]?"  # 8-bit CSI
    r"|[\x90\x9d-\x9f][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # 8-bit DCS/OSC/PM/APC
    r"|\x1b[ -~]?"  # any other escape
)
_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def clean_text(value: Any, cap: int = MESSAGE_CAP) -> str:
    """A str that encodes as UTF-8, carries no terminal control sequences, and is at most `cap`
    characters (cut with a note). Anything but a str becomes ''."""
    if not isinstance(value, str):
        return ""
    s = value[: cap * 2 + 64]  # bound the work before the regexes run
    s = s.encode("utf-8", "replace").decode("utf-8")  # lone surrogates become '?'
    s = s.replace("\r\n", "\n")
    s = _ESCAPES.sub("", s)
    s = _CONTROLS.sub("", s)
    if len(s) > cap or len(value) > cap * 2 + 64:
        note = " ... (cut)"
        s = s[: max(0, cap - len(note))] + note
    return s


def clean_name(value: Any, cap: int = 60) -> str:
    """An identifier-like name (an exception type): letters, digits, dots and underscores only."""
    s = re.sub(r"[^A-Za-z0-9_.]", "", clean_text(value, cap * 2))
    return s[:cap] or "Exception"


def _scalars(value: Any, out: list[str], depth: int = 0) -> None:
    """String forms of the scalar values inside a case's inputs or outputs."""
    if depth > 6 or len(out) > 2000:
        return
    if isinstance(value, bool) or value is None:
        return
    if isinstance(value, (int, float)):
        out.extend({str(value), repr(value)})
    elif isinstance(value, str):
        if len(value) >= 2:
            out.append(value)
    elif isinstance(value, dict):
        for v in value.values():
            _scalars(v, out, depth + 1)
    elif isinstance(value, (list, tuple)):
        for v in value[:200]:
            _scalars(v, out, depth + 1)


def mask_values(text: str, values: Iterable[Any]) -> str:
    """`text` with every digit run replaced by '#' and every string value of a hidden case (its
    inputs, its expected outputs) replaced by '…': what is left can be read, not replayed."""
    strings: list[str] = []
    for v in values:
        _scalars(v, strings)
    for s in sorted({s for s in strings if len(s) >= 2 and s in text}, key=len, reverse=True):
        text = text.replace(s, "…")  # numbers among them are masked below anyway
    return re.sub(r"\d+", "#", text)


def mask_known(text: str, values: Iterable[Any]) -> str:
    """`text` with the hidden case's own values (inputs and expected outputs: numbers of two or
    more characters, strings) replaced by '…'. For the judge's own messages, which keep their
    other numbers (tolerances, counts, indices)."""
    strings: list[str] = []
    for v in values:
        _scalars(v, strings)
    for s in sorted({s for s in strings if len(s) >= 2 and s in text}, key=len, reverse=True):
        if any(c.isdigit() for c in s):
            text = re.sub(rf"(?<![\w.]){re.escape(s)}(?![\w.])", "…", text)
        else:
            text = text.replace(s, "…")
    return text


def hidden_error(exc_type: Any, message: Any, user_line: str, values: Iterable[Any]) -> str:
    """What a hidden case shows of an exception: its type, the message with numbers and input
    strings masked, cut short, and the user's own line (taken from their source by the caller)."""
    name = re.sub(r"\d+", "#", clean_name(exc_type))  # a class named after the input is a message too
    msg = clean_text(message, 400)
    raw_name = clean_name(exc_type)
    if msg.startswith(raw_name + ":"):
        msg = msg[len(raw_name) + 1:].strip()
    msg = mask_values(msg, values)
    msg = msg.replace("\n", " ")
    if len(msg) > 80:
        msg = msg[:77] + "..."
    text = f"{name}: {msg}" if msg else name
    if user_line:
        text += f"\n{user_line}"
    return text[:HIDDEN_CAP]
