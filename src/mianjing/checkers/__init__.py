"""Checkers: pure functions comparing a decoded answer with the reference's.

Each returns a CheckResult. They run in the controller only, on values the wire already decoded and
validated, so nothing the submission does can change how they behave.
"""

from .result import CheckResult

__all__ = ["CheckResult"]
