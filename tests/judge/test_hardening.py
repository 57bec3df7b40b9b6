"""Judge hardening, round 2 (issue 17): each attack that got through, its verdict now, and honest
code judged right afterwards (`still_works`)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

from mianjing.judge.controller import judge_code, prepare
from mianjing.judge.inprocess import InProcessSession
from mianjing.paths import PROBLEMS_DIR
from mianjing.problems.bank import get_problem

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


def sqrt_int(judge, body: str, seed: int = 1):
    return judge.judge("sqrt-int", SOLVE + textwrap.dedent(body), seed=seed)


def forge_frame(kind: str, body: str) -> str:
    """Source of a function that writes a forged frame onto every descriptor (the job channel among them)."""
    return f"""
    import os, struct, json
    def _forge():
        header = json.dumps({{"kind": {kind!r}, "body": {body}, "n": 0}}).encode()
        payload = struct.pack(">I", len(header)) + header
        for fd in range(3, 64):
            try:
                os.write(fd, struct.pack(">I", len(payload)) + payload)
            except OSError:
                pass
    """


# ---------------------------------------------------------------- fake verdicts

def test_kv_cache_recompute_with_forged_counters_fails(judge, still_works):
    # recomputes every past key and value, then rewrites the harness's row counters (reachable
    # through the caller's frame) to the counts of an honest cache
    wrong = (PROBLEMS_DIR / "kv-cache-decode" / "wrong" / "recompute_past.py").read_text()
    forged = wrong.replace("def decode_step(x_new, cache, proj, n_heads):", textwrap.dedent("""
    import sys as _sys
    def decode_step(x_new, cache, proj, n_heads):
        out = _decode_step(x_new, cache, proj, n_heads)
        frame = _sys._getframe(1)
        counts, before = frame.f_locals["counts"], frame.f_locals["before"]
        counts[:] = [b + x_new.shape[0] * x_new.shape[1] for b in before]
        return out
    def _decode_step(x_new, cache, proj, n_heads):"""))
    assert "_decode_step" in forged
    rep = judge.judge("kv-cache-decode", forged, seed=1)
    assert rep.verdict == "wrong_answer", rep.message
    assert not any("proj." in c.message for c in rep.cases)  # the counts looked right: the outputs failed it
    honest = judge.judge("kv-cache-decode", get_problem("kv-cache-decode").reference_source(), seed=1)
    assert honest.verdict == "accepted", honest.message
    still_works()


def test_swap_pairs_harness_cannot_be_rewritten(judge, still_works):
    # swaps values, and replaces the harness's reader through ListNode.__init__.__globals__ with one
    # that reports the node order the check wants: this was accepted
    forged = textwrap.dedent("""
    _g = ListNode.__init__.__globals__
    _real = _g["run"]
    def _fake(entry, inputs, dtype, seed):
        out = _real(entry, inputs, dtype, seed)
        n = len(out["out"])
        out["nodes"] = [i ^ 1 if (i ^ 1) < n else i for i in range(n)]
        return out
    _g["run"] = _fake
    def swap_pairs(head):
        node = head
        while node is not None and node.next is not None:
            node.val, node.next.val = node.next.val, node.val
            node = node.next.next
        return head
    """)
    rep = judge.judge("swap-pairs", forged, seed=1)
    assert rep.verdict != "accepted"
    # the same trick through the function's code object
    code_swap = forged.replace('_g["run"] = _fake', '_real.__code__ = (lambda entry, inputs, dtype, seed: 0).__code__')
    assert judge.judge("swap-pairs", code_swap, seed=1).verdict != "accepted"
    honest = judge.judge("swap-pairs", get_problem("swap-pairs").reference_source(), seed=1)
    assert honest.verdict == "accepted", honest.message
    still_works()


def test_forbidden_api_through_computed_getattr(judge, still_works):
    code = textwrap.dedent("""
    import torch
    def stable_softmax(x, dim=-1):
        return getattr(torch, "soft" + "max")(x, dim), None
    """)
    rep = judge.judge("softmax", code, seed=1)
    assert rep.verdict == "forbidden", (rep.verdict, rep.message, [c.message for c in rep.cases][:2])
    method = code.replace('getattr(torch, "soft" + "max")(x, dim)', 'getattr(x, "soft" + "max")(dim)')
    assert judge.judge("softmax", method, seed=1).verdict == "forbidden"
    still_works()


GUARD_WALK = r"""
import importlib, json, os, sys
import torch
torch.set_num_threads(1)
from mianjing.judge import worker
from mianjing.problems.bank import problem_dirs
from mianjing.problems.spec import ProblemError, load_problem
from mianjing.judge.policy import guard_targets

