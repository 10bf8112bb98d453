"""The output formats: each renders one :class:`Rendering` (the report and how to show it) to text."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import import_module
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:  # the command line imports this module to list the formats: keep it light
    from budgetlint.engine.pack import RuleSet
    from budgetlint.report.result import Report, Violation


@dataclass(frozen=True)
class Rendering:
    report: Report
    rules: RuleSet  # the rules that ran: their documentation goes into SARIF, JUnit, HTML
    color: bool = False  # ANSI colours (text on a terminal)
    width: int = 120  # columns (text)
    statistics: bool = False  # counts per rule instead of each violation (text)
    show_waived: bool = False  # list the findings a waiver accepted
    timing: bool = True  # report seconds (off: byte-reproducible output)
    quiet: bool = False  # the findings only, without the summary line (text)

    def rule_name(self, v: Violation) -> str:
        """How a report in the run's language names a finding's rule (`合计行`, `total-row`)."""
        from budgetlint.i18n import language

        rule = self.rules.get(v.rule)
        return rule.shown_name(language()) if rule is not None else v.name


Renderer = Callable[[Rendering], "str | bytes"]  # bytes: a binary format (the workbook)


FORMATS = ("text", "concise", "json", "jsonl", "sarif", "github", "junit", "html", "csv", "xlsx")
BINARY_FORMATS = ("xlsx",)  # written to a file or a pipe, never to a terminal


def renderer(name: str) -> Renderer:
    """The renderer of a format, its module imported only now (the HTML one renders pages)."""
    if name not in FORMATS:
        raise KeyError(name)
    return import_module(f"budgetlint.report.{name}").render
