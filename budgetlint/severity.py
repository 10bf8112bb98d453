"""How much a finding matters: error, warning or info (a rule's, a settings file's, ``--fail-on``).

A module of its own, so that reading settings and deciding the exit code need not load the rules.
"""

from __future__ import annotations

from enum import StrEnum


class Severity(StrEnum):
    INFO = "info"
    WARNING = "warning"
    ERROR = "error"

    @property
    def rank(self) -> int:
        return ("info", "warning", "error").index(self.value)
