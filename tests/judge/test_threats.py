"""The threat classes of the design brief (shared/design/judge.md), one test or more each.

Every test asserts the verdict the hostile submission deserves and then that the judge still
judges honest code correctly (`still_works`).
"""

from __future__ import annotations

import textwrap

import pytest

from mianjing.paths import PROBLEMS_DIR

P = "sqrt-int"
SOLVE = textwrap.dedent(
    """
    def _solve(x):
        lo, hi = 0, x
        while lo < hi:
            mid = (lo + hi + 1) // 2
            if mid * mid <= x:
                lo = mid
            else:
                hi = mid - 1
        return lo
    """
)


def run(judge, body: str, problem: str = P, seed: int = 1):
    return judge.judge(problem, SOLVE + textwrap.dedent(body), seed=seed)


# 1. fake success ----------------------------------------------------------------------------

@pytest.mark.parametrize("body, verdict", [
    ('print("Accepted")\ndef my_sqrt(x):\n    print("accepted 100%")\n    return x\n', "wrong_answer"),
    ("import sys\nsys.exit(0)\n", "runtime_error"),
    ("import os\nos._exit(0)\n", "runtime_error"),
    ("def my_sqrt(x):\n    import os\n    os._exit(0)\n", "runtime_error"),
    ("def my_sqrt(x):\n    raise SystemExit(0)\n", "runtime_error"),
    ("import atexit\natexit.register(lambda: print('accepted'))\ndef my_sqrt(x):\n    return 0\n", "wrong_answer"),
    ("def my_sqrt(x):\n    import sys\n    sys.stdout.write('\\x00ACCEPTED')\n    return -1\n", "wrong_answer"),
])
def test_fake_success(judge, still_works, body, verdict):
    assert run(judge, body).verdict == verdict
    still_works()


# 2. secrets on disk ----------------------------------------------------------------------------

def _reader(path: str) -> str:
    # if the read worked, the submission would copy the reference and pass: it must not work
    return f"""
    def my_sqrt(x):
        src = open({path!r}).read()
        ns = {{}}
        exec(src, ns)
        return ns["my_sqrt"](x)
    """


@pytest.mark.parametrize("path", [
    str(PROBLEMS_DIR / P / "reference.py"),
    str(PROBLEMS_DIR / P / "cases.py"),
    str(PROBLEMS_DIR.parent.parent / "judge" / "controller.py"),
])
def test_cannot_read_references_or_judge_source(judge, still_works, path):
    rep = run(judge, _reader(path))
    assert rep.verdict == "runtime_error"
    assert "PermissionError" in rep.cases[0].message or "FileNotFoundError" in rep.cases[0].message
    still_works()


def test_cannot_read_progress_database_or_parents(judge, still_works, _isolated_home):
    from mianjing.store.db import connect

    connect().close()  # make sure the database exists
    body = f"""
    import os
    def my_sqrt(x):
        found = []
        for p in [{str(_isolated_home / "mianjing.sqlite3")!r}, "/proc/%d/environ" % os.getppid(),
                  "/proc/%d/cmdline" % os.getppid(), "/proc/1/environ", "/etc/passwd"]:
            try:
                open(p, "rb").read(10)
                found.append(p)
            except OSError:
                pass
        return _solve(x) if not found else -1
    """
    assert run(judge, body).verdict == "accepted"  # every read was refused
    still_works()


# 3. secrets in memory ----------------------------------------------------------------------

def test_no_earlier_submission_or_reference_in_memory(judge, still_works):
    marker = "PREVIOUS" + "_SUBMISSION_" + "7d1e"
    first = f"SECRET = {marker!r}\ndef my_sqrt(x):\n    return _solve(x)\n"
    assert run(judge, first).verdict == "accepted"
    probe = """
    import gc, sys
    def _scan():
        m = "PREVIOUS" + "_SUBMISSION_" + "7d1e"
        # the first submission kept its marker in its module dict; no dict here may hold it
        seen = any(isinstance(o, dict) and any(type(v) is str and v == m for v in o.values())
                   for o in gc.get_objects())
        mine = [k for k in sys.modules if k.startswith("mianjing")]
        trusted = {"mianjing", "mianjing.judge", "mianjing.judge.zygote", "mianjing.judge.harness",
                   "mianjing.judge.harden", "mianjing.judge.wire", "mianjing.judge.worker",
                   "mianjing.judge.policy", "mianjing.judge.structures"}  # code only, no data
        refs = [k for k in mine if k not in trusted]  # no references, cases, controller or store
        ctl = [k for k in sys.modules if k.startswith("mianjing_")]
        return bool(seen or refs or ctl)
    FOUND = _scan()  # once, at load time: a scan per case would not fit the time limit
    def my_sqrt(x):
        return -1 if FOUND else _solve(x)
    """
    assert run(judge, probe).verdict == "accepted"
    still_works()


