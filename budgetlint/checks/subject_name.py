"""subject-name: the narrative names a subject as the tables do, at the level the tables give it.

`医疗卫生与计划生育支出（210类）` where the tables name 210 卫生健康支出 (the name was changed in
the 2019 subject catalogue), or `卫生健康支出（款）` where 卫生健康支出 is a 类: each name
with its level in brackets is looked up in the tables' codes (see
:mod:`budgetlint.understand.subjects`); a name the tables do not know is not reported.
"""

from __future__ import annotations

from typing import Iterator

from budgetlint.checks.base import Check, Finding, level_name
from budgetlint.engine.rule import Rule
from budgetlint.i18n import t
from budgetlint.report.result import FigureRef
from budgetlint.understand.model import DocumentFacts
from budgetlint.understand.subjects import Status

class SubjectName(Check):
    kind = "subject-name"
    summary = "A subject named with its level in the narrative has the tables' name and level for its code."
    fields = {}
    variables = ("name", "level", "code", "table_name", "table_level", "reported", "computed")
    default_message = "说明中「{reported}」，表中 {code} 为「{computed}」"
    default_message_en = "the narrative says 「{reported}」, the table names {code} 「{computed}」"

    def run(self, rule: Rule, doc: DocumentFacts) -> Iterator[Finding]:
        seen: set = set()
        for amount in doc.narrative.amounts:
            for named, found in zip(amount.subjects, amount.resolutions):
                location = named.location
                if location is None or found.status not in (Status.NAME, Status.LEVEL) or location in seen:
                    continue
                seen.add(location)
                ref = named.ref
                printed = f"{ref.name}（{ref.code or ''}{ref.level}）"
                level = level_name(len(found.code))
                yield Finding(
                    subject=FigureRef(location=location, text=printed),
                    reported=printed,
                    computed=t("{name} ({level})", name=found.table_name, level=level),
                    values={"name": ref.name, "level": ref.level, "code": found.code,
                            "table_name": found.table_name, "table_level": level},
                )