def problems():
    for d in problem_dirs():
        try:
            yield load_problem(d)
        except ProblemError:  # a problem being written: the bank's own tests report it
            pass

def reach(rule):
    "ways to get the forbidden thing with a name built at run time: (how, thunk)"
    if rule.startswith("attr:"):
        name = "".join(list(rule[5:]))
        return [(ns, lambda ns=ns: getattr(worker._resolve(ns), name)) for ns in worker.ATTR_NAMESPACES
                if worker._resolve(ns) is not None and hasattr(worker._resolve(ns), name)]
    parts = rule.split(".")

    def by_attrs():
        obj = importlib.import_module(parts[0])
        for part in parts[1:]:
            obj = getattr(obj, part)
        return obj

    ways = [("getattr", by_attrs)]
    for k in range(len(parts), 0, -1):  # importlib on a prefix, then attributes
        def by_import(k=k):
            obj = importlib.import_module(".".join(parts[:k]))
            for part in parts[k:]:
                obj = getattr(obj, part)
            return obj
        ways.append((f"import {'.'.join(parts[:k])}", by_import))
    return ways

def get(thunk):
    try:
        return thunk()
    except BaseException as exc:
        return exc

def refused(obj):
    if isinstance(obj, BaseException):
        return True  # not reachable that way (ForbiddenUse, ImportError, AttributeError)
    if isinstance(obj, worker._GuardModule):
        return True
    try:
        obj()
    except worker.ForbiddenUse:
        return True
    except BaseException:
        return False
    return False

failures, checked = [], 0
for p in problems():
    rules = [r for r in p.forbidden if not r.startswith("syntax:")]
    if not rules:
        continue
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # guards change the process: one child per problem
        os.close(r)
        ways = [(rule, where, thunk, get(thunk)) for rule in rules for where, thunk in reach(rule)]
        worker.install_guards(guard_targets(p.forbidden))
        bad, n = [], 0
        for rule, where, thunk, before in ways:
            if isinstance(before, BaseException):
                continue  # not there to begin with (a package that is not installed)
            n += 1
            after = get(thunk)
            if after is before or not refused(after):
                bad.append(f"{p.id}: {rule} via {where}: still reachable")
        os.write(w, json.dumps([bad, n]).encode())
        os._exit(0)
    os.close(w)
    data = b""
    while chunk := os.read(r, 65536):
        data += chunk
    os.waitpid(pid, 0)
    bad, n = json.loads(data)
    failures += bad
    checked += n
print(json.dumps({"failures": failures, "checked": checked}))
"""


def test_guards_cover_every_forbidden_name_of_every_problem():
    """Walk every problem's forbidden list: each name, reached through a computed getattr (or a
    computed import), raises ForbiddenUse once the worker's guards are in. Attribute-only rules
    about Python objects (attr:__closure__) have no namespace to guard and stay the static scan's."""
    proc = subprocess.run([sys.executable, "-c", GUARD_WALK], capture_output=True, text=True, timeout=600,
                          env=dict(os.environ, OMP_NUM_THREADS="1"))
    assert proc.returncode == 0, proc.stderr[-2000:]
    doc = json.loads(proc.stdout.strip().splitlines()[-1])
    # __closure__/cell_contents are attributes of functions, not of a namespace: not reachable here
    failures = [f for f in doc["failures"] if "__closure__" not in f and "cell_contents" not in f]
    assert doc["checked"] > 80
    assert not failures, failures


