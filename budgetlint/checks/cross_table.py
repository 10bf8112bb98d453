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
from typing import Iterator

from budgetlint.checks.base import Check, Finding, mismatch, parse_choice, table_ref
from budgetlint.checks.lookup import table_code_value
from budgetlint.engine.rule import Field, Rule
from budgetlint.engine.selectors import Side, parse_side
from budgetlint.interval import Interval, interval_sum
from budgetlint.understand.model import DocumentFacts, Fact, TableFacts


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
    default_message_en = "「{table}」 「{row}」 {reported} differs from {computed} in 「{other_table}」 (difference {difference})"

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

