"""base-year: a comparison is with the year before the disclosure's.

`比上年`, `与 2023 年度相比` in a 2024 disclosure compare with last year, as they should;
`比 2024 年预算增加` in a 2024 budget compares the budget with itself, and a base two or
more years back is a template not brought up to date.  The disclosure's year is its
identity's (cover, titles); where that is not known, nothing is reported.
"""

from __future__ import annotations

from typing import Iterator

from budgetlint.checks.base import Check, Finding
from budgetlint.engine.rule import Field, Rule
from budgetlint.engine.selectors import parse_year_patterns
from budgetlint.report.result import FigureRef
from budgetlint.textnorm import halfwidth
from budgetlint.understand.model import DocumentFacts


class BaseYear(Check):
    kind = "base-year"
    summary = "A comparison (`比 2023 年`, `与 2023 年度相比`) is with the year before the disclosure's."
    fields = {"comparisons": Field(parse_year_patterns, "patterns of a comparison, each with a (?P<year>…) group",
                                   required=True)}
    variables = ("year", "expected", "reported", "computed")
    default_message = "本公开为 {year} 年，比较的基年应为 {expected} 年：「{reported}」"
    default_message_en = "this disclosure is for {year}, so a comparison is with {expected}: 「{reported}」"

    def run(self, rule: Rule, doc: DocumentFacts) -> Iterator[Finding]:
        year = doc.identity.year
        if year is None:
            return
        for paragraph in doc.document.paragraphs:
            text = halfwidth(paragraph.text)
            for pattern in rule.params["comparisons"]:
                for match in pattern.finditer(text):
                    base = int(match.group("year"))
                    if base == year - 1:
                        continue
                    printed = paragraph.text[match.start():match.end()]
                    yield Finding(subject=FigureRef(location=paragraph.locate(match.start("year")), text=printed),
                                  reported=printed, computed=printed.replace(str(base), str(year - 1), 1),
                                  values={"year": year, "expected": year - 1})