def test_hidden_cases_never_show_expected_values_or_inputs(judge, still_works):
    rep = sqrt_int(judge, "def my_sqrt(x):\n    return _solve(x) + 1\n")
    assert rep.verdict == "wrong_answer"
    prep = judge.prepared(get_problem("sqrt-int"), 1)
    for case, exp, cr in zip(prep.cases, prep.expected, rep.cases):
        if not case.hidden:
            continue
        x, want = case.inputs["x"], exp["out"]
        text = cr.message + " " + cr.detail
        for value in {x, want, want + 1}:
            if value >= 10:
                assert str(value) not in text, (case.name, text)
    # a string problem: no hidden string, no expected length
    lcs = judge.judge("lcs", "def longest_common_subsequence(text1, text2):\n    return -1\n", seed=2)
    lprep = judge.prepared(get_problem("lcs"), 2)
    for case, exp, cr in zip(lprep.cases, lprep.expected, lcs.cases):
        if case.hidden and cr.verdict == "wrong_answer":
            assert "expected" not in cr.message
            for s in case.inputs.values():
                if len(s) >= 3:
                    assert s not in cr.message + cr.detail
    still_works()


@pytest.mark.parametrize("raise_stmt", [
    "raise ValueError('input was %d' % x)",
    "raise ValueError(str(x) * 4000)",
    "raise ValueError('x' + chr(0xd800) + '\\x1b]52;c;aGk=\\x07' + str(x))",
    "raise type('E' + str(x), (Exception,), {})('boom')",
])
def test_hidden_exception_messages_are_masked_and_capped(judge, still_works, raise_stmt):
    rep = sqrt_int(judge, f"def my_sqrt(x):\n    if x > 4:\n        {raise_stmt}\n    return _solve(x)\n")
    prep = judge.prepared(get_problem("sqrt-int"), 1)
    hidden = [(case, cr) for case, cr in zip(prep.cases, rep.cases) if case.hidden and cr.verdict == "runtime_error"]
    assert hidden
    for case, cr in hidden:
        assert len(cr.message) <= 200
        assert str(case.inputs["x"]) not in cr.message
        assert "\x1b" not in cr.message and "\ud800" not in cr.message
        assert "line 13: raise" in cr.message  # the user's own line, from the source the controller holds
    visible = next(cr for case, cr in zip(prep.cases, rep.cases) if not case.hidden and cr.verdict == "runtime_error")
    assert len(visible.message) <= 2000
    still_works()


def test_hidden_edges_change_with_the_seed():
    for pid in ("sqrt-int", "lcs"):
        p = get_problem(pid)
        a, b = prepare(p, 1), prepare(p, 2)
        edges_a = {c.name: c.inputs for c in a.cases if c.hidden and c.name.startswith("edge-")}
        edges_b = {c.name: c.inputs for c in b.cases if c.hidden and c.name.startswith("edge-")}
        assert edges_a.keys() == edges_b.keys()
        assert sum(edges_a[k] != edges_b[k] for k in edges_a) >= 2, pid


def test_hidden_case_times_are_coarse(judge):
    from mianjing.judge.controller import coarse_ms

    rep = sqrt_int(judge, "def my_sqrt(x):\n    return _solve(x)\n")
    buckets = {coarse_ms(t) for t in (0.1, 1.5, 3, 7, 15, 30, 70, 150)}
    assert buckets == {1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0, 200.0}
    assert all(c.time_ms in {1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0} for c in rep.cases if c.hidden)


def test_isolation_layers_cannot_be_forged(judge, still_works):
    # the module body rewrites the worker's list of layers and its own reports before "ready"
    forged = SOLVE + textwrap.dedent("""
    import sys
    f = sys._getframe()
    while f is not None:
        if "layers" in f.f_locals and isinstance(f.f_locals["layers"], list):
            f.f_locals["layers"][:] = ["gvisor: on (FORGED)"]
        f = f.f_back
    def my_sqrt(x):
        return _solve(x)
    """)
    rep = judge.judge("sqrt-int", forged, seed=1)
    assert rep.verdict == "accepted"
    assert not any("FORGED" in layer for layer in rep.isolation)
    assert any("verified by the judge" in layer for layer in rep.isolation)
    still_works()


