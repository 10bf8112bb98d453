"""placeholder: no template text is left in the disclosure.

Templates come with `XX` for names and numbers and with numbered blanks
(`目标1: 目标2: 目标3:`, `指标1:`) to fill in.  Left in the text or in a table
that prints figures, they show the template was not finished.  ``patterns``
are template text wherever it stands; ``labels`` a numbered label left without
its content, which only a table shows: the rest of its row is empty.  (In the
text a flattened table prints a label and its content on separate lines, as
通城's `长期目标1：` does.)  A table without figures is the template published
empty: whether it says so is empty-table-note's business, and its blanks are not
reported (西乡's 表15).  Each paragraph and each table is reported once, at its
first placeholder.
"""

from __future__ import annotations

import re
from typing import Callable, Iterator

from budgetlint.checks.base import Check, Finding
from budgetlint.checks.empty_table import first_figure
from budgetlint.engine.rule import Field, Rule
from budgetlint.engine.selectors import parse_patterns
from budgetlint.i18n import t
from budgetlint.model import Cell, Location
from budgetlint.report.result import FigureRef
from budgetlint.textnorm import halfwidth
from budgetlint.understand.model import DocumentFacts


def _found(places: list[tuple[str, Callable[[int], Location]]],
           patterns: tuple[re.Pattern[str], ...]) -> list[tuple[str, Location]]:
    """The places holding template text: each as printed, located at its placeholder."""
    out = []
    for text, locate in places:
        plain = halfwidth(text)
        match = next((m for m in (p.search(plain) for p in patterns) if m), None)
        if match:
            out.append((text.strip(), locate(match.start())))
    return out


def _blank_labels(rows: list[list[Cell]], labels: tuple[re.Pattern[str], ...]) -> list[tuple[str, Location]]:
    """Cells holding only a numbered label, with nothing after them in their row."""
    out = []
    for row in rows:
        filled = [i for i, c in enumerate(row) if c.text.strip()]
        if filled:
            cell = row[filled[-1]]
            if any(p.fullmatch(halfwidth(cell.text).strip()) for p in labels):
                out.append((cell.text, cell.location))
    return out


class Placeholder(Check):
    kind = "placeholder"
    summary = "No template placeholder (`XX`, an empty `指标1:`) is left in the text or a table with figures."
    fields = {
        "patterns": Field(parse_patterns, "patterns of template text, wherever it stands", required=True),
        "labels": Field(parse_patterns, "patterns of a numbered label, reported in a table row that gives "
                        "nothing after it", required=True),
    }
    variables = ("table", "count", "reported", "computed")
    default_message = "留有模板占位文字「{reported}」"
    default_message_en = "template placeholder left in: 「{reported}」"

    def run(self, rule: Rule, doc: DocumentFacts) -> Iterator[Finding]:
        patterns = rule.params["patterns"]
        for text, location in _found([(p.text, p.locate) for p in doc.document.paragraphs], patterns):
            yield self._finding(text, location, None, 1)
        for table in doc.tables:
            if first_figure(table) is None:
                continue
            printed = table.table
            rows = printed.header + printed.body
            found = sorted(_found([(c.text, c.location.shifted) for row in rows for c in row]
                                  + [(n.text, n.locate) for n in printed.notes], patterns)
                           + _blank_labels(rows, rule.params["labels"]), key=lambda hit: hit[1].sort_key())
            if found:
                yield self._finding(*found[0], table.name, len(found))

    def _finding(self, text: str, location: Location, table: str | None, count: int) -> Finding:
        return Finding(
            subject=FigureRef(location=location, text=text, table=table),
            reported=text,
            computed=t("the real content, or the template text removed")
            + (t(" ({n} in this table)", n=count) if count > 1 else ""),
            values={"table": table or "", "count": count},
        )
