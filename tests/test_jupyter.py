"""`%load_ext mianjing` in a real notebook, executed by nbclient on an ipykernel: an accepted cell,
a wrong one, an unknown id, `%mianjing show` and `%mianjing start`."""

from __future__ import annotations

import re
import sqlite3
import subprocess
import sys

import pytest

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel")

from mianjing.problems.bank import get_problem  # noqa: E402


def _outputs(cell) -> str:
    parts = []
    for out in cell.get("outputs", []):
        if out.get("output_type") == "error":
            parts.append(f"{out['ename']}: {out['evalue']}")
        for key in ("text/html", "text/markdown", "text/plain"):
            if key in out.get("data", {}):
                parts.append(out["data"][key])
        if "text" in out:
            parts.append(out["text"])
    return "\n".join(parts)


@pytest.fixture
def notebook_run(tmp_path, monkeypatch):
    from mianjing.judge import service

    yield tmp_path
    service.stop()


def test_judge_cells_in_a_notebook(notebook_run):
    ref = get_problem("sqrt-int").reference_source()
    cells = [
        "%load_ext mianjing",
        "%%judge sqrt-int --seed 3\n" + ref,
        "%%judge sqrt-int --seed 3\ndef my_sqrt(x):\n    return x\n",
        "%%judge no-such-problem\ndef f():\n    pass\n",
        "%mianjing show sqrt-int --lang en",
        "%mianjing start sqrt-int",
    ]
    nb = nbformat.v4.new_notebook()
    nb.cells = [nbformat.v4.new_code_cell(c) for c in cells]
    client = nbclient.NotebookClient(nb, kernel_name="python3", timeout=600, allow_errors=True,
                                     resources={"metadata": {"path": str(notebook_run)}})
    client.execute()
    accepted, wrong, unknown, show, start = (_outputs(c) for c in nb.cells[1:])
    # every case passed (the count follows the problem's cases, which may grow)
    assert "accepted" in accepted and re.search(r"\b(\d+)/\1 cases", accepted) and "<table>" in accepted, accepted
    assert "wrong_answer" in wrong and "<table>" in wrong, wrong
    assert "UsageError" in unknown and "no-such-problem" in unknown and "Traceback" not in unknown, unknown
    assert "my_sqrt" in show and "time limit 200 ms" in show, show
    payload = [p for c in [nb.cells[5]] for o in c.outputs for p in o.get("data", {}).keys()]
    assert "Traceback" not in start, (start, payload)

    # stored like the command line: both judged cells, none for the unknown id
    from mianjing.store.db import connect

    conn = connect()
    rows = conn.execute("SELECT problem, verdict FROM submissions ORDER BY id").fetchall()
    assert [tuple(r) for r in rows] == [("sqrt-int", "accepted"), ("sqrt-int", "wrong_answer")]


def test_start_puts_the_stub_in_the_next_cell():
    from IPython.testing.globalipapp import get_ipython

    ip = get_ipython()
    ip.extension_manager.load_extension("mianjing")
    seen = []
    ip.set_next_input = lambda text, replace=False: seen.append((text, replace))
    ip.run_line_magic("mianjing", "start sqrt-int")
    assert seen == [(f"%%judge sqrt-int\n{get_problem('sqrt-int').stub()}", False)]


def test_the_command_line_never_imports_ipython():
    code = ("import sys\nfrom mianjing.cli import app\n"
            "assert not any(m == 'IPython' or m.startswith('IPython.') for m in sys.modules), 'IPython imported'\n"
            "assert 'mianjing.jupyter' not in sys.modules\n")
    subprocess.run([sys.executable, "-c", code], check=True)