def test_a_layer_the_kernel_does_not_show_is_reported_off():
    from mianjing.judge.verify import checked_layers

    # this test process has no seccomp filter: a claim that it has one must not be believed
    out = checked_layers(os.getpid(), ["seccomp: on (claimed)", "landlock: on (claimed)"])
    assert out[0].startswith("seccomp: off")
    assert out[1].startswith("landlock: on") and "reported" in out[1]


# ---------------------------------------------------------------- nothing the submission does is our error

@pytest.mark.parametrize("problem, code", [
    ("sqrt-float", "def float_sqrt(x):\n    return 10 ** 400\n"),
    ("kv-cache-decode", None),  # malformed rows: see below
])
def test_odd_values_are_wrong_answers_not_judge_errors(judge, still_works, problem, code):
    if code is None:
        ref = get_problem("kv-cache-decode").reference_source()
        code = ref + textwrap.dedent("""
        import sys as _sys
        _real = decode_step
        def decode_step(x_new, cache, proj, n_heads):
            out = _real(x_new, cache, proj, n_heads)
            rows = _sys._getframe(1).f_locals["rows"]
            if rows:
                rows[0].append(0)  # a fifth count: equal on the four the check reads (StopIteration)
            return out
        """)
    rep = judge.judge(problem, code, seed=1)
    assert rep.verdict in ("wrong_answer", "runtime_error"), (rep.verdict, rep.message)
    still_works()


def test_a_forged_setup_error_is_not_believed(judge, still_works):
    # sent by the module body, after the worker's own "checked": the submission's word
    code = SOLVE + textwrap.dedent(forge_frame("setup_error", '{"verdict": "judge_error", "message": "fake"}'))
    code += "_forge()\ndef my_sqrt(x):\n    return _solve(x)\n"
    rep = judge.judge("sqrt-int", code, seed=1)
    assert rep.verdict != "judge_error" and rep.verdict != "accepted", (rep.verdict, rep.message)
    still_works()


@pytest.mark.parametrize("kind, body", [
    ("error", '{"verdict": ["unhashable"], "message": 5}'),
    ("error", '{"verdict": "judge_error", "message": "fake"}'),
    ("error", '{"verdict": "accepted"}'),
    ("result", '{"outputs": {"out": {"__npy__": 0}}}'),
    ("result", '["not", "a", "dict"]'),
    ("error", '{"verdict": "runtime_error", "message": "\\ud800" * 100000, "traceback": "T" * 2000000}'),
])
def test_forged_frames_never_make_a_judge_error(judge, still_works, kind, body):
    code = SOLVE + textwrap.dedent(forge_frame(kind, body)) + "def my_sqrt(x):\n    _forge()\n    return _solve(x)\n"
    rep = judge.judge("sqrt-int", code, seed=1)
    # a big frame can take the worker past the 200 ms limit on a loaded machine: also fine
    assert rep.verdict in ("runtime_error", "wrong_answer", "time_limit_exceeded"), (rep.verdict, rep.message)
    for c in rep.cases:
        c.message.encode("utf-8")  # no lone surrogates left
        assert len(c.message) <= 2000
    still_works()


@pytest.mark.parametrize("source", [
    "x = " + "(" * 200 + ")" * 200 + "\n",  # nested parentheses
    "x = a" + ".b" * 60000 + "\n",  # a long attribute chain: RecursionError in the compiler
    "x = f'" + "{1}" * 60000 + "'\n",
])
def test_source_that_breaks_the_compiler_is_judged_in_the_worker(judge, still_works, monkeypatch, source):
    from mianjing.judge import controller, policy

    def refuse(*_a, **_k):
        raise AssertionError("the controller parsed untrusted source")

    monkeypatch.setattr(policy, "scan", refuse)
    monkeypatch.setattr(controller.policy, "scan", refuse)
    rep = judge.judge("sqrt-int", source + "def my_sqrt(x):\n    return x\n", seed=1)
    assert rep.verdict in ("invalid_submission", "runtime_error", "time_limit_exceeded", "wrong_answer"), rep.message
    still_works()


