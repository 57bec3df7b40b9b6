"""`mianjing serve`: the web app on a local port (problems, editor, review, calculators, progress).

Start-up stays light: FastAPI and uvicorn load here, torch never does (the judge service has it).
"""

from __future__ import annotations

import os
import socket
from typing import Optional

import typer

from .common import console, err_console, fail


def _bind(host: str, port: int) -> socket.socket | None:
    """A listening socket on host:port, or None when the port is taken."""
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    s = socket.socket(family, socket.SOCK_STREAM)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    # accepted sockets inherit it (Linux): a response written in two pieces is not held back by
    # Nagle waiting for the client's delayed ACK (~40 ms per request otherwise)
    s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    try:
        s.bind((host, port))
    except OSError:
        s.close()
        return None
    s.listen(128)
    return s


def _port_free(host: str, port: int) -> bool:
    s = _bind(host, port)
    if s is None:
        return False
    s.close()
    return True


def next_free_port(host: str, start: int, tries: int = 50) -> int | None:
    for port in range(start + 1, min(start + 1 + tries, 65536)):
        if _port_free(host, port):
            return port
    return None


def serve_cmd(
    host: str = typer.Option("127.0.0.1", "--host", help="Address to bind. Anything but loopback needs --token."),
    port: int = typer.Option(8765, "--port", help="Port to listen on."),
    no_browser: bool = typer.Option(False, "--no-browser", help="Do not open a browser."),
    token: Optional[str] = typer.Option(None, "--token", envvar="MIANJING_TOKEN",
                                        help="Access token (default: a new random one per launch)."),
) -> None:
    """Start the web app and print its URL (with the access token). Ctrl-C stops it.

    Example: mianjing serve --port 8800 --no-browser
    """
    from ..web.security import is_loopback, new_token

    if not 1 <= port <= 65535:
        fail(f"--port must be between 1 and 65535, not {port}")
    if token is not None and len(token) < 16:
        fail("--token must be at least 16 characters (anyone who guesses it can run code as you)")
    if not is_loopback(host):
        if token is None:
            fail(f"binding to {host} exposes the judge to the network: give an explicit --token (or "
                 "MIANJING_TOKEN) that you share only with yourself, or keep the default --host 127.0.0.1")
        err_console.print(f"[bold yellow]warning:[/] listening on {host}: anyone who can reach this port and "
                          "knows the token can run code as you.", highlight=False)
    # Listen before the web stack is imported: a browser that connects meanwhile waits in the
    # backlog and is answered as soon as the app is ready, instead of being refused.
    sock = _bind(host, port)
    if sock is None:
        nxt = next_free_port(host, port)
        hint = f" Try `mianjing serve --port {nxt}`." if nxt else ""
        fail(f"port {port} on {host} is already in use (another `mianjing serve`?).{hint}")

    import uvicorn

    from ..web.app import create_app

    app = create_app(host, port, token or new_token())
    url = app.state.guard.url("/")
    config = uvicorn.Config(app, host=host, port=port, log_level="warning", access_log=False, lifespan="off",
                            server_header=False)
    server = uvicorn.Server(config)
    import threading

    threading.Thread(target=_warm_up, name="mianjing-warm-up", daemon=True).start()
    console.print(f"mianjing is at [bold]{url}[/]  (Ctrl-C stops it)", highlight=False, soft_wrap=True)
    if not no_browser and not os.environ.get("MIANJING_NO_BROWSER"):
        import webbrowser

        threading.Timer(0.3, lambda: webbrowser.open(url)).start()
    try:
        server.run(sockets=[sock])
    except KeyboardInterrupt:
        pass
    console.print("stopped")


def _warm_up() -> None:
    """Load the problems, the cards and the calculators' forms while the first page is being read,
    so that the next pages do not pay for it (each is cached for the life of the server)."""
    try:
        from ..web import calc, data
        from ..web.views.cards import bank

        data.problems()
        bank()
        for kind in calc.KINDS:
            calc.fields(kind)
        calc.presets()
    except Exception:  # noqa: BLE001 - a page that needs it will load it again and report any error
        pass


def register(app: typer.Typer) -> None:
    app.command("serve")(serve_cmd)