# 4. tampering with comparison ----------------------------------------------------------------

@pytest.mark.parametrize("body", [
    "import numpy, torch\nnumpy.allclose = lambda *a, **k: True\nnumpy.array_equal = lambda *a, **k: True\n"
    "torch.allclose = lambda *a, **k: True\ndef my_sqrt(x):\n    return 0\n",
    "import builtins\nbuiltins.isinstance = lambda *a: True\nbuiltins.len = lambda *a: 0\ndef my_sqrt(x):\n    return 0\n",
    "class Liar(int):\n    def __eq__(self, o):\n        return True\n    __hash__ = int.__hash__\n"
    "def my_sqrt(x):\n    return Liar(-5)\n",
    "class Liar:\n    def __eq__(self, o):\n        return True\ndef my_sqrt(x):\n    return Liar()\n",
    "import numpy as np\ndef my_sqrt(x):\n    return np.array([object()], dtype=object)\n",
    "import numpy as np\nclass Sub(np.ndarray):\n    def __eq__(self, o):\n        return True\n"
    "def my_sqrt(x):\n    return np.zeros(1).view(Sub)\n",
])
def test_tampering_does_not_pass(judge, still_works, body):
    assert run(judge, body).verdict in ("wrong_answer", "runtime_error")
    still_works()


def test_tensor_with_lying_eq_is_compared_by_value(judge, still_works):
    code = """
    import torch
    class Liar(torch.Tensor):
        def __eq__(self, o):
            return True
    def rms_norm(x, weight, eps=1e-6):
        return torch.zeros_like(x).as_subclass(Liar) * weight
    """
    assert judge.judge("rmsnorm", textwrap.dedent(code), seed=1).verdict == "wrong_answer"
    still_works()


# 5. the channel ----------------------------------------------------------------------------

@pytest.mark.parametrize("payload", [
    "b'\\xff' * 64",  # garbage
    "struct.pack('>I', 2**31) + b'x'",  # a frame claiming 2 GB
    # a well-formed frame carrying a pickled array, which must never be unpickled
    "wire_frame_with_pickle()",
])
def test_garbage_on_the_channel(judge, still_works, payload):
    body = f"""
    import os, struct, io, json
    def wire_frame_with_pickle():
        import numpy as np, pickle
        buf = io.BytesIO()
        np.save(buf, np.array([{{"a": 1}}], dtype=object), allow_pickle=True)
        raw = buf.getvalue()
        header = json.dumps({{"kind": "result", "body": {{"outputs": {{"out": {{"__npy__": 0}}}}}}, "n": 1}}).encode()
        payload = struct.pack(">I", len(header)) + header + struct.pack(">Q", len(raw)) + raw
        return struct.pack(">I", len(payload)) + payload
    def my_sqrt(x):
        data = {payload}
        for fd in range(3, 64):
            try:
                os.write(fd, data)
            except OSError:
                pass
        return _solve(x)
    """
    rep = run(judge, body)
    assert rep.verdict in ("runtime_error", "wrong_answer")
    still_works()


def test_forged_result_frames_do_not_pass(judge, still_works):
    # the worker answers every case with a forged "result" claiming 0 before the real one
    body = """
    import os, struct, json
    def my_sqrt(x):
        header = json.dumps({"kind": "result", "body": {"outputs": {"out": 0}, "stdout": ""}, "n": 0}).encode()
        payload = struct.pack(">I", len(header)) + header
        for fd in range(3, 64):
            try:
                os.write(fd, struct.pack(">I", len(payload)) + payload)
            except OSError:
                pass
        return _solve(x)
    """
    assert run(judge, body).verdict == "wrong_answer"
    still_works()


def test_stdout_flood_is_capped_and_ignored(judge, still_works):
    body = "def my_sqrt(x):\n    print('A' * 5_000_000)\n    import os\n    os.write(1, b'B' * 100000)\n    return _solve(x)\n"
    rep = run(judge, body)
    assert rep.verdict == "accepted"
    shown = [c.stdout for c in rep.cases if not c.hidden]
    assert shown and all(len(s) < 10_000 for s in shown)
    still_works()


# 6. escapes --------------------------------------------------------------------------------