def test_forbidden_use_is_still_found_by_the_scan_in_the_worker(judge, monkeypatch):
    from mianjing.judge import policy

    monkeypatch.setattr(policy, "scan", lambda *a, **k: [])  # the controller's copy: not used any more
    rep = judge.judge("sqrt-int", "import math\ndef my_sqrt(x):\n    return math.isqrt(x)\n", seed=1)
    assert rep.verdict == "forbidden" and "isqrt" in rep.message


def test_oversized_source_is_refused_with_a_clear_message(judge, still_works):
    code = SOLVE + "def my_sqrt(x):\n    return _solve(x)\n" + "# padding\n" * 30000
    rep = judge.judge("sqrt-int", code, seed=1)
    assert rep.verdict == "invalid_submission"
    assert "256 KB" in rep.message and not rep.cases
    still_works()


def test_bad_seed_is_a_usage_error(judge):
    for seed in (-1, 2**63, True, "3"):
        with pytest.raises(ValueError, match="--seed"):
            judge.judge("sqrt-int", "def my_sqrt(x):\n    return 0\n", seed=seed)


def test_byte_order_mark_and_crlf_are_accepted(judge):
    ref = get_problem("sqrt-int").reference_source()
    rep = judge.judge("sqrt-int", "\ufeff" + ref.replace("\n", "\r\n"), seed=1)
    assert rep.verdict == "accepted", rep.message


def test_prints_cannot_carry_surrogates_or_escapes(judge, still_works):
    body = "def my_sqrt(x):\n    print('a' + chr(0xd800) + '\\x1b]52;c;aGk=\\x07b')\n    return _solve(x)\n"
    rep = sqrt_int(judge, body)
    assert rep.verdict == "accepted"
    shown = [c.stdout for c in rep.cases if not c.hidden]
    assert shown and all(s.encode("utf-8") and "\x1b" not in s and s.startswith("a?") for s in shown)
    still_works()


def test_bfloat16_result_is_named(judge, still_works):
    code = "import torch\ndef rms_norm(x, weight, eps=1e-6):\n" \
           "    return (x * torch.rsqrt(x.pow(2).mean(-1, keepdim=True) + eps) * weight).bfloat16()\n"
    rep = judge.judge("rmsnorm", code, seed=1)
    assert rep.verdict == "wrong_answer"
    first = next(c for c in rep.cases if c.verdict == "wrong_answer")
    assert "bfloat16" in first.message and "float16," not in first.message
    still_works()


# ---------------------------------------------------------------- isolation: IPC and environment

def test_no_system_v_ipc_or_posix_shm(judge, still_works):
    def segments() -> int:
        try:
            with open("/proc/sysvipc/shm") as f:
                return len(f.readlines()) - 1
        except OSError:
            return 0

    before = segments()
    body = """
    import ctypes
    libc = ctypes.CDLL(None, use_errno=True)
    def my_sqrt(x):
        got = []
        if libc.shmget(0, 1 << 20, 0o1600) >= 0:  # IPC_PRIVATE, IPC_CREAT | 0600
            got.append("sysv shm")
        if libc.msgget(0, 0o1600) >= 0:
            got.append("sysv msg")
        try:
            from multiprocessing import shared_memory
            shared_memory.SharedMemory(create=True, size=4096)
            got.append("posix shm")
        except Exception:
            pass
        return _solve(x) if not got else -1
    """
    rep = sqrt_int(judge, body)
    assert rep.verdict == "accepted", [c.message for c in rep.cases][:2]
    assert segments() <= before
    still_works()


