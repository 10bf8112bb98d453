"""table-total: a 合计 / 总计 / 小计 row, or a 合计 column, equals the sum of what it totals.

Rows: a total adds up the top-level rows of its scope (see
:mod:`budgetlint.understand.hierarchy`), in every value column.  Columns: a
`合计` column adds up its sibling columns under the same header (a sub-group
counted through its own `小计`, `其中` columns left out), in every row.
"""

from __future__ import annotations

from typing import Iterator

from budgetlint.checks.base import Check, Finding, known_facts, parse_choice, sum_mismatches
from budgetlint.engine.rule import Field, Rule
from budgetlint.engine.selectors import parse_tables
from budgetlint.understand.hierarchy import total_addends
from budgetlint.understand.model import Column, DocumentFacts, Fact, Group


def sibling_columns(group: Group, total: Column) -> list[Column]:
    """The columns a total column adds up: its siblings, a sub-group by its own total."""
    parent = total.keys[:-1]
    depth = len(parent)
    under = [c for c in group.value_columns
             if c is not total and len(c.keys) > depth and c.keys[:depth] == parent and not c.partial]
    out: list[Column] = []
    for head in dict.fromkeys(c.keys[depth] for c in under):
        members = [c for c in under if c.keys[depth] == head]
        own_total = [c for c in members if c.is_total and len(c.keys) == depth + 2]
        if own_total:
            out.append(own_total[0])
        else:
            out.extend(c for c in members if not c.is_total)
    return out


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
        pairs = _row_totals if rule.params["direction"] == "rows" else _column_totals
        for table in rule.params["tables"].select(doc):
            for group in table.groups:
                yield from sum_mismatches(pairs(group))


def _row_totals(group: Group) -> Iterator[tuple[Fact | None, list[Fact] | None]]:
    for total in (e for e in group.entries if e.is_total):
        addends = total_addends(group, total)
        if addends:
            for col in group.value_columns:
                yield total.cells.get(col.index), known_facts(e.cells.get(col.index) for e in addends)


def _column_totals(group: Group) -> Iterator[tuple[Fact | None, list[Fact] | None]]:
    for total in (c for c in group.value_columns if c.is_total):
        siblings = sibling_columns(group, total)
        if siblings:
            for entry in group.entries:
                yield entry.cells.get(total.index), known_facts(entry.cells.get(c.index) for c in siblings)
