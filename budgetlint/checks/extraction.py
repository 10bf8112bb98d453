"""extraction: what the loader could not read, or a reader cannot see, is said at its page.

A page without a text layer (a scan) or with glyphs that map to no character
cannot be checked; the figures on it are not read, so no rule can vouch for them.
A page holding only a picture smaller than the page (a chart, an organisation
chart) is not a scan: it is said only where a rule asks for ``picture``.
A blank page, or text printed outside the page box, is read but not seen by the
people the disclosure is for (see :mod:`budgetlint.load.visibility`).
"""

from __future__ import annotations

from typing import Any, Iterator

from budgetlint.checks.base import Check, Finding
from budgetlint.engine.rule import Field, Rule
from budgetlint.i18n import t
from budgetlint.report.result import FigureRef
from budgetlint.understand.model import DocumentFacts

EXPECTED = {"unreadable": "text that can be copied", "blank-page": "the page removed, or what is missing printed",
            "off-page": "printed inside the page", "picture": "nothing: a picture is not checked"}
PROBLEM_KINDS = tuple(EXPECTED)


def parse_problem_kinds(value: Any) -> tuple[str, ...]:
    kinds = (value,) if isinstance(value, str) else value
    if not isinstance(kinds, (list, tuple)) or not kinds or any(k not in PROBLEM_KINDS for k in kinds):
        raise ValueError(f"must be a list of: {', '.join(PROBLEM_KINDS)}")
    return tuple(kinds)


class Extraction(Check):
    kind = "extraction"
    summary = ("What the loader could not read (a scanned page, glyphs without characters) or a reader cannot "
               "see (a blank page, text outside the page box).")
    fields = {"problems": Field(parse_problem_kinds, f"which of {', '.join(PROBLEM_KINDS)} to report",
                                default=("unreadable",))}
    variables = ("problem",)
    default_message = "{problem}"
    default_message_en = "{problem}"

    def run(self, rule: Rule, doc: DocumentFacts) -> Iterator[Finding]:
        for problem in doc.document.problems:
            if problem.kind not in rule.params["problems"]:
                continue
            yield Finding(subject=FigureRef(location=problem.location, text=""), reported=t(problem.found),
                          computed=t(EXPECTED[problem.kind]), values={"problem": problem.text})
