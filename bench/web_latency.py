"""How fast the web app answers: start-up, pages, and Submit -> verdict next to the judge's own time.

One run prints:

- start-up: `mianjing serve` launched -> port accepting connections, and -> the problem list served
  (the socket is bound before the web stack is imported; a browser connecting in between waits);
- time to first byte of the problem list and of a problem page (`/problems`, `/problems/rmsnorm`),
  over one kept-alive HTTP connection, median and p90;
- full load of the same pages in Chromium (navigation start -> load event, with every script and
  stylesheet), median and p90;
- Submit -> verdict shown for `rmsnorm` (a correct solution, in the browser: click to the verdict
  panel being in the document, timed in the page), next to the judge service's own request -> verdict (`judge_via_service` from
  this process) for the same code, alternated in the same run, and the same POST the page sends made
  from a plain HTTP client (the server's part of the difference, without the browser's);
- the static assets, gzipped, in all.

Then it says whether the targets hold: listening < 1.5 s, pages < 50 ms to first byte, the web adds
at most 30 ms on top of the judge service, all static assets together < 800 KB gzipped. It asserts
verdicts (a fast wrong answer measures nothing), never timings. Everything runs under a temporary
MIANJING_HOME; the server and the judge service are stopped at the end.

    .venv/bin/python bench/web_latency.py              # about a minute on 2 cores
    .venv/bin/python bench/web_latency.py --repeat 50
"""

from __future__ import annotations

import argparse
import gzip
import http.client
import json
import os
import platform
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STATIC = ROOT / "src" / "mianjing" / "web" / "static"
TOKEN = "bench-token-0123456789abcdef"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
SOLUTION = '''import torch


def rms_norm(x, weight, eps=1e-6):
    return x * torch.rsqrt(x.pow(2).mean(dim=-1, keepdim=True) + eps) * weight
'''


# Timed inside the page (performance.now), so the driver's own round trips are not counted: from the
# click on Submit to the moment the verdict panel is in the document.
SUBMIT_AND_TIME = """() => new Promise((done) => {
  const panel = document.getElementById('verdict');
  const t0 = performance.now();
  const watch = new MutationObserver(() => {
    if (panel.querySelector('[data-verdict]')) { watch.disconnect(); done(performance.now() - t0); }
  });
  watch.observe(panel, { childList: true, subtree: true });
  document.getElementById('submit').click();
})"""


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def launch(env: dict[str, str]) -> tuple[subprocess.Popen, int, float, float]:
    """Start `mianjing serve`; return it, its port, seconds until the port accepts connections and
    seconds until the problem list has been served (the app imported and answering)."""
    port = free_port()
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-m", "mianjing.cli.app", "serve", "--port", str(port), "--no-browser"],
                            env=env, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.1).close()
            break
        except OSError:
            if proc.poll() is not None or time.perf_counter() - t0 > 30:
                raise SystemExit("mianjing serve did not start")
            time.sleep(0.002)
    listening = time.perf_counter() - t0
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    conn.request("GET", "/problems", headers={"Authorization": f"Bearer {TOKEN}"})
    assert conn.getresponse().status == 200
    conn.close()
    return proc, port, listening, time.perf_counter() - t0


def stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    proc.wait(10)


def pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]


def ttfb(port: int, path: str, n: int) -> list[float]:
    conn = http.client.HTTPConnection("127.0.0.1", port)
    headers = {"Authorization": f"Bearer {TOKEN}"}
    out = []
    for i in range(n + 3):
        t0 = time.perf_counter()
        conn.request("GET", path, headers=headers)
        resp = conn.getresponse()
        resp.read(1)  # the first byte of the body is here
        first = time.perf_counter() - t0
        resp.read()
        assert resp.status == 200, (path, resp.status)
        if i >= 3:  # warm-up: templates compiled, caches filled
            out.append(first * 1000)
    conn.close()
    return out