@pytest.mark.parametrize("attempt", [
    "os.fork()",
    "subprocess.run(['/bin/true'])",
    "os.execv('/bin/true', ['true'])",
    "ctypes.CDLL(None).syscall(57) == 0 or (_ for _ in ()).throw(OSError('fork refused'))",
    "os.kill(os.getppid(), signal.SIGKILL)",
    "os.setuid(0) if os.getuid() != 0 else os.setresuid(0, 0, 0) or os.setgid(12345)",
    "ctypes.CDLL(None).ptrace(16, os.getppid(), 0, 0) == 0 or (_ for _ in ()).throw(OSError('ptrace refused'))",
    "os.unshare(os.CLONE_NEWUSER) if hasattr(os, 'unshare') else (_ for _ in ()).throw(OSError('no unshare'))",
])
def test_escapes_are_refused(judge, still_works, attempt):
    body = f"""
    import os, subprocess, ctypes, signal
    def my_sqrt(x):
        {attempt}
        return _solve(x)
    """
    rep = run(judge, body)
    assert rep.verdict == "runtime_error", rep.cases[0].message if rep.cases else rep.message
    still_works()


def test_setrlimit_cannot_lift_limits(judge, still_works):
    body = """
    import resource
    def my_sqrt(x):
        resource.setrlimit(resource.RLIMIT_CPU, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
        return _solve(x)
    """
    assert run(judge, body).verdict == "runtime_error"
    still_works()


# 7. resources ------------------------------------------------------------------------------

@pytest.mark.parametrize("body, verdict", [
    ("def my_sqrt(x):\n    while True:\n        pass\n", "time_limit_exceeded"),
    ("import signal\nsignal.signal(signal.SIGXCPU, signal.SIG_IGN)\ndef my_sqrt(x):\n    while True:\n        pass\n",
     "time_limit_exceeded"),
    ("import time\ndef my_sqrt(x):\n    time.sleep(60)\n", "time_limit_exceeded"),
    ("while True:\n    pass\n", "time_limit_exceeded"),
    ("def my_sqrt(x):\n    return len(bytearray(200 * 2**30))\n", "memory_limit_exceeded"),
    ("import numpy as np\ndef my_sqrt(x):\n    return int(np.ones(2**34).sum())\n", "memory_limit_exceeded"),
    ("import torch\ndef my_sqrt(x):\n    return int(torch.ones(2**34).sum())\n", "memory_limit_exceeded"),
    ("import mmap\ndef my_sqrt(x):\n    m = mmap.mmap(-1, 64 * 2**30)\n    return 0\n", "memory_limit_exceeded"),
    ("def my_sqrt(x):\n    a = []\n    while True:\n        a.append(' ' * 2**26)\n",
     ("memory_limit_exceeded", "time_limit_exceeded")),  # 200 ms may end it before 256 MB fill
    ("import sys\nsys.setrecursionlimit(10**7)\ndef f(n):\n    return f(n + 1) + 1\ndef my_sqrt(x):\n    return f(0)\n",
     ("runtime_error", "memory_limit_exceeded", "time_limit_exceeded")),
    ("def f(n):\n    return f(n + 1)\ndef my_sqrt(x):\n    return f(0)\n", "runtime_error"),
    ("import os\ndef my_sqrt(x):\n    while True:\n        os.fork()\n", "runtime_error"),
    ("def my_sqrt(x):\n    with open('fill.bin', 'wb') as f:\n        for _ in range(64):\n"
     "            f.write(b'0' * 2**20)\n    return _solve(x)\n", "runtime_error"),
])
def test_resource_abuse(judge, still_works, body, verdict):
    rep = run(judge, body)
    allowed = verdict if isinstance(verdict, tuple) else (verdict,)
    assert rep.verdict in allowed, (rep.verdict, rep.message, [c.message for c in rep.cases][:2])
    still_works()


def test_thread_bomb_ends_in_a_failing_verdict(judge, still_works):
    body = """
    import threading, time
    def my_sqrt(x):
        ts = []
        for _ in range(100000):
            t = threading.Thread(target=time.sleep, args=(30,))
            t.start()
            ts.append(t)
        return _solve(x)
    """
    assert run(judge, body).verdict in ("runtime_error", "memory_limit_exceeded", "time_limit_exceeded")
    still_works()


def test_huge_result_is_refused(judge, still_works):
    body = "def my_sqrt(x):\n    return 'x' * (300 * 2**20)\n"
    assert run(judge, body).verdict in ("runtime_error", "memory_limit_exceeded", "wrong_answer")
    still_works()


# 8. network --------------------------------------------------------------------------------

