"""`mianjing serve` as a command: its refusals, its messages, and a process that never loads torch."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import urllib.request



def serve(*args: str, env: dict | None = None, timeout: float = 60) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mianjing.cli.app", "serve", "--no-browser", *args],
                          capture_output=True, text=True, timeout=timeout, env=env or dict(os.environ))


def test_binding_beyond_loopback_needs_an_explicit_token():
    r = serve("--host", "0.0.0.0", env={k: v for k, v in os.environ.items() if k != "MIANJING_TOKEN"})
    assert r.returncode == 2
    assert "--token" in r.stderr and "Traceback" not in r.stderr


def test_short_tokens_are_refused():
    r = serve("--token", "abc")
    assert r.returncode == 2 and "at least 16" in r.stderr


def test_a_taken_port_gets_a_message_and_the_next_free_one():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen(1)
        port = s.getsockname()[1]
        r = serve("--port", str(port))
    assert r.returncode == 2
    assert f"port {port}" in r.stderr and "already in use" in r.stderr
    assert "mianjing serve --port" in r.stderr and "Traceback" not in r.stderr


def test_the_server_process_never_loads_torch(server):
    """Every page, a calculator and a real Run through the judge service: the service loads torch,
    the web process (checked in its memory map) does not."""
    def get(path: str, data: bytes | None = None) -> int:
        headers = {"Authorization": f"Bearer {server.token}", "Content-Type": "application/json"}
        req = urllib.request.Request(server.url(path), data=data, headers=headers)
        with urllib.request.urlopen(req, timeout=300) as r:
            r.read()
            return r.status

    for path in ("/", "/problems", "/problems/rmsnorm", "/cards", "/review", "/calc/kv", "/calc/train", "/settings",
                 "/api/calc/zero?params=7B&gpus=8"):
        assert get(path) == 200, path
    code = b'{"code": "def rms_norm(x, weight, eps=1e-6):\\n    return x", "mode": "run"}'
    assert get("/api/judge/rmsnorm", code) == 200
    with open(f"/proc/{server.proc.pid}/maps") as f:
        maps = f.read()
    assert "libtorch" not in maps and "/torch/" not in maps
    assert server.proc.poll() is None


def test_importing_the_app_and_rendering_does_not_import_torch(tmp_path):
    code = (
        "import sys\n"
        "from fastapi.testclient import TestClient\n"
        "from mianjing.web.app import create_app\n"
        "c = TestClient(create_app('127.0.0.1', 8765, 'x' * 20), base_url='http://127.0.0.1:8765',\n"
        "               headers={'Authorization': 'Bearer ' + 'x' * 20})\n"
        "for p in ('/', '/problems', '/problems/mha', '/cards', '/calc/zero', '/calc/infer', '/settings'):\n"
        "    assert c.get(p).status_code == 200, p\n"
        "assert 'torch' not in sys.modules, 'torch was imported'\n"
        "print('clean')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         env=dict(os.environ, MIANJING_HOME=str(tmp_path)), timeout=120)
    assert out.returncode == 0 and "clean" in out.stdout, out.stderr[-2000:]


def test_ctrl_c_stops_it_cleanly(tmp_path):
    import signal
    import time

    port = _free_port()
    env = dict(os.environ, MIANJING_HOME=str(tmp_path), MIANJING_TOKEN="t" * 20)
    proc = subprocess.Popen([sys.executable, "-m", "mianjing.cli.app", "serve", "--no-browser", "--port", str(port)],
                            env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        for _ in range(600):
            try:
                req = urllib.request.Request(f"http://127.0.0.1:{port}/api/problems",
                                             headers={"Authorization": "Bearer " + "t" * 20})
                with urllib.request.urlopen(req, timeout=5) as r:
                    assert r.status == 200
                break
            except OSError:
                time.sleep(0.05)
        proc.send_signal(signal.SIGINT)
        out, _ = proc.communicate(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.returncode == 0, out
    assert f"http://127.0.0.1:{port}/?token=" + "t" * 20 in out  # the URL it printed carries the token
    assert "stopped" in out and "Traceback" not in out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]
