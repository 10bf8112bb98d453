"""duplicate-row: a subject code listed twice in one table.

A row printed twice is counted twice by every sum that includes it.  Rows count
as the same when all their codes agree (a 部门经济 code split over two 政府经济
codes is two rows, not a duplicate).
"""

from __future__ import annotations

from typing import Iterator

from budgetlint.checks.base import Check, Finding, entry_ref, where
from budgetlint.engine.rule import Field, Rule
from budgetlint.engine.selectors import parse_tables
from budgetlint.i18n import t
from budgetlint.understand.model import DocumentFacts, Entry


def _key(entry: Entry) -> tuple[str, ...]:
    return tuple(code.digits for code, _ in entry.names if not code.inferred)


class DuplicateRow(Check):
    kind = "duplicate-row"
    summary = "The same subject code is listed twice in one table."
    fields = {"tables": Field(parse_tables, "the tables to check (kinds or a title pattern)", required=True)}
    variables = ("table", "row", "code", "first", "reported", "computed")
    default_message = "{table}：科目 {code}「{row}」重复列示（另见{first}）"
    default_message_en = "「{table}」: subject {code} 「{row}」 is listed twice (also at {first})"

    def run(self, rule: Rule, doc: DocumentFacts) -> Iterator[Finding]:
        for table in rule.params["tables"].select(doc):
            for group in table.groups:
                seen: dict[tuple[str, ...], Entry] = {}
                for entry in group.entries:
                    key = _key(entry)
                    if not key:
                        continue
                    first = seen.setdefault(key, entry)
                    if first is entry:
                        continue
                    yield Finding(
                        subject=entry_ref(table, entry),
                        reported=f"{entry.code} {entry.label}",
                        computed=t("listed once (first at {place})", place=where(first.location)),
                        related=(entry_ref(table, first),),
                        values={"table": table.name, "row": entry.label, "code": entry.code.printed,
                                "first": where(first.location)},
                    )
