"""A service started from other code (an upgrade, an edit) is replaced on the next judge, instead of
judging with stale modules (which showed up as judge_error: a harness importing a name the old
zygote had not loaded)."""

import os
import time
from pathlib import Path

from mianjing.judge import service, wire


def _wait_status(timeout=60):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        st = service.status()
        if st:
            return st
        time.sleep(0.1)
    raise AssertionError("service did not answer")


def test_stale_service_is_replaced(tmp_path, monkeypatch):
    monkeypatch.setenv("MIANJING_HOME", str(tmp_path))
    try:
        service.ensure_running()
        first = _wait_status()["pid"]
        assert (tmp_path / "service.code").read_text() == service.code_fingerprint()

        service.ensure_running()  # same code: the running service is kept
        assert _wait_status()["pid"] == first

        (tmp_path / "service.code").write_text("0123456789abcdef")  # as if started by older code
        service.ensure_running()
        second = _wait_status()["pid"]
        assert second != first
        assert (tmp_path / "service.code").read_text() == service.code_fingerprint()
    finally:
        service.stop()


def test_fingerprint_follows_the_code():
    before = service.code_fingerprint()
    assert before == service.code_fingerprint()  # stable across calls (and processes: no hash())
    path = Path(wire.__file__)
    st = path.stat()
    try:
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000_000))
        assert service.code_fingerprint() != before
    finally:
        os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert service.code_fingerprint() == before
