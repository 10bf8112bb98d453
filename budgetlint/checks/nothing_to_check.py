"""nothing-to-check: a file read whole but holding nothing a rule can check is said, not passed.

A PDF of prose only, a text that is not a disclosure, the wrong attachment: with no table and
no figure in its narrative, every rule finds nothing to compare, and "no problems found" would
read as a clean disclosure.  A file with unreadable pages is left to BL001, which says why.
"""

from __future__ import annotations

from typing import Iterator

from budgetlint.checks.base import Check, Finding
from budgetlint.i18n import t
from budgetlint.model import Location
from budgetlint.report.result import FigureRef
from budgetlint.understand.model import DocumentFacts


class NothingToCheck(Check):
    kind = "nothing-to-check"
    summary = "A file that was read but holds no table and no figure in its narrative: nothing was checked."
    fields = {}
    variables = ()
    default_message = "文件已读取，但没有表格，说明中也没有可核对的金额：没有任何规则可检查"
    default_message_en = "the file was read, but it has no table and its narrative no amount to check: no rule can check it"

    def run(self, rule, doc: DocumentFacts) -> Iterator[Finding]:
        narrative = doc.narrative
        if doc.tables or narrative.amounts or narrative.changes or narrative.shares or narrative.completions:
            return
        if doc.document.problems:
            return
        first = doc.document.blocks[0].location if doc.document.blocks else Location(doc.path, line=1)
        yield Finding(subject=FigureRef(location=first, text=""), reported=t("no table, no amount"),
                      computed=t("the disclosure's tables and narrative"))