def test_workers_get_a_minimal_environment(monkeypatch):
    from mianjing.judge.local import LocalJudge

    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "judge-sec-test-secret")
    monkeypatch.setenv("OPENAI_API_KEY", "judge-sec-test-key")
    j = LocalJudge(spare=False)
    try:
        body = """
        import os
        def my_sqrt(x):
            seen = "judge-sec-test" in repr(dict(os.environ))
            try:
                seen = seen or b"judge-sec-test" in open("/proc/self/environ", "rb").read()
            except OSError:
                pass
            return -1 if seen else _solve(x)
        """
        assert sqrt_int(j, body).verdict == "accepted"
    finally:
        j.close()


def test_in_process_grader_refuses_like_the_worker():
    """The unisolated grader (benchmarks) goes through the same checks before running anything."""
    p = get_problem("sqrt-int")
    prep = prepare(p, 1)
    rep = judge_code(p, "import math\ndef my_sqrt(x):\n    return math.isqrt(x)\n", prep, InProcessSession)
    assert rep.verdict == "forbidden"


def test_sanitize_rules():
    from mianjing.judge.sanitize import clean_text, hidden_error, mask_known

    assert clean_text("a\x1b[31mred\x1b[0m\x9b2Jb\x07\r\nc") == "aredb\nc"
    assert clean_text("x\ud800y") == "x?y"
    assert clean_text(5) == ""
    cut = clean_text("z" * 10_000, 100)
    assert len(cut) == 100 and cut.endswith("(cut)")
    # a hidden case's own values go, the judge's other numbers stay
    msg = mask_known("out: got 46341, expected 46340 (tolerance 1e-06, 3 of 20 off)", [{"x": 2147395600}, {"out": 46340}])
    assert "46340" not in msg and "1e-06" in msg and "3 of 20" in msg
    shown = hidden_error("ValueError", "ValueError: bad 'abcdef' at 123", "line 4: raise ValueError(s)",
                         [{"text1": "abcdef"}])
    assert shown == "ValueError: bad '…' at #\nline 4: raise ValueError(s)"


def test_the_worker_cannot_be_patched_to_report_for_the_harness(judge, still_works):
    # module body replaces the worker's own case runner with one that reports the check's wishes
    forged = textwrap.dedent("""
    import sys
    _w = sys.modules["mianjing.judge.worker"]
    def _run(self, inputs, seed):
        vals = list(inputs["values"])
        out = []
        for i in range(0, len(vals) - 1, 2):
            out += [vals[i + 1], vals[i]]
        if len(vals) % 2:
            out.append(vals[-1])
        n = len(vals)
        return "result", {"outputs": {"out": out, "nodes": [i ^ 1 if (i ^ 1) < n else i for i in range(n)]},
                          "stdout": ""}
    _w.Submission.run = _run
    def swap_pairs(head):
        return head
    """)
    rep = judge.judge("swap-pairs", forged, seed=1)
    assert rep.verdict != "accepted"
    still_works()


def test_the_seal_cannot_be_switched_off_through_gc(judge, still_works):
    # finds the worker's objects through gc, drops the seal it can reach, then rebinds the harness
    forged = textwrap.dedent("""
    import gc, sys
    for o in gc.get_objects():
        if type(o).__name__ == "Submission":
            o.seal = None
    import builtins
    builtins.all = lambda *a: True
    _h = sys.modules["mianjing.judge.harness"]
    _real = _h.run_case
    def _fake(entry, inputs, spec, dtype, seed, custom=None):
        out = _real(entry, inputs, spec, dtype, seed, custom)
        n = len(out["out"])
        out["nodes"] = [i ^ 1 if (i ^ 1) < n else i for i in range(n)]
        return out
    _h.run_case = _fake
    def swap_pairs(head):
        node = head
        while node is not None and node.next is not None:
            node.val, node.next.val = node.next.val, node.val
            node = node.next.next
        return head
    """)
    rep = judge.judge("swap-pairs", forged, seed=1)
    assert rep.verdict != "accepted"
    still_works()
