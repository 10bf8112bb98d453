"""balance: the two sides of a 收支总表 meet — 收入总计 equals 支出总计.

A summary printed as `收入 | 金额 | 支出 | 金额` (or with several expenditure groups side by
side, 江苏's 功能分类 and 支出用途) has one column group per side; the grand total of each
expenditure group (its highest-ranked total row, in its total column) must equal the
income side's.  A side whose total cell holds no figure of its own (a label merged over
it), or whose total its own rows do not add up to, is not compared.
"""

from __future__ import annotations

from typing import Iterator

from budgetlint.checks.base import Check, Finding, fact_ref, mismatch
from budgetlint.engine.rule import Field, Rule
from budgetlint.engine.selectors import parse_tables, total_column
from budgetlint.i18n import t
from budgetlint.understand.model import DocumentFacts, Fact, Group


def grand_total(group: Group) -> Fact | None:
    """The figure of the group's highest-ranked total row (the last one printed) in its total column."""
    column = total_column(group)
    totals = [e for e in group.entries if e.is_total]
    if column is None or not totals:
        return None
    best = max(e.total_rank for e in totals)
    return [e for e in totals if e.total_rank == best][-1].cells.get(column.index)


class Balance(Check):
    kind = "balance"
    summary = "The sides of a 收支总表 meet: each side's grand total equals the first side's."
    fields = {"tables": Field(parse_tables, "the summary tables (kinds or a title pattern)", required=True)}
    variables = ("table", "row", "column", "reported", "computed", "difference", "other")
    default_message = "{table}：{row} {reported}，与收入方 {other} 不等（差 {difference}）"
    default_message_en = "「{table}」: 「{row}」 {reported} does not equal the income side's {other} (difference {difference})"

    def run(self, rule: Rule, doc: DocumentFacts) -> Iterator[Finding]:
        for table in rule.params["tables"].select(doc):
            if not table.understood:
                continue
            totals = [grand_total(g) for g in table.groups]
            income = totals[0] if totals else None
            if income is None or income.blank:
                continue
            for side in totals[1:]:
                if side is None or not (side in table.verified and income in table.verified):
                    continue  # a grand total its own side's rows do not confirm may be read from the wrong row
                for finding in mismatch(side, income.interval, [income]):
                    finding.values["other"] = f"{income.entry.title} {income.figure.text}"
                    finding.related = (fact_ref(income),)
                    finding.basis = t("each side's grand total adds up over its own rows")
                    yield finding
