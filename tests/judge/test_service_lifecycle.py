"""The judge service under hostile or clumsy clients (issue 17): one owner of the socket, jobs in
parallel with status and cancel answered meanwhile, a client's Ctrl-C cancels its job, nothing a
client sends takes the service down, the fast path never sends a submission twice, and the data
directory and database are private. Each test ends with the service alive and the database intact
and small."""

from __future__ import annotations

import json
import os
import signal
import socket
import sqlite3
import struct
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import pytest

from mianjing.judge import service, wire
from mianjing.problems.bank import get_problem

OK = get_problem("sqrt-int").reference_source()
SLOW = "import time\ntime.sleep(3)\n" + OK  # module body: keeps a job busy for 3 s, then accepted


@pytest.fixture(scope="module")
def svc(tmp_path_factory):
    """A service of its own under a fresh MIANJING_HOME, two jobs at a time."""
    home = tmp_path_factory.mktemp("svc-home")
    saved = {k: os.environ.get(k) for k in ("MIANJING_HOME", "MIANJING_SERVICE_JOBS")}
    os.environ["MIANJING_HOME"] = str(home)
    os.environ["MIANJING_SERVICE_JOBS"] = "2"
    service.ensure_running()
    yield home
    service.stop()
    for k, v in saved.items():
        if v is None:
            os.environ.pop(k, None)
        else:
            os.environ[k] = v


@pytest.fixture(autouse=True)
def _service_home(svc, monkeypatch):
    monkeypatch.setenv("MIANJING_HOME", str(svc))  # over the per-test home of tests/conftest.py


def rows(home: Path) -> int:
    conn = sqlite3.connect(home / "mianjing.sqlite3")
    try:
        return conn.execute("SELECT COUNT(*) FROM submissions").fetchone()[0]
    finally:
        conn.close()


def healthy(home: Path, pid: int | None = None) -> None:
    """Alive (the same process, when given), judging right, database intact and small."""
    st = service.status()
    assert st is not None
    if pid is not None:
        assert st["pid"] == pid
    assert service.judge_via_service("sqrt-int", OK, 1)["verdict"] == "accepted"
    conn = sqlite3.connect(home / "mianjing.sqlite3")
    try:
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    finally:
        conn.close()
    size = sum(p.stat().st_size for p in home.glob("mianjing.sqlite3*"))
    assert size < 8 * 2**20, size


def wait_for(cond, timeout: float = 30.0) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if cond():
            return True
        time.sleep(0.05)
    return False


def test_data_directory_and_database_are_private(svc, tmp_path, monkeypatch):
    assert service.judge_via_service("sqrt-int", OK, 1)["verdict"] == "accepted"
    for name in ("mianjing.sqlite3", "mianjing.sqlite3-wal"):
        assert (Path(svc, name).stat().st_mode & 0o777) == 0o600, name
    from mianjing.paths import home
    from mianjing.store.db import connect

    fresh = tmp_path / "new" / "home"
    monkeypatch.setenv("MIANJING_HOME", str(fresh))
    assert (home().stat().st_mode & 0o777) == 0o700  # created private
    old = tmp_path / "old"
    old.mkdir(mode=0o755)
    old.chmod(0o755)
    (old / "mianjing.sqlite3").touch(mode=0o644)
    (old / "mianjing.sqlite3").chmod(0o644)
    monkeypatch.setenv("MIANJING_HOME", str(old))
    connect().close()
    assert (old.stat().st_mode & 0o777) == 0o700  # an existing data directory is tightened
    assert ((old / "mianjing.sqlite3").stat().st_mode & 0o777) == 0o600


def test_status_and_other_jobs_are_answered_while_a_job_runs(svc):
    pid = service.status()["pid"]
    slow: dict = {}
    t = threading.Thread(target=lambda: slow.setdefault("doc", service.judge_via_service("sqrt-int", SLOW, 1)))
    t.start()
    assert wait_for(lambda: (service.status() or {}).get("running") == 1)
    st = service.status()  # asked while busy: answered, by the same service
    assert st["pid"] == pid and st["running"] == 1
    quick = service.judge_via_service("sqrt-int", OK, 2)  # a second job, judged meanwhile
    assert quick["verdict"] == "accepted"
    assert t.is_alive()  # ... while the slow one was still running
    t.join(60)
    assert slow["doc"]["verdict"] == "accepted"
    healthy(svc, pid)


