"""Reading a solution file as Python itself would (`tokenize.open` rules), without hanging.

A UTF-8 byte-order mark and a `# -*- coding: latin-1 -*-` line are honoured; a UTF-16 file (which
Python does not run either) gets a message that says how to fix it. Only regular files are read: a
directory, a FIFO (which would block forever) or a device is refused by name. Imports nothing
heavy: the fast judge path uses it.
"""

from __future__ import annotations

import os
import stat

MAX_SOURCE_BYTES = 256 * 1024  # the judge's own cap (judge/controller.py)


class SourceError(Exception):
    """The file cannot be judged; the message says why and what to do."""


def _kind(mode: int) -> str:
    if stat.S_ISDIR(mode):
        return "a directory"
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def read_source(path: str | os.PathLike[str]) -> str:
    name = os.fspath(path)
    try:
        st = os.stat(name)  # follows a symlink: what it points at is what counts
    except FileNotFoundError:
        raise SourceError(f"no such file: {name}") from None
    except OSError as exc:
        raise SourceError(f"cannot read {name}: {exc.strerror or exc}") from None
    if not stat.S_ISREG(st.st_mode):
        raise SourceError(f"{name} is {_kind(st.st_mode)}, not a Python file: give the path of your solution (.py)")
    try:
        # O_NONBLOCK: if the file was swapped for a FIFO after the stat, opening it must not hang
        fd = os.open(name, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        raise SourceError(f"cannot read {name}: {exc.strerror or exc}") from None
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(f.fileno())
        if not stat.S_ISREG(st.st_mode):
            raise SourceError(f"{name} is {_kind(st.st_mode)}, not a Python file")
        if st.st_size > MAX_SOURCE_BYTES:
            raise SourceError(f"{name} is {st.st_size // 1024} KB; the judge takes at most "
                              f"{MAX_SOURCE_BYTES // 1024} KB (a solution is a page of code: leave data out)")
        data = f.read(MAX_SOURCE_BYTES + 1)
    if len(data) > MAX_SOURCE_BYTES:
        raise SourceError(f"{name} is over {MAX_SOURCE_BYTES // 1024} KB; the judge takes at most that much")
    return decode_source(data, name)


def decode_source(data: bytes, name: str = "the file") -> str:
    """Bytes to text by Python's rules: a UTF-8 BOM, a coding cookie, else UTF-8. Newlines are
    kept as written (the compiler accepts CRLF)."""
    import io
    import tokenize

    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SourceError(f"{name} is saved as UTF-16, which Python does not run: save it as UTF-8")
    try:
        encoding, _ = tokenize.detect_encoding(io.BytesIO(data).readline)
    except SyntaxError as exc:  # not UTF-8 on its first lines, and no (valid) coding line
        raise SourceError(f"{name} is not valid UTF-8 ({getattr(exc, 'msg', exc)}): save it as UTF-8, or "
                          "declare its encoding in a first-line comment such as `# -*- coding: latin-1 -*-`") from None
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError) as exc:
        where = f" at byte {exc.start}" if isinstance(exc, UnicodeDecodeError) else ""
        raise SourceError(f"{name} is not valid {encoding}{where}: save it as UTF-8, or declare its "
                          "encoding in a first-line comment such as `# -*- coding: latin-1 -*-`") from None
    return text[1:] if text.startswith("\ufeff") else text
