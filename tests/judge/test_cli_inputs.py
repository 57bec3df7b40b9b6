"""The command line's side of issue 17 (and 11): source files read as Python reads them, files that
are not files refused by name (a FIFO never blocks), bad seeds a usage error, and nothing the
submission produced can restyle, crash or drive the terminal."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest
from rich.console import Console

from mianjing.cli.report import render_report


def read_source(path):
    from mianjing.cli.source import read_source

    return read_source(path)


def SourceError():  # noqa: N802 - the exception class, imported late so each test stands alone
    from mianjing.cli.source import SourceError

    return SourceError

CODE = "def my_sqrt(x):\n    return x\n"


def test_utf8_with_bom_and_crlf(tmp_path):
    f = tmp_path / "bom.py"
    f.write_bytes(b"\xef\xbb\xbf" + CODE.replace("\n", "\r\n").encode())
    text = read_source(f)
    assert not text.startswith("\ufeff")
    compile(text, "x.py", "exec")


def test_coding_cookie_is_honoured(tmp_path):
    f = tmp_path / "latin.py"
    f.write_bytes("# -*- coding: latin-1 -*-\n# café\n".encode("latin-1") + CODE.encode())
    assert "café" in read_source(f)


@pytest.mark.parametrize("data, fragment", [
    ("# café\n".encode("latin-1"), "not valid UTF-8"),
    ("x = 1\n# café\n".encode("latin-1"), "not valid utf-8 at byte"),
    ("\ufeff# x\n".encode("utf-16"), "UTF-16"),
])
def test_undecodable_files_say_how_to_fix_them(tmp_path, data, fragment):
    f = tmp_path / "bad.py"
    f.write_bytes(data)
    with pytest.raises(SourceError(), match=fragment):
        read_source(f)


def test_non_regular_files_are_refused_by_name(tmp_path):
    with pytest.raises(SourceError(), match="no such file"):
        read_source(tmp_path / "missing.py")
    with pytest.raises(SourceError(), match="a directory"):
        read_source(tmp_path)
    link = tmp_path / "dev.py"
    link.symlink_to("/dev/zero")
    with pytest.raises(SourceError(), match="a device"):
        read_source(link)
    fifo = tmp_path / "pipe.py"
    os.mkfifo(fifo)
    with pytest.raises(SourceError(), match="named pipe"):
        read_source(fifo)  # returns at once: nobody ever writes to it


def test_oversized_file_is_refused(tmp_path):
    f = tmp_path / "big.py"
    f.write_bytes(b"# x\n" * 70_000)
    with pytest.raises(SourceError(), match="256 KB"):
        read_source(f)


def _cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mianjing.cli.app", *args], capture_output=True, text=True,
                          timeout=timeout, env=dict(os.environ))


def test_judge_command_refuses_a_fifo_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.py"
    os.mkfifo(fifo)
    proc = _cli("judge", "sqrt-int", str(fifo))
    assert proc.returncode == 2
    assert "named pipe" in proc.stderr
    proc = _cli("judge", "sqrt-int", str(tmp_path))
    assert proc.returncode == 2 and "a directory" in proc.stderr


@pytest.mark.parametrize("seed", ["-1", str(2**63), "abc"])
def test_bad_seed_is_a_usage_error_and_nothing_is_stored(tmp_path, _isolated_home, seed):
    f = tmp_path / "s.py"
    f.write_text(CODE)
    proc = _cli("judge", "sqrt-int", str(f), "--seed", seed)
    assert proc.returncode == 2, proc.stderr
    assert "seed" in proc.stderr.lower()
    assert not (_isolated_home / "mianjing.sqlite3").exists()  # no judge ran, nothing was stored


def _render(doc: dict) -> str:
    buf = io.StringIO()
    render_report(doc, Console(file=buf, force_terminal=True, width=120, color_system="truecolor"))
    return buf.getvalue()


def test_submission_text_cannot_drive_the_terminal():
    hostile = "[/][bold red]FAKE ACCEPTED[/] \x1b]52;c;aGVsbG8=\x07 \x1b]0;title\x07 \ud800 \x1b[2J end"
    case = {"name": "example-1", "hidden": False, "verdict": "wrong_answer", "message": hostile,
            "time_ms": 1.0, "stdout": hostile, "detail": hostile}
    doc = {"problem": "sqrt-int", "verdict": "wrong_answer", "passed": 0, "total": 1, "time_ms": 3.0,
           "cases": [case], "message": hostile, "seed": 1, "complexity": None, "isolation": [],
           "warning": hostile}
    out = _render(doc)  # no MarkupError, no UnicodeEncodeError
    assert "\x1b]52" not in out and "\x1b]0;" not in out and "\x1b[2J" not in out
    assert "[/]" in out  # markup printed as text, not interpreted
    assert "FAKE ACCEPTED" in out and "end" in out