CLIENT = """
import sys
from mianjing.judge.service import judge_via_service
print("sending", flush=True)
judge_via_service("sqrt-int", open(sys.argv[1]).read(), 5)
"""


def test_a_client_that_goes_away_cancels_its_job(svc, tmp_path):
    pid = service.status()["pid"]
    src = tmp_path / "slow.py"
    src.write_text(SLOW)
    before = rows(svc)
    client = subprocess.Popen([sys.executable, "-c", CLIENT, str(src)], stdout=subprocess.PIPE, text=True)
    assert client.stdout.readline().strip() == "sending"
    assert wait_for(lambda: (service.status() or {}).get("running") == 1)
    client.kill()  # as a closed terminal or a killed browser request would
    client.wait()
    assert wait_for(lambda: (service.status() or {}).get("running") == 0)
    time.sleep(3.5)  # past the moment the job would have finished and been stored
    assert rows(svc) == before  # cancelled: nothing judged to the end, nothing stored
    healthy(svc, pid)


def test_ctrl_c_in_the_command_line_cancels(svc, tmp_path):
    pid = service.status()["pid"]
    src = tmp_path / "slow.py"
    src.write_text(SLOW)
    before = rows(svc)
    # SIGINT back to its default in the child: a test run started in the background of a shell
    # without job control inherits SIGINT ignored, and Python then never raises KeyboardInterrupt
    cli = subprocess.Popen([sys.executable, "-m", "mianjing.cli.app", "judge", "sqrt-int", str(src), "--json"],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                           preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    assert wait_for(lambda: (service.status() or {}).get("running") == 1)
    cli.send_signal(signal.SIGINT)
    out, err = cli.communicate(timeout=30)
    assert cli.returncode == 130, (out, err)
    assert "cancelled" in err
    time.sleep(3.5)
    assert rows(svc) == before
    healthy(svc, pid)


def test_one_owner_one_socket(svc):
    pid = service.status()["pid"]
    # a second service refuses to start while the first owns the socket, and leaves it alone
    second = subprocess.run([sys.executable, "-m", "mianjing.judge.service"], capture_output=True, text=True,
                            timeout=60)
    assert "another judge service" in second.stderr
    # many clients at once, some of them while the service is busy: nobody starts another one
    busy = threading.Thread(target=service.judge_via_service, args=("sqrt-int", SLOW, 3))
    busy.start()
    errors: list = []

    def client():
        try:
            service.ensure_running()
            assert service.judge_via_service("sqrt-int", OK, 4)["verdict"] == "accepted"
        except Exception as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=client) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads + [busy]:
        t.join(120)
    assert not errors, errors
    assert service.socket_path().exists()
    healthy(svc, pid)


def _raw(payload: bytes, read: bool = True) -> bytes:
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.settimeout(30)
    s.connect(str(service.socket_path()))
    try:
        s.sendall(payload)
        if not read:
            return b""
        chunks = []
        try:
            while chunk := s.recv(65536):
                chunks.append(chunk)
        except ConnectionResetError:
            pass  # the service closed on unread garbage: fine, as long as it lives on
        return b"".join(chunks)
    finally:
        s.close()


