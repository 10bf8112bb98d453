"""column-identity: a relation between columns, written in the rule, holds in every row.

`合计 = 基本支出 + 项目支出 + [事业单位经营支出]` is checked in each row of each
selected table that has the required columns.  Where a name is ambiguous in the
whole table (two `一般公共预算` columns under 本年收入 and 上年结转), the relation
is tried under each top-level header on its own.
"""

from __future__ import annotations

from typing import Iterator

from budgetlint.checks.base import Agreement, Check, Finding, known_facts, mismatch, parse_bool_field, signed_sum
from budgetlint.engine.relation import Relation, parse_relation
from budgetlint.i18n import t
from budgetlint.engine.rule import Field, Rule
from budgetlint.engine.selectors import ColumnName, parse_tables, resolve_column
from budgetlint.understand.model import Column, DocumentFacts, Group
from budgetlint.understand.relations import Tally

Binding = tuple[Column, list[tuple[int, Column]]]  # left column, signed right columns


def _bind(group: Group, relation: Relation, top: str | None) -> Binding | None:
    scoped = Group(group.key_columns, [c for c in group.value_columns if top is None or c.keys[:1] == (top,)])

    def find(name: ColumnName) -> list[Column] | None:
        return resolve_column(scoped, name)

    left = find(relation.left)
    if not left or len(left) != 1:
        return None
    right: list[tuple[int, Column]] = []
    for term in relation.right:
        cols = find(term.name)
        if cols is None:
            if term.optional:
                continue
            return None
        right.extend((term.sign, c) for c in cols if c is not left[0])
    return (left[0], right) if right else None


def bindings(group: Group, relation: Relation) -> list[Binding]:
    whole = _bind(group, relation, None)
    if whole:
        return [whole]
    tops = dict.fromkeys(c.keys[0] for c in group.value_columns if len(c.keys) > 1)
    return [b for b in (_bind(group, relation, t) for t in tops) if b]


class ColumnIdentity(Check):
    kind = "column-identity"
    summary = "A relation between columns (合计 = 基本支出 + 项目支出) holds in every row."
    fields = {
        "tables": Field(parse_tables, "the tables to check (kinds or a title pattern)", required=True),
        "relation": Field(parse_relation, "the relation, e.g. '合计 = 基本支出 + 项目支出 + [上缴上级支出]'", required=True),
        "complete": Field(parse_bool_field, "the right side is the left column's definition (“三公” = its three "
                          "items), not one layout's breakdown: a failing row needs no other row to confirm the columns",
                          default=False),
    }
    variables = ("table", "row", "column", "reported", "computed", "difference", "count", "relation")
    default_message = "{table} {row}：{column} {reported}，按「{relation}」应为 {computed}（差 {difference}）"
    default_message_en = "「{table}」 「{row}」: 「{column}」 {reported}, by 「{relation}」 should be {computed} (difference {difference})"

    def run(self, rule: Rule, doc: DocumentFacts) -> Iterator[Finding]:
        relation: Relation = rule.params["relation"]
        for table in rule.params["tables"].select(doc):
            if not table.understood:
                continue  # its columns do not add up under any reading: not understood (BL003)
            for group in table.groups:
                for left, right in bindings(group, relation):
                    yield from self._exceptions(group, left, right, relation, rule.params["complete"])

    @staticmethod
    def _exceptions(group: Group, left: Column, right: list[tuple[int, Column]],
                    relation: Relation, complete: bool) -> Iterator[Finding | Agreement]:
        """The rows where the relation fails, when it holds on at least as many: columns bound to
        the wrong quantities (sub-columns of a heading, a `其中` column) make it fail on most rows."""
        failing: list[Finding] = []
        holds = 0
        for entry in group.entries:
            reported = entry.cells.get(left.index)
            used = known_facts(entry.cells.get(c.index) for _, c in right)
            if reported is None or used is None:
                continue
            found = mismatch(reported, signed_sum(zip((s for s, _ in right), used)), used)
            failing.extend(found)
            if not found and any(f.figure.value != 0 for f in (reported, *used)):
                holds += 1
                yield Agreement((reported, *used))
        tally = Tally(holds, len(failing))
        if tally.confirmed:
            basis = t("the relation holds on the table's other {n} rows", n=tally.holds)
        elif len(failing) > max(1, holds):
            return  # it fails on most rows: the columns are not what the relation names
        elif {c.index for c in group.value_columns} <= {left.index, *(c.index for _, c in right)}:
            basis = t("the relation names every column of the table")
        elif relation.by_headings:
            basis = t("the relation names each column by its full heading")
        elif complete:
            basis = t("the relation is the column's definition")
        else:
            return
        for finding in failing:
            finding.values["relation"] = relation.text
            finding.basis = basis
            yield finding
