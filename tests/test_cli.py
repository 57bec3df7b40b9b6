"""The problem and judge commands, end to end, as a user runs them."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time

from typer.testing import CliRunner

from mianjing.cli.app import app
from mianjing.paths import PROBLEMS_DIR

runner = CliRunner()
REF = PROBLEMS_DIR / "sqrt-int" / "reference.py"


def mj(*args: str, env: dict | None = None, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "mianjing.cli.app", *args], capture_output=True, text=True,
                          env=env or dict(os.environ), timeout=timeout)


def test_help_and_list_do_not_import_torch():
    code = (
        "import sys\nfrom typer.testing import CliRunner\nfrom mianjing.cli.app import app\n"
        "r = CliRunner()\nassert r.invoke(app, ['--help']).exit_code == 0\n"
        "res = r.invoke(app, ['list', '--json'])\nassert res.exit_code == 0, res.output\n"
        "assert r.invoke(app, ['show', 'rmsnorm']).exit_code == 0\n"
        "assert 'torch' not in sys.modules, 'torch was imported'\nprint('clean')\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=dict(os.environ))
    assert out.returncode == 0 and "clean" in out.stdout, out.stderr


def test_every_command_has_help():
    for cmd in ("list", "show", "start", "judge", "selfcheck", "stats", "doctor", "service"):
        res = runner.invoke(app, [cmd, "--help"])
        assert res.exit_code == 0 and "Usage" in res.output, cmd


def test_list_json_fields_and_filters():
    res = runner.invoke(app, ["list", "--json"])
    doc = json.loads(res.output)
    row = next(p for p in doc["problems"] if p["id"] == "rmsnorm")
    assert row["title"]["zh"] and row["title"]["en"] and row["kind"] == "model"
    assert row["catalogue"] == ["C16"] and row["status"] == "new" and "difficulty" in row and row["tags"]
    algo = json.loads(runner.invoke(app, ["list", "--kind", "algo", "--json"]).output)["problems"]
    assert algo and all(p["kind"] == "algo" for p in algo)
    tagged = json.loads(runner.invoke(app, ["list", "--tag", "binary-search", "--json"]).output)["problems"]
    assert any(p["id"] == "sqrt-int" for p in tagged)
    assert runner.invoke(app, ["list", "--kind", "nope"]).exit_code == 2


def test_show_and_unknown_ids():
    res = runner.invoke(app, ["show", "sqrt-int", "--lang", "en"])
    assert res.exit_code == 0 and "Integer square root" in res.output
    res = runner.invoke(app, ["show", "sqrt-itn"])
    assert res.exit_code == 2 and "unknown problem id" in res.output
    assert runner.invoke(app, ["show", "sqrt-int", "--lang", "fr"]).exit_code == 2


def test_start_never_overwrites(tmp_path):
    res = runner.invoke(app, ["start", "sqrt-int", "--dir", str(tmp_path), "--lang", "en"])
    assert res.exit_code == 0
    f = tmp_path / "sqrt-int.py"
    text = f.read_text()
    assert text.startswith("# # Integer square root") and "def my_sqrt" in text
    f.write_text("my work\n")
    res = runner.invoke(app, ["start", "sqrt-int", "--dir", str(tmp_path)])
    assert res.exit_code == 0 and "already exists" in res.output
    assert f.read_text() == "my work\n"


def test_judge_usage_errors(tmp_path):
    assert mj("judge", "no-such", str(REF)).returncode == 2
    res = mj("judge", "sqrt-int", str(tmp_path / "missing.py"))
    assert res.returncode == 2 and "no such file" in res.stderr


def test_judge_no_service_json_and_exit_codes(tmp_path):
    res = mj("judge", "sqrt-int", str(REF), "--no-service", "--json", "--seed", "5")
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)
    assert doc["problem"] == "sqrt-int" and doc["verdict"] == "accepted" and doc["passed"] == doc["total"] > 0
    assert doc["seed"] == 5 and isinstance(doc["time_ms"], float)
    case = doc["cases"][0]
    assert set(case) >= {"name", "hidden", "verdict", "message", "time_ms"}
    wrong = tmp_path / "w.py"
    wrong.write_text("def my_sqrt(x):\n    return x\n")
    res = mj("judge", "sqrt-int", str(wrong), "--no-service", "--json")
    assert res.returncode == 1 and json.loads(res.stdout)["verdict"] == "wrong_answer"
    syntax = tmp_path / "s.py"
    syntax.write_text("def my_sqrt(x)\n    return x\n")
    res = mj("judge", "sqrt-int", str(syntax), "--no-service", "--json")
    assert res.returncode == 1 and json.loads(res.stdout)["verdict"] == "invalid_submission"
    missing = tmp_path / "m.py"
    missing.write_text("def other(x):\n    return x\n")
    doc = json.loads(mj("judge", "sqrt-int", str(missing), "--no-service", "--json").stdout)
    assert doc["verdict"] == "invalid_submission" and "my_sqrt" in doc["message"]
    forb = tmp_path / "f.py"
    forb.write_text("import math\ndef my_sqrt(x):\n    return int(math.sqrt(x))\n")
    doc = json.loads(mj("judge", "sqrt-int", str(forb), "--no-service", "--json").stdout)
    assert doc["verdict"] == "forbidden" and "line 3" in doc["message"]
    stats = json.loads(mj("stats", "--json").stdout)
    assert stats["recent"][0]["problem"] == "sqrt-int" and len(stats["recent"]) == 5
    listed = {p["id"]: p["status"] for p in json.loads(mj("list", "--json").stdout)["problems"]}
    assert listed["sqrt-int"] == "solved" and listed["rmsnorm"] == "new"


def test_judge_through_the_service(tmp_path):
    try:
        res = mj("judge", "sqrt-int", str(REF), "--json")
        assert res.returncode == 0, res.stderr
        assert json.loads(res.stdout)["verdict"] == "accepted"
        st = json.loads(mj("service", "status", "--json").stdout)
        assert st["pid"] > 0 and st["served"] == 1 and st["zygote_alive"]
        assert any(layer.startswith("seccomp") for layer in st["isolation"])
        # a second judge reuses the warm service
        res = mj("judge", "sqrt-int", str(REF), "--json")
        assert json.loads(mj("service", "status", "--json").stdout)["pid"] == st["pid"]
        assert json.loads(mj("stats", "--json").stdout)["recent"][0]["verdict"] == "accepted"
    finally:
        assert mj("service", "stop").returncode == 0
    deadline = time.time() + 10
    while time.time() < deadline and mj("service", "status", "--json").stdout.strip() != '{\n  "running": false\n}':
        time.sleep(0.2)
    assert json.loads(mj("service", "status", "--json").stdout) == {"running": False}


def test_doctor_reports_layers():
    res = mj("doctor", "--json")
    assert res.returncode == 0, res.stderr
    doc = json.loads(res.stdout)
    assert doc["torch"] != "not installed" and doc["isolation"]
    assert any(layer.startswith("landlock") for layer in doc["isolation"])
    assert any(layer.startswith("seccomp") for layer in doc["isolation"]) and doc["database_check"] == "ok"


def test_corrupt_database_is_reported_with_a_way_out(_isolated_home):
    _isolated_home.mkdir(parents=True, exist_ok=True)
    (_isolated_home / "mianjing.sqlite3").write_bytes(b"this is not a database" * 100)
    res = mj("stats")
    assert res.returncode == 2 and "damaged" in res.stderr and ".recover" in res.stderr
    assert "Traceback" not in res.stderr
    res = mj("list")  # the bank itself still lists, with a warning
    assert res.returncode == 0 and "damaged" in res.stderr


def test_killed_judge_keeps_earlier_records(tmp_path):
    assert mj("judge", "sqrt-int", str(REF), "--no-service", "--json").returncode == 0
    slow = tmp_path / "slow.py"
    slow.write_text("import time\ndef my_sqrt(x):\n    time.sleep(0.15)\n    return 0\n")
    proc = subprocess.Popen([sys.executable, "-m", "mianjing.cli.app", "judge", "sqrt-int", str(slow), "--no-service"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    time.sleep(4)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    stats = json.loads(mj("stats", "--json").stdout)
    assert [r["verdict"] for r in stats["recent"]][-1] == "accepted"


def test_fast_judge_path_parses_only_the_plain_form():
    from mianjing.cli.fastjudge import _parse

    assert _parse(["judge", "mha", "a.py"]) == ("mha", "a.py", False, None)
    assert _parse(["judge", "--json", "mha", "a.py", "--seed", "3"]) == ("mha", "a.py", True, 3)
    assert _parse(["judge", "mha", "a.py", "--seed=4"]) == ("mha", "a.py", False, 4)
    for args in (["judge", "mha", "a.py", "--help"], ["judge", "mha", "a.py", "--no-service"], ["judge", "mha"],
                 ["judge", "mha", "a.py", "--seed", "x"], ["list"], []):
        assert _parse(args) is None, args
