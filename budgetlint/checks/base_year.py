"""base-year: a comparison is with the year before the disclosure's.

`比上年`, `与 2023 年度相比` in a 2024 disclosure compare with last year, as they should;
`比 2024 年预算增加` in a 2024 budget compares the budget with itself, and a base two or
more years back is a template not brought up to date.  The disclosure's year is its
identity's (cover, titles); where that is not known, nothing is reported.  A comparison of
something the clause dates itself (`2025 年底…结转结余较 2024 年底有所下降`) is with the year
before that one.  ``offsets`` allow other years by the kind of disclosure: a budget's assets are
stated `截至` last year's end (or a date this year), a 决算's at the end of its own year.  ``under``
limits a rule to the sections under a heading (a project's `五、实施周期` and the period below it).
"""

from __future__ import annotations

import re
from typing import Any, Iterator

from budgetlint.checks.base import Check, Finding
from budgetlint.engine.rule import Field, Rule
from budgetlint.checks.wording import under_headings
from budgetlint.engine.selectors import parse_patterns, parse_year_patterns
from budgetlint.model import Paragraph
from budgetlint.report.result import FigureRef
from budgetlint.textnorm import halfwidth
from budgetlint.understand.model import DocumentFacts


_YEAR = re.compile(r"((?:19|20)\d\d)\s*年")
_CLAUSE_START = re.compile(r"[，。；,;：:]")


def _years_before(text: str, at: int) -> set[int]:
    """The years the clause names before position ``at``: what it compares is of those years."""
    start = max((m.end() for m in _CLAUSE_START.finditer(text, 0, at)), default=0)
    return {int(y) for y in _YEAR.findall(text, start, at)}


_LAST_YEAR = {"budget": (-1,), "final": (-1,)}


def parse_offsets(value: Any) -> dict[str, tuple[int, ...]]:
    """`{budget: [-1, 0], final: [0, 1]}`: the years allowed, counted from the disclosure's, the first
    one the year to write."""
    if not isinstance(value, dict) or set(value) - set(_LAST_YEAR) or not value:
        raise ValueError("a mapping of budget and final to lists of year offsets, e.g. {budget: [-1], final: [0]}")
    out = dict(_LAST_YEAR)
    for kind, offsets in value.items():
        if (not isinstance(offsets, list) or not offsets
                or not all(isinstance(o, int) and not isinstance(o, bool) and -9 <= o <= 9 for o in offsets)):
            raise ValueError(f"{kind}: a list of small whole numbers, e.g. [-1, 0]")
        out[kind] = tuple(offsets)
    return out


class BaseYear(Check):
    kind = "base-year"
    summary = "A comparison (`比 2023 年`, `与 2023 年度相比`) is with the year before the disclosure's."
    fields = {"comparisons": Field(parse_year_patterns, "patterns of a comparison, each with a (?P<year>…) group",
                                   required=True),
              "offsets": Field(parse_offsets, "the years allowed, from the disclosure's, by kind (budget, final); "
                               "the first is the one to write", default=_LAST_YEAR),
              "under": Field(parse_patterns, "check only text under a heading that matches (`五、实施周期`), or that "
                             "names it itself", default=())}
    variables = ("year", "expected", "reported", "computed")
    default_message = "本公开为 {year} 年，比较的基年应为 {expected} 年：「{reported}」"
    default_message_en = "this disclosure is for {year}, so a comparison is with {expected}: 「{reported}」"

    def run(self, rule: Rule, doc: DocumentFacts) -> Iterator[Finding]:
        year = doc.identity.year
        if year is None:
            return
        allowed = rule.params["offsets"].get(doc.identity.kind or "budget", (-1,))
        expected = year + allowed[0]
        blocks, under = doc.document.blocks, rule.params["under"]
        sections = under_headings(blocks, under) if under else set()
        for i, paragraph in enumerate(blocks):
            if not isinstance(paragraph, Paragraph):
                continue
            text = halfwidth(paragraph.text)
            if under and i not in sections and not any(h.search(text) for h in under):
                continue
            for pattern in rule.params["comparisons"]:
                for match in pattern.finditer(text):
                    base = int(match.group("year"))
                    if base - year in allowed or base + 1 in _years_before(text, match.start()):
                        continue
                    printed = paragraph.text[match.start():match.end()]
                    at = match.start("year") - match.start()  # the year, not the first same digits (`2024.1.1-2024.12.31`)
                    yield Finding(subject=FigureRef(location=paragraph.locate(match.start("year")), text=printed),
                                  reported=printed, computed=printed[:at] + str(expected) + printed[at + 4:],
                                  values={"year": year, "expected": expected})