@pytest.mark.parametrize("attempt", [
    "socket.socket(socket.AF_INET, socket.SOCK_STREAM).connect(('127.0.0.1', 22))",
    "socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)",
    "socket.create_connection(('8.8.8.8', 53), timeout=1)",
    "socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(b'x', ('127.0.0.1', 53))",
])
def test_no_network(judge, still_works, attempt):
    body = f"""
    import socket
    def my_sqrt(x):
        {attempt}
        return _solve(x)
    """
    assert run(judge, body).verdict == "runtime_error"
    still_works()


# 9. nothing carries over between jobs ------------------------------------------------------

def test_nothing_left_for_the_next_job(judge, still_works):
    plant = """
    import builtins, torch, numpy
    builtins.LEFT_BEHIND = 1
    torch.LEFT_BEHIND = 1
    numpy.LEFT_BEHIND = 1
    with open("left.txt", "w") as f:
        f.write("x")
    def my_sqrt(x):
        return _solve(x)
    """
    assert run(judge, plant).verdict == "accepted"
    probe = """
    import builtins, os, torch, numpy
    def my_sqrt(x):
        left = (hasattr(builtins, "LEFT_BEHIND") or hasattr(torch, "LEFT_BEHIND")
                or hasattr(numpy, "LEFT_BEHIND") or os.path.exists("left.txt"))
        return -1 if left else _solve(x)
    """
    assert run(judge, probe).verdict == "accepted"
    still_works()


# 10. numerics ------------------------------------------------------------------------------

@pytest.mark.parametrize("body, fragment", [
    ("def rms_norm(x, weight, eps=1e-6):\n    x = x.double()\n    return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps) * weight\n",
     "dtype float64"),
    ("def rms_norm(x, weight, eps=1e-6):\n    return x * float('nan')\n", "non-finite"),
    ("def rms_norm(x, weight, eps=1e-6):\n    return (x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps) * weight)[..., :1]\n", "shape"),
    ("def rms_norm(x, weight, eps=1e-6):\n    return (x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps) * weight).reshape(-1)\n", "shape"),
    ("def rms_norm(x, weight, eps=1e-6):\n    return (x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps) * weight).unsqueeze(0)\n", "shape"),
])
def test_numerics_are_checked(judge, still_works, body, fragment):
    rep = judge.judge("rmsnorm", "import torch\n" + body, seed=2)
    assert rep.verdict == "wrong_answer"
    failing = next(c for c in rep.cases if c.verdict == "wrong_answer")
    assert fragment in failing.message
    still_works()


def test_aliasing_an_input_in_place_fails(judge, still_works):
    body = "import torch\ndef rms_norm(x, weight, eps=1e-6):\n    return x.mul_(torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps)).mul_(weight)\n"
    assert judge.judge("rmsnorm", body, seed=2).verdict in ("runtime_error", "wrong_answer")
    still_works()


# 11. probing hidden tests ------------------------------------------------------------------

def test_hidden_inputs_are_not_echoed(judge, still_works):
    body = """
    def my_sqrt(x):
        print("INPUT", x)
        raise ValueError("input was %d" % x * 100)
    """
    rep = run(judge, body)
    hidden = [c for c in rep.cases if c.hidden]
    assert hidden and all(c.stdout == "" for c in hidden)
    assert all(len(c.message) <= 400 for c in hidden)
    visible = [c for c in rep.cases if not c.hidden and c.verdict != "skipped"]
    assert any("INPUT" in c.stdout for c in visible)
    still_works()


# 12. thread pools after fork -------------------------------------------------------------

def test_threads_after_fork_do_not_hang(judge, still_works):
    code = """
    import torch
    torch.set_num_threads(4)
    def rms_norm(x, weight, eps=1e-6):
        big = torch.randn(256, 256)
        (big @ big).sum()
        return x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps) * weight
    """
    rep = judge.judge("rmsnorm", textwrap.dedent(code), seed=4)
    assert rep.verdict == "accepted", rep.message
    still_works()


# every layer the platform offers is in force (a layer that fails by our mistake degrades silently)

def test_every_available_layer_is_on(judge):
    import os

    from mianjing.judge import harden

    rep = judge.judge(P, SOLVE + "def my_sqrt(x):\n    return _solve(x)\n", seed=1)
    state = {layer.split(":")[0]: ": on" in layer for layer in rep.isolation}
    expected = ["session", "descriptors", "rlimits", "no-new-privs", "job-rlimits"]
    if harden.landlock_abi() > 0:
        expected.append("landlock")
    try:
        import pyseccomp  # noqa: F401

        expected.append("seccomp")
    except Exception:  # noqa: BLE001
        pass
    if os.geteuid() == 0:
        expected += ["private-tmp", "network-namespace", "interpreter-view", "uid"]
    off = [name for name in expected if not state.get(name)]
    assert not off, (off, rep.isolation)
