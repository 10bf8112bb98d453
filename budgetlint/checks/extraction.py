"""extraction: what the loader could not read is said, at its page, rather than skipped silently.

A page without a text layer (a scan) or with glyphs that map to no character
cannot be checked; the figures on it are not read, so no rule can vouch for them.
"""

from __future__ import annotations

from typing import Iterator

from budgetlint.checks.base import Check, Finding
from budgetlint.report.result import FigureRef
from budgetlint.understand.model import DocumentFacts


class Extraction(Check):
    kind = "extraction"
    summary = "A page (or part of one) the loader could not read: scanned, or glyphs without characters."
    fields = {}
    variables = ("problem",)
    default_message = "{problem}"

    def run(self, rule, doc: DocumentFacts) -> Iterator[Finding]:
        for problem in doc.document.problems:
            yield Finding(subject=FigureRef(location=problem.location, text=""), reported=problem.found,
                          computed="可复制的文字", values={"problem": problem.message})
