"""table-total: a 合计 / 总计 / 小计 row, or a 合计 column, equals the sum of what it totals.

Rows: a total adds up the top-level rows of its scope (see
:mod:`budgetlint.understand.hierarchy`), in every value column.  Columns: a
`合计` column adds up its sibling columns under the same header (a sub-group
counted through its own `小计`, `其中` columns left out), in every row.  Which rows
and columns those are is the reading under which most of the table's sums hold
(:mod:`budgetlint.understand.fitting`); only a sum failing under a confirmed reading is
reported.
"""

from __future__ import annotations

from typing import Iterator

from budgetlint.checks.base import Check, Finding, exceptions, parse_choice
from budgetlint.engine.rule import Field, Rule
from budgetlint.engine.selectors import parse_tables
from budgetlint.understand.model import DocumentFacts
from budgetlint.understand.relations import SumKind


class TableTotal(Check):
    kind = "table-total"
    summary = "A 合计/总计/小计 row (or 合计 column) equals the sum of the rows (columns) it totals."
    fields = {
        "tables": Field(parse_tables, "the tables to check (kinds or a title pattern)", required=True),
        "direction": Field(parse_choice("rows", "columns"), "check total rows or total columns", default="rows"),
    }
    variables = ("table", "row", "column", "reported", "computed", "difference", "count")
    default_message = "{table}「{column}」：{row} {reported}，{count}项相加为 {computed}（差 {difference}）"
    default_message_en = "「{table}」, column 「{column}」: 「{row}」 {reported}, the {count} items add up to {computed} (difference {difference})"

    def run(self, rule: Rule, doc: DocumentFacts) -> Iterator[Finding]:
        rows = rule.params["direction"] == "rows"
        kind = SumKind.ROW_TOTAL if rows else SumKind.COLUMN_TOTAL
        for table in rule.params["tables"].select(doc):
            yield from exceptions(table, (s for s in table.sums if s.kind is kind))