def static_gzip() -> tuple[int, int]:
    raw = gz = 0
    for p in STATIC.rglob("*"):
        if p.is_file():
            data = p.read_bytes()
            raw += len(data)
            gz += len(gzip.compress(data, 9))
    return raw, gz


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeat", type=int, default=30, help="requests / page loads per measurement")
    ap.add_argument("--submits", type=int, default=8, help="Submit -> verdict rounds (each also judged directly)")
    ap.add_argument("--launches", type=int, default=5, help="start-ups to time")
    args = ap.parse_args()

    from playwright.sync_api import sync_playwright

    home = Path(tempfile.mkdtemp(prefix="mj-bench-web-"))
    env = dict(os.environ, MIANJING_HOME=str(home), MIANJING_TOKEN=TOKEN, MIANJING_NO_BROWSER="1")
    os.environ["MIANJING_HOME"] = str(home)  # judge_via_service below talks to the same service
    rows: list[tuple[str, float, float, str]] = []

    startups, first_pages = [], []
    for _ in range(args.launches):
        proc, port, listening, served = launch(env)
        startups.append(listening * 1000)
        first_pages.append(served * 1000)
        stop(proc)
    proc, port, _, _ = launch(env)
    base = f"http://127.0.0.1:{port}"
    try:
        rows.append(("`mianjing serve` start -> listening", statistics.median(startups), pct(startups, 0.9), "ms"))
        rows.append(("`mianjing serve` start -> first page served", statistics.median(first_pages),
                     pct(first_pages, 0.9), "ms"))
        for path in ("/problems", "/problems/rmsnorm"):
            t = ttfb(port, path, args.repeat)
            rows.append((f"GET {path}: first byte", statistics.median(t), pct(t, 0.9), "ms"))

        from mianjing.judge.service import judge_via_service

        with sync_playwright() as pw:
            browser = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 1280, "height": 800})
            page.goto(f"{base}/?token={TOKEN}")
            for path in ("/problems", "/problems/rmsnorm"):
                loads = []
                for i in range(args.repeat + 2):
                    page.goto(base + path, wait_until="load")
                    ms = page.evaluate("performance.getEntriesByType('navigation')[0].loadEventEnd")
                    if i >= 2:
                        loads.append(ms)
                rows.append((f"{path}: full load in Chromium", statistics.median(loads), pct(loads, 0.9), "ms"))

            page.goto(base + "/problems/rmsnorm")
            page.wait_for_selector("#editor .cm-content")
            page.evaluate("code => window.mjEditor.set(code)", SOLUTION)
            web, direct, http_only = [], [], []
            conn = http.client.HTTPConnection("127.0.0.1", port)
            post_headers = {"Authorization": f"Bearer {TOKEN}", "Content-Type": "application/json",
                            "Origin": base, "Accept": "text/html"}
            body = json.dumps({"code": SOLUTION, "mode": "submit"})
            for i in range(args.submits + 2):
                t0 = time.perf_counter()
                doc = judge_via_service("rmsnorm", SOLUTION, None)
                d = (time.perf_counter() - t0) * 1000
                assert doc["verdict"] == "accepted", doc["verdict"]
                t0 = time.perf_counter()  # the same request the page sends, from a plain HTTP client
                conn.request("POST", "/problems/rmsnorm/judge", body=body, headers=post_headers)
                resp = conn.getresponse()
                panel = resp.read().decode()
                h = (time.perf_counter() - t0) * 1000
                assert resp.status == 200 and 'data-verdict="accepted"' in panel, resp.status
                page.evaluate("document.getElementById('verdict').innerHTML = ''")
                w = page.evaluate(SUBMIT_AND_TIME)
                assert page.get_attribute("#verdict .verdict-head[data-verdict]", "data-verdict") == "accepted"
                if i >= 2:
                    web.append(w)
                    direct.append(d)
                    http_only.append(h - d)
            conn.close()
            browser.close()
        rows.append(("rmsnorm: judge service request -> verdict", statistics.median(direct), pct(direct, 0.9), "ms"))
        rows.append(("rmsnorm: Submit click -> verdict shown", statistics.median(web), pct(web, 0.9), "ms"))
        overhead = [w - d for w, d in zip(web, direct)]
        rows.append(("web's share (shown - service), paired", statistics.median(overhead), pct(overhead, 0.9), "ms"))
        rows.append(("  of which the server (same POST from an HTTP client - service)", statistics.median(http_only),
                     pct(http_only, 0.9), "ms"))
    finally:
        stop(proc)
        subprocess.run([sys.executable, "-m", "mianjing.cli.app", "service", "stop"], env=env, capture_output=True)

    raw, gz = static_gzip()
    cpu = next((ln.split(":", 1)[1].strip() for ln in Path("/proc/cpuinfo").read_text().splitlines()
                if ln.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else platform.processor()
    load = " ".join(Path("/proc/loadavg").read_text().split()[:3]) if Path("/proc/loadavg").exists() else "?"
    print(f"machine: {cpu}, {os.cpu_count()} cores, Python {platform.python_version()}, {platform.system()} "
          f"{platform.release()}; load average {load} at the end; {args.repeat} requests/loads per page, "
          f"{args.submits} submits\n")
    print("| measurement | median | p90 |")
    print("|---|---:|---:|")
    for name, med, p90, unit in rows:
        print(f"| {name} | {med:.1f} {unit} | {p90:.1f} {unit} |")
    print(f"| static assets (all files in web/static) | {gz / 1024:.0f} KB gzipped | {raw / 1024:.0f} KB raw |")
    med = {name: m for name, m, _, _ in rows}
    checks = [
        ("listening in under 1.5 s", med["`mianjing serve` start -> listening"] < 1500),
        ("pages under 50 ms to first byte", all(m < 50 for n, m in med.items() if "first byte" in n)),
        ("the web adds at most 30 ms to the judge service", med["web's share (shown - service), paired"] <= 30),
        ("static assets under 800 KB gzipped", gz < 800 * 1024),
    ]
    print()
    for what, ok in checks:
        print(f"{'holds' if ok else 'MISSED'}: {what}")


if __name__ == "__main__":
    main()
