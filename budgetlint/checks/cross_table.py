"""cross-table: the same quantity printed in two tables agrees.

Each side names tables, and within them a row and a column (by default the
total row and the total column).  With ``match: code`` the left side gives one
figure per subject code and the right side the figure for the same code: the
row with that code, or the sum of the rows under it (a 类 on the left against
项 rows on the right).  ``relation: "<="`` allows the left figure to be smaller
(一般公共预算 is part of all funds).  ``first: true`` on a side takes only the
first kind in its list that the document has; ``combine: true`` adds up the
figures of all its tables (财政拨款 = 一般公共预算 + 政府性基金 + 国有资本经营).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from typing import Any, Iterator

from budgetlint.checks.base import Check, Finding, mismatch, parse_bool, parse_choice, table_ref
from budgetlint.engine.rule import Field, Rule
from budgetlint.engine.selectors import (
    TOTAL,
    ColumnSelector,
    RowSelector,
    TableSelector,
    parse_code_pattern,
    parse_column,
    parse_row,
    parse_tables,
)
from budgetlint.interval import Interval, interval_sum
from budgetlint.understand.model import DocumentFacts, Fact, Group, TableFacts


@dataclass(frozen=True)
class Side:
    tables: TableSelector
    row: RowSelector
    column: ColumnSelector
    codes: Any = None  # compiled pattern over code digits (left side of match: code)
    first: bool = False
    combine: bool = False

    def select(self, doc: DocumentFacts) -> list[TableFacts]:
        found = self.tables.select(doc)
        if self.first and self.tables.kinds:
            for kind in self.tables.kinds:
                of_kind = [t for t in found if t.kind and t.kind.id == kind]
                if of_kind:
                    return of_kind
            return []
        return found

    def cells(self, table: TableFacts) -> list[Fact]:
        out = []
        for group in table.groups:
            columns = self.column.resolve(group)
            if not columns or len(columns) != 1:
                continue
            for entry in self.row.select(group):
                fact = entry.cells.get(columns[0].index)
                if fact is not None:
                    out.append(fact)
        return out


_SIDE_KEYS = {"tables", "row", "column", "codes", "first", "combine"}


def parse_side(value: Any) -> Side:
    if not isinstance(value, dict) or "tables" not in value:
        raise ValueError("a side is a mapping with at least 'tables' (and row, column, codes, first, combine)")
    unknown = set(value) - _SIDE_KEYS
    if unknown:
        raise ValueError(f"unknown key '{sorted(unknown)[0]}' (use {', '.join(sorted(_SIDE_KEYS))})")
    return Side(
        tables=parse_tables(value["tables"]),
        row=parse_row(value.get("row", TOTAL)),
        column=parse_column(value.get("column", TOTAL)),
        codes=parse_code_pattern(value["codes"]) if "codes" in value else None,
        first=parse_bool(value.get("first", False)),
        combine=parse_bool(value.get("combine", False)),
    )


def code_value(group: Group, column_index: int, code: str) -> list[Fact] | None:
    """The facts whose sum is ``code``'s figure in ``group``: its row, or the rows under it.

    ``[]`` means zero (the group lists codes, none of them under ``code``);
    ``None`` means unknown (the code is printed twice, or a cell holds text).
    """
    coded = [e for e in group.entries if e.code and not e.is_total]
    counts = Counter(e.code.digits for e in coded)
    exact = [e for e in coded if e.code.digits == code]
    if exact:
        chosen = exact
    else:
        chosen = [e for e in coded if e.code.digits.startswith(code)
                  and not (e.parent and e.parent.code and e.parent.code.digits.startswith(code))]
    if any(counts[e.code.digits] > 1 for e in chosen):
        return None
    facts = [e.cells.get(column_index) for e in chosen]
    return None if any(f is None for f in facts) else facts


def table_code_value(table: TableFacts, column: ColumnSelector, code: str) -> list[Fact] | None:
    """``code``'s figure in the first group of ``table`` that lists codes.

    A table listing no codes at all counts as zero when it holds no figure (an
    empty 政府性基金 table), and as unknown otherwise.
    """
    for group in table.groups:
        columns = column.resolve(group)
        if columns and len(columns) == 1 and any(e.code for e in group.entries):
            return code_value(group, columns[0].index, code)
    return [] if not table.facts or all(f.figure.value == 0 for f in table.facts) else None


class CrossTable(Check):
    kind = "cross-table"
    summary = "The same quantity printed in two tables (or for the same code) agrees."
    fields = {
        "left": Field(parse_side, "the figure checked: {tables, row, column}", required=True),
        "right": Field(parse_side, "the figure it must agree with: {tables, row, column}", required=True),
        "match": Field(parse_choice("cells", "code"), "compare the selected cells, or figures by subject code", default="cells"),
        "relation": Field(parse_choice("=", "<="), "'=' or '<=' (left at most right)", default="="),
    }
    variables = ("table", "row", "column", "reported", "computed", "difference", "count",
                 "other_table", "relation", "code")
    default_message = "{table}「{row}」{reported}，与{other_table}的 {computed} 不一致（差 {difference}）"

    def run(self, rule: Rule, doc: DocumentFacts) -> Iterator[Finding]:
        left: Side = rule.params["left"]
        right: Side = rule.params["right"]
        left_tables = left.select(doc)
        right_tables = right.select(doc)
        if not left_tables or not right_tables:
            return
        for table in left_tables:
            partners = [t for t in right_tables if t is not table
                        and not (t in left_tables and t.number < table.number)]
            if not partners:
                continue
            if rule.params["match"] == "code":
                yield from self._by_code(rule, table, partners, right)
            else:
                yield from self._by_cells(rule, left.cells(table), partners, right)

    def _compare(self, rule: Rule, fact: Fact, partner: list[Fact], tables: list[TableFacts]) -> Iterator[Finding]:
        computed = interval_sum(f.interval for f in partner) if partner else Interval.exact(0)
        for finding in mismatch(fact, computed, partner, rule.params["relation"]):
            if not finding.related:
                finding.related = tuple(table_ref(t) for t in tables)
            finding.values.update(other_table="、".join(t.name for t in tables), relation=rule.params["relation"],
                                  code=fact.entry.code.digits if fact.entry.code else "")
            yield finding

    def _by_cells(self, rule: Rule, facts: list[Fact], partners: list[TableFacts], right: Side) -> Iterator[Finding]:
        if right.combine:
            groups = [[f for t in partners for f in right.cells(t)]]
        else:
            groups = [[f] for t in partners for f in right.cells(t)]
        for fact in facts:
            for partner in groups:
                if partner:
                    tables = list(dict.fromkeys(f.table for f in partner))
                    yield from self._compare(rule, fact, partner, tables)

    def _by_code(self, rule: Rule, table: TableFacts, partners: list[TableFacts], right: Side) -> Iterator[Finding]:
        left: Side = rule.params["left"]
        for group in table.groups:
            columns = left.column.resolve(group)
            if not columns or len(columns) != 1:
                continue
            counts = Counter(e.code.digits for e in group.entries if e.code)
            for entry in group.entries:
                if not entry.code or counts[entry.code.digits] > 1 or entry.is_total:
                    continue
                if left.codes is not None and not left.codes.fullmatch(entry.code.digits):
                    continue
                fact = entry.cells.get(columns[0].index)
                if fact is None:
                    continue
                for partner, tables in self._code_partners(entry.code.digits, partners, right):
                    yield from self._compare(rule, fact, partner, tables)

    def _code_partners(self, code: str, partners: list[TableFacts], right: Side) -> Iterator[tuple[list[Fact], list[TableFacts]]]:
        found = [(table_code_value(t, right.column, code), t) for t in partners]
        if not right.combine:
            yield from ((facts, [t]) for facts, t in found if facts is not None)
        elif all(facts is not None for facts, _ in found):
            yield [f for facts, _ in found for f in facts], [t for _, t in found]

