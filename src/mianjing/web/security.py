"""What stands between a web page the user happens to visit and code execution on their machine.

- a launch token (random per launch unless given) is needed for every request: once from the URL,
  then as an HttpOnly SameSite=Strict cookie, or as `Authorization: Bearer` for API clients;
- the Host header must name the bound host and port (DNS rebinding sends the attacker's name);
- requests that change state need an Origin naming this server, and a cookie-authenticated one
  also the CSRF token the pages carry (a Bearer header is something no other site can attach).
"""

from __future__ import annotations

import hashlib
import hmac
import ipaddress
import secrets
from dataclasses import dataclass, field
from urllib.parse import urlencode

TOKEN_COOKIE = "mianjing_token"
CSRF_HEADER = "x-csrf-token"
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def new_token() -> str:
    return secrets.token_urlsafe(24)


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def is_wildcard(host: str) -> bool:
    return host in ("0.0.0.0", "::", "[::]")


@dataclass
class Guard:
    host: str
    port: int
    token: str
    allowed_hosts: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        names = {self.host}
        if is_loopback(self.host):
            names |= {"127.0.0.1", "localhost"}
        if ":" in self.host and not self.host.startswith("["):
            names = {f"[{n}]" if ":" in n else n for n in names}
        self.allowed_hosts = frozenset(f"{n}:{self.port}" for n in names)

    @property
    def csrf(self) -> str:
        """Derived from the token: the same for every page of this launch, useless without the cookie."""
        return hmac.new(self.token.encode(), b"mianjing-csrf", hashlib.sha256).hexdigest()[:32]

    def host_ok(self, host_header: str | None) -> bool:
        if not host_header:
            return False
        host_header = host_header.lower()
        if is_wildcard(self.host):  # bound everywhere: any name, but our port (the token still guards)
            return host_header.rsplit(":", 1)[-1] == str(self.port)
        return host_header in self.allowed_hosts

    def token_ok(self, value: str | None) -> bool:
        return bool(value) and hmac.compare_digest(value.encode(), self.token.encode())  # type: ignore[union-attr]

    def bearer(self, authorization: str | None) -> str | None:
        if authorization and authorization.lower().startswith("bearer "):
            return authorization[7:].strip()
        return None

    def origin_ok(self, origin: str | None, host_header: str | None) -> bool:
        """The Origin must be this very server (scheme http, the Host the request was sent to)."""
        if not origin or not host_header:
            return False
        return origin.lower() == f"http://{host_header.lower()}" and self.host_ok(host_header)

    def csrf_ok(self, value: str | None) -> bool:
        return bool(value) and hmac.compare_digest(value.encode(), self.csrf.encode())  # type: ignore[union-attr]

    def url(self, path: str = "/") -> str:
        shown = "127.0.0.1" if is_wildcard(self.host) else self.host
        if ":" in shown and not shown.startswith("["):
            shown = f"[{shown}]"
        return f"http://{shown}:{self.port}{path}?{urlencode({'token': self.token})}"
