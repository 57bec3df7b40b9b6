"""A real `mianjing serve` in a subprocess (own MIANJING_HOME, free loopback port, known token), and
Debian's Chromium driven by Playwright."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

TOKEN = "test-token-0123456789abcdef"
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_listening(port: int, proc: subprocess.Popen, timeout: float = 30.0) -> float:
    t0 = time.monotonic()
    while time.monotonic() - t0 < timeout:
        if proc.poll() is not None:
            raise RuntimeError(f"mianjing serve exited: {proc.stdout.read() if proc.stdout else ''}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return time.monotonic() - t0
        except OSError:
            time.sleep(0.02)
    raise RuntimeError("mianjing serve did not start listening")


class Server:
    def __init__(self, home: Path):
        self.home = home
        self.token = TOKEN
        self.port = free_port()
        self.env = dict(os.environ, MIANJING_HOME=str(home), MIANJING_TOKEN=TOKEN, MIANJING_NO_BROWSER="1",
                        MIANJING_SERVICE_IDLE_S="120")
        self.env.pop("MIANJING_LANG", None)  # the language switch is remembered in settings.toml, which this would override
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "mianjing.cli.app", "serve", "--port", str(self.port), "--no-browser"],
            env=self.env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.startup_s = wait_listening(self.port, self.proc)
        self.base = f"http://127.0.0.1:{self.port}"

    def url(self, path: str = "/", token: bool = False) -> str:
        return self.base + path + (f"?token={TOKEN}" if token else "")

    def stop(self) -> None:
        self.proc.terminate()
        try:
            self.proc.wait(10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
        subprocess.run([sys.executable, "-m", "mianjing.cli.app", "service", "stop"], env=self.env,
                       capture_output=True, timeout=60)


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    srv = Server(tmp_path_factory.mktemp("webhome"))
    yield srv
    srv.stop()


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: `apt-get install -y chromium` (.ci/run does it)")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory) -> Path:
    """Screenshots of every page land here (and in $MIANJING_SCREENSHOTS when set, to look at them)."""
    target = os.environ.get("MIANJING_SCREENSHOTS")
    folder = Path(target) if target else tmp_path_factory.mktemp("screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture()
def page(browser, server):
    ctx = browser.new_context(viewport={"width": 1280, "height": 800})
    pg = ctx.new_page()
    pg.goto(server.url("/problems", token=True))  # sets the cookie, as the printed URL does
    yield pg
    ctx.close()
