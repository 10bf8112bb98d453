"""misspelled-term: the budget's own words are written right (`公共`, not `共公`; `拨款`, not `拔款`).

A rule gives the wrong forms reviewers meet and what each should be; only forms that are
no word in their own right are listed (`共公预算` is never meant, `收人` can be part of
`吸收人才`), so a match is always a slip.  Each is reported at its place, quoting its
sentence and naming the right form.
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from budgetlint.checks.base import Check, Finding
from budgetlint.checks.wording import quote
from budgetlint.engine.rule import Field, Rule
from budgetlint.report.result import FigureRef
from budgetlint.textnorm import halfwidth
from budgetlint.understand.model import DocumentFacts


def parse_corrections(value: Any) -> dict[str, str]:
    """`{共公预算: 公共预算, 拔款: 拨款}`: each wrong form and what it should be."""
    if (not isinstance(value, dict) or not value
            or not all(isinstance(k, str) and k.strip() and isinstance(v, str) and v.strip() and k != v
                       for k, v in value.items())):
        raise ValueError("a mapping of each wrong form to its right form, e.g. {共公预算: 公共预算}")
    return {halfwidth(k): v for k, v in value.items()}


class MisspelledTerm(Check):
    kind = "misspelled-term"
    summary = "The narrative writes the budget's terms right (`公共`, not `共公`)."
    fields = {"corrections": Field(parse_corrections, "each wrong form and the form it should be", required=True)}
    variables = ("reported", "computed", "context")
    default_message = "「{reported}」应为「{computed}」：「{context}」"
    default_message_en = "「{reported}」 should be 「{computed}」: 「{context}」"

    def run(self, rule: Rule, doc: DocumentFacts) -> Iterator[Finding]:
        corrections = rule.params["corrections"]
        # longest first, so that `本年收人合计` is one slip, not `本年收人` and `收人合计`
        wrong = re.compile("|".join(re.escape(w) for w in sorted(corrections, key=len, reverse=True)))
        for paragraph in doc.document.paragraphs:
            for match in wrong.finditer(halfwidth(paragraph.text)):
                found = paragraph.text[match.start():match.end()]
                yield Finding(subject=FigureRef(location=paragraph.locate(match.start()), text=found),
                              reported=found, computed=corrections[match.group()],
                              values={"context": quote(paragraph.text, match.start(), match.end())})
