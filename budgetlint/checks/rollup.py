"""code-rollup and outline-rollup: a parent row equals the sum of its children.

code-rollup follows subject codes (类 = Σ 款, 款 = Σ 项; 301 = Σ 301xx) and, where
no subject code is printed, unit codes (205 = Σ 205xxx).  outline-rollup follows
numbering (`一、` = Σ `1、`, `1、` = Σ `(1)`) and rows whose level nothing printed
states but their figures (a 款 row over the 项 rows that add up to it).  `其中` rows
are never counted: they are parts, not a breakdown.  Only a parent failing under a
confirmed reading of the table is reported.
"""

from __future__ import annotations

from typing import Iterator

from budgetlint.checks.base import Check, Finding, exceptions
from budgetlint.engine.rule import Field, Rule
from budgetlint.engine.selectors import parse_tables
from budgetlint.understand.model import DocumentFacts, Entry
from budgetlint.understand.relations import Sum, SumKind


def _coded(entry: Entry) -> bool:
    return bool((entry.code and not entry.code.inferred) or entry.unit_code)


class _Rollup(Check):
    by_code: bool  # parents with a code of their own, or parents by numbering or figures
    fields = {"tables": Field(parse_tables, "the tables to check (kinds or a title pattern)", required=True)}
    variables = ("table", "row", "column", "reported", "computed", "difference", "count")

    def _owns(self, s: Sum) -> bool:
        return s.kind is SumKind.ROLLUP and _coded(s.total.entry) == self.by_code

    def run(self, rule: Rule, doc: DocumentFacts) -> Iterator[Finding]:
        for table in rule.params["tables"].select(doc):
            yield from exceptions(table, (s for s in table.sums if self._owns(s)))


class CodeRollup(_Rollup):
    kind = "code-rollup"
    summary = "A 类 row equals the sum of its 款 rows, a 款 the sum of its 项 rows (by code prefix)."
    by_code = True
    default_message = "{table}「{column}」：{row} {reported}，下级{count}项相加为 {computed}（差 {difference}）"
    default_message_en = ("「{table}」, column 「{column}」: 「{row}」 {reported}, its {count} sub-items add up to {computed} "
                          "(difference {difference})")


class OutlineRollup(_Rollup):
    kind = "outline-rollup"
    summary = "A numbered row (一、) equals the sum of the rows numbered under it (1、 …)."
    by_code = False
    default_message = "{table}「{column}」：{row} {reported}，所列{count}项相加为 {computed}（差 {difference}）"
    default_message_en = ("「{table}」, column 「{column}」: 「{row}」 {reported}, the {count} items under it add up to "
                          "{computed} (difference {difference})")
