"""budget-year: a disclosure speaks of one budget year as its own.

Its year is the one most of its statements about itself name: table titles
(`2023 年部门收支预算表`) and sentences about the disclosure's own scope
(`2023 年部门预算编制范围`, `2023 年度部门预算表`), both found by the rule's
patterns (each with a ``year`` group).  A statement naming another year as the
disclosure's own (`2022 年部门预算编制范围` in 台前's 2023 budget, a template
left from last year) is reported.  Comparisons (`与 2022 年预算相比`, `比上年`)
are not statements about the disclosure's scope, and the patterns do not match them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterator

from budgetlint.checks.base import Check, Finding
from budgetlint.engine.rule import Field, Rule
from budgetlint.engine.selectors import parse_year_patterns
from budgetlint.model import Location
from budgetlint.report.result import FigureRef
from budgetlint.textnorm import halfwidth
from budgetlint.understand.model import DocumentFacts


@dataclass(frozen=True)
class _Statement:
    year: str
    text: str  # the statement as printed, from its year on
    location: Location
    table: str | None


def _statements(doc: DocumentFacts, patterns: tuple[re.Pattern[str], ...]) -> list[_Statement]:
    """Every statement of the disclosure's year, in reading order, each place once."""
    places = [(p.text, p.locate, None) for p in doc.document.paragraphs]
    places += [(t.table.title, lambda _, t=t: t.table.location, t.name) for t in doc.tables if t.table.title]
    out, seen = [], set()
    for i, (text, locate, table) in enumerate(places):
        for pattern in patterns:
            for m in pattern.finditer(halfwidth(text)):  # one character for one: offsets hold
                key = (i, m.start("year"))
                if key not in seen:
                    seen.add(key)
                    out.append(_Statement(m.group("year"), text[m.start("year"):m.end()].rstrip(),
                                          locate(m.start("year")), table))
    return sorted(out, key=lambda s: s.location.sort_key())


class BudgetYear(Check):
    kind = "budget-year"
    summary = "The disclosure names one budget year as its own throughout."
    fields = {"statements": Field(parse_year_patterns, "patterns of a statement of the disclosure's own year, "
                                  "each with a (?P<year>…) group", required=True)}
    variables = ("year", "expected", "reported", "computed")
    default_message = "本公开的年度为 {expected} 年，此处却写「{reported}」"
    default_message_en = "this disclosure is for {expected}, but here it says 「{reported}」"

    def run(self, rule: Rule, doc: DocumentFacts) -> Iterator[Finding]:
        statements = _statements(doc, rule.params["statements"])
        if not statements:
            return
        expected = Counter(s.year for s in statements).most_common(1)[0][0]
        for s in statements:
            if s.year != expected:
                yield Finding(
                    subject=FigureRef(location=s.location, text=s.text, table=s.table),
                    reported=s.text,
                    computed=expected + s.text[len(s.year):],
                    values={"year": s.year, "expected": expected},
                )
