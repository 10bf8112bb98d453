"""listed-items: a list of names in the narrative (`主要包括：基本工资、津贴补贴、奖金…`) against the rows
of the table it names.

A list is taken to be about the table whose coded rows it names most (at least three names, and
two in three of the list's names); a list that names rows of no table is prose and left alone.
``check: zero`` reports a listed row the table gives 0.00; ``check: omitted`` reports a row
left out that has more than the smallest listed row (a `主要包括` list names the main items), under
the same parents as the listed rows — and only when every name of the list was found, so a list
that is not fully understood never says what it lacks.
"""

from __future__ import annotations

from typing import Iterator

from budgetlint.checks.base import Check, Finding, fact_ref, parse_choice
from budgetlint.engine.rule import Field, Rule
from budgetlint.engine.selectors import parse_tables
from budgetlint.i18n import t
from budgetlint.report.result import FigureRef
from budgetlint.understand.lists import ListedName, NamedList
from budgetlint.understand.model import DocumentFacts, Entry, Fact, TableFacts
from budgetlint.understand.subjects import name_key

_SHARE_NAMED = 2 / 3  # of a list's names that must be rows of the table it is taken to be about
_MIN_NAMED = 3


def _amount(entry: Entry, table: TableFacts) -> Fact | None:
    """The row's total: its figure in the group's 合计 column, else in its first value column."""
    group = next(g for g in table.groups if entry in g.entries)
    columns = [c for c in group.value_columns if not c.partial]
    column = next((c for c in columns if c.is_total), columns[0] if columns else None)
    fact = entry.cells.get(column.index) if column is not None else None
    return fact if fact is not None and not fact.blank else None


def _rows(table: TableFacts) -> dict[str, Entry]:
    """The table's coded rows by name (a name printed twice names no row)."""
    seen: dict[str, list[Entry]] = {}
    for group in table.groups:
        for entry in group.entries:
            if entry.code is not None and not entry.is_total and entry.label:
                seen.setdefault(name_key(entry.label), []).append(entry)
    return {key: entries[0] for key, entries in seen.items() if len(entries) == 1}


def _rows_by_name(doc: DocumentFacts, tables: list[TableFacts]) -> dict[str, list[tuple[TableFacts, Entry]]]:
    """Each name's row in every table that has one, found once per document: a list is then
    matched against the tables that print its names, not against every table."""
    key = ("listed-items rows", tuple(id(t) for t in tables))
    if key not in doc.memo:
        index: dict[str, list[tuple[TableFacts, Entry]]] = {}
        for table in tables:
            for name, entry in _rows(table).items():
                index.setdefault(name, []).append((table, entry))
        doc.memo[key] = index
    return doc.memo[key]


def _about(listed: NamedList, rows: dict[str, list[tuple[TableFacts, Entry]]],
           tables: list[TableFacts]) -> tuple[TableFacts, dict[ListedName, Entry], int] | None:
    """The table the list names rows of, the row each name is, and how many names the list has
    (read the way that finds more rows: `其他商品和服务支出` is one row); the first such table
    where two name as many."""
    order = {id(t): i for i, t in enumerate(tables)}
    candidates = []  # (names found, the table's place, the reading's place, …): the most found, then the first
    for way, names in enumerate(filter(None, (listed.names, listed.joined))):
        found: dict[int, dict[ListedName, Entry]] = {}
        for n in names:
            for table, entry in rows.get(name_key(n.name), ()):
                found.setdefault(id(table), {})[n] = entry
        for table_id, named in found.items():
            if len(named) >= _MIN_NAMED and len(named) >= _SHARE_NAMED * len(names):
                candidates.append((-len(named), order[table_id], way, named, len(names)))
    if not candidates:
        return None
    _, place, _, named, count = min(candidates, key=lambda c: c[:3])
    return tables[place], named, count


class ListedItems(Check):
    kind = "listed-items"
    summary = "A list of names in the narrative names rows the table gives amounts, and leaves out no larger one."
    fields = {
        "check": Field(parse_choice("zero", "omitted"), "which property to check", required=True),
        "tables": Field(parse_tables, "the tables whose rows lists may name", required=True),
    }
    variables = ("name", "table", "row", "amount", "smallest", "reported", "computed")
    default_message = "说明中列出「{name}」，{table}中该行为 {amount}"
    default_message_en = "the narrative lists 「{name}」, whose row in 「{table}」 is {amount}"

    def run(self, rule: Rule, doc: DocumentFacts) -> Iterator[Finding]:
        tables = rule.params["tables"].select(doc)
        rows = _rows_by_name(doc, tables)
        for listed in doc.narrative.lists:
            about = _about(listed, rows, tables)
            if about is None:
                continue
            table, rows, count = about
            if rule.params["check"] == "zero":
                yield from self._zero(table, rows)
            elif len(rows) == count:
                yield from self._omitted(listed, table, rows)

    def _zero(self, table: TableFacts, rows: dict[ListedName, Entry]) -> Iterator[Finding]:
        for name, entry in rows.items():
            fact = _amount(entry, table)
            if fact is None or fact.figure.value != 0:
                continue
            yield Finding(subject=FigureRef(location=name.location, text=name.name), reported=name.name,
                          computed=f"{fact.figure.text}（{table.name}）", related=(fact_ref(fact),),
                          values={"name": name.name, "table": table.name, "row": entry.title,
                                  "amount": fact.figure.text})

    def _omitted(self, listed: NamedList, table: TableFacts, rows: dict[ListedName, Entry]) -> Iterator[Finding]:
        amounts = [f for f in (_amount(e, table) for e in rows.values()) if f is not None and f.figure.value != 0]
        if not amounts:
            return
        smallest = min(amounts, key=lambda f: f.interval.hi)
        named = {id(e) for e in rows.values()}
        parents = {id(e.parent): e.parent for e in rows.values() if e.parent is not None}
        for parent in parents.values():
            for entry in parent.children:
                fact = _amount(entry, table)
                if id(entry) in named or entry.code is None or fact is None or not smallest.interval.hi < fact.interval.lo:
                    continue
                yield Finding(subject=FigureRef(location=listed.location, text="、".join(n.name for n in listed.names)),
                              reported=t("「{name}」 not listed", name=entry.label),
                              computed=t("「{name}」 {figure}", name=entry.label, figure=fact.figure.text),
                              related=(fact_ref(fact), fact_ref(smallest)),
                              values={"name": entry.label, "table": table.name, "row": entry.title,
                                      "amount": fact.figure.text,
                                      "smallest": f"{smallest.entry.label} {smallest.figure.text}"})
