"""Apply a unified diff (`diff -u reference.py mistake.py`) to the reference: how a known-wrong
solution that differs by a few lines is stored, so a reviewer sees the mistake at a glance.

Strict on purpose: every context and removed line must match the reference exactly where the hunk
says, so a diff that drifted after the reference was edited fails loudly instead of testing
something else.
"""

from __future__ import annotations

import re

HUNK_RE = re.compile(r"^@@ -(\d+)(?:,(\d+))? \+(\d+)(?:,(\d+))? @@")


class PatchError(ValueError):
    """The diff is malformed or does not apply to the reference as it is now."""


def apply_unified_diff(original: str, diff: str) -> str:
    src = original.splitlines(keepends=True)
    lines = diff.splitlines(keepends=True)
    out: list[str] = []
    pos = 0  # next unread line of src (0-based)
    i = 0
    # free text before the first header or hunk describes the mistake (as in `git format-patch`)
    while i < len(lines) and not lines[i].startswith(("--- ", "@@")):
        i += 1
    hunks = 0
    while i < len(lines):
        line = lines[i]
        if line.startswith(("--- ", "+++ ", "diff ", "index ")):
            i += 1
            continue
        m = HUNK_RE.match(line)
        if not m:
            if line.strip() == "":
                i += 1
                continue
            raise PatchError(f"diff line {i + 1}: expected a hunk header '@@ -a,b +c,d @@', got {line.rstrip()!r}")
        hunks += 1
        start = int(m.group(1))
        old_len = 1 if m.group(2) is None else int(m.group(2))
        new_len = 1 if m.group(4) is None else int(m.group(4))
        at = start - 1 if old_len > 0 else start  # an empty old side means "insert after line start"
        if at < pos:
            raise PatchError(f"diff line {i + 1}: hunks overlap or are out of order")
        out.extend(src[pos:at])
        pos = at
        i += 1
        seen_old = seen_new = 0
        while i < len(lines) and (seen_old < old_len or seen_new < new_len):
            body = lines[i]
            if body.startswith("\\"):  # "\ No newline at end of file": about the line just before
                if lines[i - 1][:1] in (" ", "+") and out and out[-1].endswith("\n"):
                    out[-1] = out[-1][:-1]
                i += 1
                continue
            tag, text = body[:1], body[1:]
            if tag in (" ", "-"):
                if pos >= len(src) or src[pos].rstrip("\r\n") != text.rstrip("\r\n"):
                    got = src[pos].rstrip() if pos < len(src) else "end of file"
                    raise PatchError(
                        f"diff line {i + 1} does not match reference.py line {pos + 1} "
                        f"(expected {text.rstrip()!r}, found {got!r}): regenerate the diff"
                    )
                if tag == " ":
                    out.append(src[pos])
                    seen_new += 1
                pos += 1
                seen_old += 1
            elif tag == "+":
                out.append(text if text.endswith("\n") else text + "\n")
                seen_new += 1
            elif body in ("\n", "\r\n"):  # an empty context line whose leading space was trimmed
                if pos >= len(src) or src[pos].strip() != "":
                    raise PatchError(f"diff line {i + 1}: blank line does not match reference.py line {pos + 1}")
                out.append(src[pos])
                pos += 1
                seen_old += 1
                seen_new += 1
            else:
                raise PatchError(f"diff line {i + 1}: a hunk line must start with ' ', '-' or '+'")
            i += 1
        if seen_old != old_len or seen_new != new_len:
            raise PatchError(f"hunk {hunks}: the header promises -{old_len} +{new_len} lines, the body has -{seen_old} +{seen_new}")
        # a trailing "\ No newline" line after the hunk's last line
        while i < len(lines) and lines[i].startswith("\\"):
            if lines[i - 1][:1] in (" ", "+") and out and out[-1].endswith("\n"):
                out[-1] = out[-1][:-1]
            i += 1
    if hunks == 0:
        raise PatchError("the diff has no hunks: it would not change the reference")
    out.extend(src[pos:])
    result = "".join(out)
    if result == original:
        raise PatchError("the diff leaves the reference unchanged")
    return result
