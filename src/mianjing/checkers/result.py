from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CheckResult:
    ok: bool
    message: str = ""

    @classmethod
    def passed(cls) -> "CheckResult":
        return cls(True, "")

    @classmethod
    def failed(cls, message: str) -> "CheckResult":
        return cls(False, message)
