"""The exit codes, as linters have them: 0 clean, 1 findings, 2 a usage or input error."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from budgetlint.report.result import Report

EXIT_CLEAN, EXIT_VIOLATIONS, EXIT_ERROR = 0, 1, 2


def exit_code(report: Report, fail_on: str, exit_zero: bool = False) -> int:
    """128 + the signal when interrupted (as a shell reports it); 2 on an input error; 1 when a finding
    is at or above the failing level (unless ``exit_zero``); else 0."""
    from budgetlint.severity import Severity  # here: `--version` need not load it

    if report.interrupted is not None:
        return 128 + report.interrupted
    if report.errors:
        return EXIT_ERROR
    if exit_zero:
        return EXIT_CLEAN
    threshold = Severity(fail_on).rank
    return EXIT_VIOLATIONS if any(Severity(v.severity).rank >= threshold for v in report.violations) else EXIT_CLEAN
