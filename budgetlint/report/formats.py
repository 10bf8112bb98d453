"""The output formats: each renders one :class:`Rendering` (the report and how to show it) to text."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from budgetlint.engine.pack import RuleSet
from budgetlint.report.result import Report


@dataclass(frozen=True)
class Rendering:
    report: Report
    rules: RuleSet  # the rules that ran: their documentation goes into SARIF, JUnit, HTML
    color: bool = False  # ANSI colours (text on a terminal)
    width: int = 120  # columns (text)
    statistics: bool = False  # counts per rule instead of each violation (text)
    show_waived: bool = False  # list the findings a waiver accepted
    timing: bool = True  # report seconds (off: byte-reproducible output)


Renderer = Callable[[Rendering], str]


def formats() -> dict[str, Renderer]:
    """Format name -> renderer.  Imported on demand: only the chosen format's module loads."""
    from budgetlint.report import github as github_format
    from budgetlint.report import html as html_format
    from budgetlint.report import json as json_format
    from budgetlint.report import jsonl as jsonl_format
    from budgetlint.report import junit as junit_format
    from budgetlint.report import sarif as sarif_format
    from budgetlint.report import text as text_format

    return {"text": text_format.render, "json": json_format.render, "html": html_format.render,
            "jsonl": jsonl_format.render, "sarif": sarif_format.render, "github": github_format.render,
            "junit": junit_format.render}
