"""code-name: one subject code carries one name, in every table.

The first table that prints a code sets its name; every other name printed
beside the same code is reported (`30309 奖金` in one table, `30309 奖励金` in
another).  Names are compared without spaces, numbering or bracket style; a name
the other begins or ends with is that name cut by a narrow cell (`机关事业单位基本养老
保险缴` for `…缴费`) or with a character of the next row's wrapped name (`费职业年金缴费`),
not another name.
"""

from __future__ import annotations

from typing import Iterator

from budgetlint.checks.base import Check, Finding, entry_ref, where
from budgetlint.engine.rule import Field, Rule
from budgetlint.engine.selectors import parse_tables
from budgetlint.understand.model import DocumentFacts, Entry, TableFacts
from budgetlint.understand.rows import split_label


def _same_name(a: str, b: str) -> bool:
    short, long = sorted((a, b), key=len)
    return short == long or (len(short) >= 5 and (long.startswith(short) or long.endswith(short)))


class CodeName(Check):
    kind = "code-name"
    summary = "The same subject code carries the same name in every table."
    fields = {"tables": Field(parse_tables, "the tables to compare (kinds or a title pattern)", required=True)}
    variables = ("table", "row", "code", "name", "other_name", "other_table", "first", "reported", "computed")
    default_message = "科目 {code} 在{table}名为「{name}」，在{other_table}名为「{other_name}」"
    default_message_en = "subject {code} is named 「{name}」 in 「{table}」 and 「{other_name}」 in 「{other_table}」"

    def run(self, rule: Rule, doc: DocumentFacts) -> Iterator[Finding]:
        first_name: dict[str, tuple[str, str, TableFacts, Entry]] = {}
        for table in rule.params["tables"].select(doc):
            for group in table.groups:
                for entry in group.entries:
                    for code, name in entry.names:
                        if code.inferred or not name:
                            continue
                        key = split_label(name)[2]
                        ref = first_name.setdefault(code.digits, (key, name, table, entry))
                        if _same_name(ref[0], key):
                            continue
                        _, other, other_table, other_entry = ref
                        yield Finding(
                            subject=entry_ref(table, entry),
                            reported=name,
                            computed=other,
                            related=(entry_ref(other_table, other_entry),),
                            values={"table": table.name, "row": entry.label, "code": code.digits,
                                    "name": name, "other_name": other, "other_table": other_table.name,
                                    "first": where(other_entry.location)},
                        )
