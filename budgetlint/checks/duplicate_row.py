"""duplicate-row: a subject code listed twice in one table.

A row printed twice is counted twice by every sum that includes it.  Rows count
as the same when all their codes agree (a 部门经济 code split over two 政府经济
codes is two rows, not a duplicate).  Many tables list their codes again for each
unit or project under it (a unit's row, then its codes): a code is a duplicate only
within one such run, and only where the table otherwise lists each code once — a
table most of whose codes repeat is organised by something the reader did not see.
"""

from __future__ import annotations

from typing import Iterator

from budgetlint.checks.base import Check, Finding, entry_ref, where
from budgetlint.engine.rule import Field, Rule
from budgetlint.engine.selectors import parse_tables
from budgetlint.i18n import t
from budgetlint.understand.model import DocumentFacts, Entry, Group, TableFacts


def _key(entry: Entry) -> tuple[str, ...]:
    return tuple(code.digits for code, _ in entry.names if not code.inferred)


def _runs(group: Group) -> Iterator[list[Entry]]:
    """The rows between the group's rows without a code of their own (a unit's or a project's row)."""
    run: list[Entry] = []
    for entry in group.entries:
        if _key(entry):
            run.append(entry)
        elif not entry.is_total and not entry.partial and run:
            yield run
            run = []
    if run:
        yield run


def _repeats(group: Group) -> list[tuple[Entry, Entry]]:
    """Each row whose codes an earlier row of its run lists, with that row."""
    out = []
    for run in _runs(group):
        seen: dict[tuple[str, ...], Entry] = {}
        for entry in run:
            first = seen.setdefault(_key(entry), entry)
            if first is not entry and not entry.restates_parent:
                out.append((entry, first))
    return out


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
                yield from self._exceptions(table, group)

    @staticmethod
    def _exceptions(table: TableFacts, group: Group) -> Iterator[Finding]:
        repeats = _repeats(group)
        coded = sum(1 for e in group.entries if _key(e))
        if not repeats or len(repeats) > max(1, coded // 10):
            return  # codes repeat throughout: listed per something (a unit, a project), not twice by mistake
        basis = t("the table's other {n} codes are each listed once", n=coded - 2 * len(repeats))
        for entry, first in repeats:
            yield Finding(
                subject=entry_ref(table, entry),
                reported=f"{entry.code} {entry.label}",
                computed=t("listed once (first at {place})", place=where(first.location)),
                related=(entry_ref(table, first),),
                values={"table": table.name, "row": entry.label, "code": entry.code.printed,
                        "first": where(first.location)},
                basis=basis,
            )
