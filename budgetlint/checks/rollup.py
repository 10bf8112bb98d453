"""code-rollup and outline-rollup: a parent row equals the sum of its children.

code-rollup follows subject codes (类 = Σ 款, 款 = Σ 项; 301 = Σ 301xx) and, where
no subject code is printed, unit codes (205 = Σ 205xxx).  outline-rollup follows
numbering (`一、` = Σ `1、`, `1、` = Σ `(1)`).  `其中` rows are never counted: they
are parts, not a breakdown.
"""

from __future__ import annotations

from collections import Counter
from typing import Iterator

from budgetlint.checks.base import Check, Finding, known_facts, sum_mismatches
from budgetlint.engine.rule import Field, Rule
from budgetlint.engine.selectors import parse_tables
from budgetlint.understand.hierarchy import counted_children
from budgetlint.understand.model import DocumentFacts, Entry, Fact, Group

def _parent_key(entry: Entry) -> str | None:
    if entry.code and not entry.code.inferred:
        return entry.code.digits
    return entry.unit_code


def parents_and_children(group: Group) -> Iterator[tuple[Fact | None, list[Fact] | None]]:
    keys = Counter(_parent_key(e) for e in group.entries)
    for parent in group.entries:
        children = counted_children(parent)
        key = _parent_key(parent)
        if not children or (key is not None and keys[key] > 1):
            continue  # a parent code printed twice: which one the children belong to is unclear
        for col in group.value_columns:
            yield parent.cells.get(col.index), known_facts(c.cells.get(col.index) for c in children)


class _Rollup(Check):
    modes: tuple[str, ...]  # the group hierarchies this kind follows
    fields = {"tables": Field(parse_tables, "the tables to check (kinds or a title pattern)", required=True)}
    variables = ("table", "row", "column", "reported", "computed", "difference", "count")

    def run(self, rule: Rule, doc: DocumentFacts) -> Iterator[Finding]:
        for table in rule.params["tables"].select(doc):
            for group in table.groups:
                if group.mode in self.modes:
                    yield from sum_mismatches(parents_and_children(group))


class CodeRollup(_Rollup):
    kind = "code-rollup"
    summary = "A 类 row equals the sum of its 款 rows, a 款 the sum of its 项 rows (by code prefix)."
    modes = ("code", "unit")
    default_message = "{table}「{column}」：{row} {reported}，下级{count}项相加为 {computed}（差 {difference}）"
    default_message_en = ("「{table}」, column 「{column}」: 「{row}」 {reported}, its {count} sub-items add up to {computed} "
                          "(difference {difference})")


class OutlineRollup(_Rollup):
    kind = "outline-rollup"
    summary = "A numbered row (一、) equals the sum of the rows numbered under it (1、 …)."
    modes = ("outline",)
    default_message = "{table}「{column}」：{row} {reported}，所列{count}项相加为 {computed}（差 {difference}）"
    default_message_en = ("「{table}」, column 「{column}」: 「{row}」 {reported}, the {count} items under it add up to "
                          "{computed} (difference {difference})")
