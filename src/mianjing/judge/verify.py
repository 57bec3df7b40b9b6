"""The controller's own look at a worker's isolation, from /proc, which the worker cannot write.

The worker says which layers it applied (before any submitted code runs). Where the kernel shows a
layer from outside (seccomp mode, no-new-privileges, uid, namespaces, rlimits, session), the
controller checks it and the report says "verified"; a claim the kernel contradicts is reported
off. Landlock and closed descriptors leave no outside trace; those keep the worker's word, said
before the submission could speak, and the report says so.
"""

from __future__ import annotations

import os
import re

VERIFIED = "verified by the judge"
REPORTED = "as the worker reported before your code ran"


def _read(path: str) -> str | None:
    try:
        with open(path) as f:
            return f.read()
    except OSError:
        return None


def _field(status: str, name: str) -> str | None:
    m = re.search(rf"^{name}:\s*(.*)$", status, re.M)
    return m.group(1).strip() if m else None


def _ns_differs(pid: int, kind: str) -> bool | None:
    try:
        return os.readlink(f"/proc/{pid}/ns/{kind}") != os.readlink(f"/proc/self/ns/{kind}")
    except OSError:
        return None


def _limit(limits: str, name: str) -> str | None:
    m = re.search(rf"^{re.escape(name)}\s+(\S+)", limits, re.M)
    return m.group(1) if m else None


def observe(pid: int) -> dict[str, bool | None]:
    """For each layer the kernel can show: True (in force), False (not), None (cannot tell)."""
    status = _read(f"/proc/{pid}/status")
    limits = _read(f"/proc/{pid}/limits")
    stat = _read(f"/proc/{pid}/stat")
    seen: dict[str, bool | None] = {}
    if status is not None:
        seen["seccomp"] = _field(status, "Seccomp") == "2"
        seen["no-new-privs"] = _field(status, "NoNewPrivs") == "1"
        uids = (_field(status, "Uid") or "").split()
        if os.getuid() == 0:  # a worker of root's judge must run as another uid; otherwise it stays ours
            seen["uid"] = bool(uids) and all(u != "0" for u in uids)
    if limits is not None:
        seen["job-rlimits"] = _limit(limits, "Max address space") not in (None, "unlimited") and \
            _limit(limits, "Max cpu time") not in (None, "unlimited")
        seen["rlimits"] = _limit(limits, "Max core file size") == "0" and _limit(limits, "Max open files") not in (
            None, "unlimited")
    if stat is not None:
        fields = stat.rsplit(")", 1)[-1].split()  # after "pid (comm)": state ppid pgrp session ...
        seen["session"] = len(fields) > 3 and fields[3] == str(pid)
    for layer, ns in (("network-namespace", "net"), ("ipc-namespace", "ipc"), ("private-tmp", "mnt")):
        seen[layer] = _ns_differs(pid, ns)
    return seen


def checked_layers(pid: int, claimed: list[str]) -> list[str]:
    """The worker's layer lines, each marked verified, contradicted (then reported off) or
    reported. A line has the form 'name: on (note)' or 'name: off (why)'."""
    seen = observe(pid)
    out = []
    for line in claimed:
        name = line.split(":", 1)[0]
        on = ": on" in line
        truth = seen.get(name)
        if name == "private-tmp" and "tmpfs" not in line:
            truth = None  # only the tmpfs form lives in its own mount namespace
        if not on or truth is None:
            out.append(f"{line} [{REPORTED}]" if on else line)
        elif truth:
            out.append(f"{line} [{VERIFIED}]")
        else:
            out.append(f"{name}: off (the worker said it was on; the kernel's view of the process disagrees)")
    return out
