"""table-unit: every money table states its unit (`单位：元`, `单位：万元`).

Without it a reader cannot tell 2,469.94 万元 from 2,469.94 元; budgetlint itself
then assumes the unit most of the other tables state.  A unit in the title
(`（万元）`) or in the header of every figure column (`金额（万元）`) is stated too.
"""

from __future__ import annotations

from typing import Iterator

from budgetlint.checks.base import Check, Finding, table_ref
from budgetlint.engine.rule import Field, Rule
from budgetlint.engine.selectors import parse_tables
from budgetlint.i18n import t
from budgetlint.understand.model import DocumentFacts, Role


class TableUnit(Check):
    kind = "table-unit"
    summary = "A money table states its unit."
    fields = {"tables": Field(parse_tables, "the tables to check (kinds or a title pattern)", required=True)}
    variables = ("table", "unit", "reported", "computed")
    default_message = "{table}未注明金额单位（按其他表推定为{unit}）"
    default_message_en = "「{table}」 states no unit (the other tables' {unit} assumed)"

    def run(self, rule: Rule, doc: DocumentFacts) -> Iterator[Finding]:
        for table in rule.params["tables"].select(doc):
            figures = [c for c in table.columns if c.role is Role.VALUE]
            if not table.unit_stated and not (figures and all(c.unit for c in figures)):
                yield Finding(
                    subject=table_ref(table),
                    reported=t("no unit stated"),
                    computed=t("“单位：{unit}” stated", unit=table.unit.name),
                    values={"table": table.name, "unit": table.unit.name},
                )