def test_nothing_a_client_sends_takes_the_service_down(svc):
    pid = service.status()["pid"]
    _raw(b"\xff" * 64)  # garbage
    _raw(struct.pack(">I", 2**31) + b"x")  # a frame claiming 2 GB
    _raw(b"", read=False)  # connects and leaves
    _raw(wire.encode("judge", {"problem": "sqrt-int"}))  # no code
    _raw(wire.encode("nonsense", {}))
    # a lone surrogate in the code and a bad seed: a usage error or a verdict, never a crash
    reply = _raw(wire.encode("judge", {"problem": "sqrt-int", "code": OK + "# \ud800\n", "seed": 1}))
    kind, body = wire.decode(reply[4:])
    assert kind == "report" and body["verdict"] == "accepted"
    before = rows(svc)
    kind, body = wire.decode(_raw(wire.encode("judge", {"problem": "sqrt-int", "code": OK, "seed": -1}))[4:])
    assert kind == "usage_error" and "--seed" in body["message"]
    big = OK + "# x\n" * 100_000
    kind, body = wire.decode(_raw(wire.encode("judge", {"problem": "sqrt-int", "code": big, "seed": 1}))[4:])
    assert kind == "usage_error" and "256 KB" in body["message"]
    assert rows(svc) == before  # neither was stored
    healthy(svc, pid)


def test_huge_and_hostile_messages_are_stored_capped(svc):
    pid = service.status()["pid"]
    code = OK + textwrap.dedent("""
    import os, struct, json
    _real = my_sqrt
    def my_sqrt(x):
        body = {"verdict": "runtime_error", "message": "\\ud800\\x1b]52;c;aGk=\\x07" + "M" * 1_000_000,
                "traceback": "T" * 1_000_000}
        header = json.dumps({"kind": "error", "body": body, "n": 0}).encode()
        payload = struct.pack(">I", len(header)) + header
        for fd in range(3, 64):
            try:
                os.write(fd, struct.pack(">I", len(payload)) + payload)
            except OSError:
                pass
        return _real(x)
    """)
    doc = service.judge_via_service("sqrt-int", code, 1)
    assert doc["verdict"] in ("runtime_error", "time_limit_exceeded")
    text = json.dumps(doc)
    assert "\\u001b]52" not in text and len(text) < 200_000
    conn = sqlite3.connect(svc / "mianjing.sqlite3")
    try:
        stored = conn.execute("SELECT length(cases_json) FROM submissions ORDER BY id DESC LIMIT 1").fetchone()[0]
    finally:
        conn.close()
    assert stored < 100_000
    healthy(svc, pid)


FAKE_SERVICE = """
import os, socket, sys
path, counter = sys.argv[1], sys.argv[2]
srv = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
srv.bind(path)
srv.listen(8)
print("ready", flush=True)
srv.settimeout(20)
n = 0
try:
    while True:
        conn, _ = srv.accept()
        data = conn.recv(1 << 20)
        if b"judge" in data:
            n += 1
            open(counter, "w").write(str(n))
        conn.close()  # takes the request, answers nothing: a service that crashed mid-judge
except socket.timeout:
    pass
"""


def test_the_fast_path_never_sends_a_submission_twice(tmp_path):  # its own fake service
    home = tmp_path / "home"
    home.mkdir()
    src = tmp_path / "ok.py"
    src.write_text(OK)
    counter = tmp_path / "count"
    env = dict(os.environ, MIANJING_HOME=str(home))
    sock = str(home / "judge.sock")
    fake = subprocess.Popen([sys.executable, "-c", FAKE_SERVICE, sock, str(counter)], stdout=subprocess.PIPE, text=True)
    try:
        assert fake.stdout.readline().strip() == "ready"
        proc = subprocess.run([sys.executable, "-m", "mianjing.cli.app", "judge", "sqrt-int", str(src)],
                              capture_output=True, text=True, env=env, timeout=120)
    finally:
        fake.kill()
        fake.wait()
    assert proc.returncode == 1
    assert "judge service failed" in proc.stderr
    assert counter.read_text() == "1"  # sent once, not again by a fallback


def test_a_dead_owners_socket_is_replaced_and_removed_on_exit(tmp_path, monkeypatch):
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("MIANJING_HOME", str(home))
    dead = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    dead.bind(str(home / "judge.sock"))  # what a killed service leaves: a socket nobody listens on
    dead.close()
    service.ensure_running()
    st = service.status()
    assert st is not None
    assert service.judge_via_service("sqrt-int", OK, 1)["verdict"] == "accepted"
    assert service.stop()
    assert wait_for(lambda: not (home / "judge.sock").exists())  # its owner removed it on the way out
