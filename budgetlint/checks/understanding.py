"""understanding: a table (or a column of one) that could not be understood is said, once, where it is.

Precision comes first: arithmetic is never done on a guess.  A table whose kind is not
recognised is checked by no rule; a column of figures under no heading takes part in
no sum.  Rather than pass over them in silence, the reader is told what was not read.
"""

from __future__ import annotations

from typing import Iterator

from budgetlint.checks.base import Check, Finding, table_ref
from budgetlint.i18n import t
from budgetlint.understand.model import DocumentFacts


class Understanding(Check):
    kind = "understanding"
    summary = "A table or column the reader could not understand (so not checked) is named, once, at its page."
    fields = {}
    variables = ("table", "problem")
    default_message = "{table}：{problem}"
    default_message_en = "「{table}」: {problem}"

    def run(self, rule, doc: DocumentFacts) -> Iterator[Finding]:
        for table in doc.tables:
            for problem in table.doubts:
                yield Finding(subject=table_ref(table), reported=problem, computed=t("(not checked)"),
                              values={"table": table.name, "problem": problem})
