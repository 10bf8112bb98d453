"""Which failing sums of a table are errors of the table, not of its reading.

A sum that fails under a reading is either an error of the table or a sign that
the reading is wrong.  It counts as an error of the table when something other than
the sum itself confirms the reading it rests on:

* most of the table's sums of its family (its rows, or its columns) hold — it is an
  exception among them;
* the same rows add up in the table's total column, itself confirmed as the sum of
  the other columns — the rows are the right ones, an amount sits in the wrong column;
* one of its figures, corrected to one value, would make another failing sum hold too
  — the row total and the column total of one wrong cell;
* the table prints every row's place (codes, numbering), so no other reading exists.

A failing sum whose column fails wherever it is summed (rates or counts read as
amounts), or that is off by an amount the table prints (a row counted twice, rows left
out: what a wrong reading does), is not confirmed but by a shared error.  A failing
sum nothing confirms leaves the table not understood.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from budgetlint.i18n import t
from budgetlint.understand.model import Column, Entry, Fact, Group, TableFacts
from budgetlint.understand.relations import Sum, SumKind, Tally, looks_misread


@dataclass(frozen=True)
class Confirmation:
    """Why a failing sum is reported: an English template and its values, in words by :meth:`text`."""

    template: str
    values: dict = field(default_factory=dict)

    def text(self) -> str:
        return t(self.template, **self.values)


MAJORITY = {
    "rows": "the table's other {n} row sums agree",
    "columns": "the table's other {n} column sums agree",
}


def family(s: Sum) -> str:
    return "columns" if s.kind is SumKind.COLUMN_TOTAL else "rows"


def confirm(table: TableFacts) -> dict[Sum, Confirmation | None]:
    """Each failing sum of ``table`` with what confirms it as an error of the table (``None``: nothing)."""
    out: dict[Sum, Confirmation | None] = {}
    anchored = _rows_anchored(table)
    explicit = {e for g in table.groups if g.explicit for e in g.entries}
    misread = {name: _misread_columns([s for s in table.sums if family(s) == name]) for name in MAJORITY}
    columns: dict[int, list[Fact]] = {}
    for f in table.facts:
        columns.setdefault(f.column.index, []).append(f)
    for s in table.sums:
        if not s.holds:
            odd = s.total.column.index in misread[family(s)] or looks_misread(s, columns.get(s.total.column.index, []))
            out[s] = _confirmation(s, table, anchored, explicit, odd)
    return out


def _confirmation(s: Sum, table: TableFacts, anchored: dict[Entry, Column], explicit: set[Entry],
                  odd: bool) -> Confirmation | None:
    located = next((f for f in s.figures if f in table.located), None)
    if located is not None:
        return Confirmation("one figure ({figure}, {row}) would, corrected, also make another sum of the table add up",
                            {"figure": located.figure.text, "row": located.entry.title})
    if odd:  # its column fails wherever summed, or it is off by an amount the table prints
        return None
    tally = table.support[family(s)]
    if tally.confirmed:
        return Confirmation(MAJORITY[family(s)], {"n": tally.holds})
    if s.kind is not SumKind.COLUMN_TOTAL and s.total.entry in anchored:
        return Confirmation("in the {column} column the same rows add up", {"column": anchored[s.total.entry].title})
    if s.kind is not SumKind.COLUMN_TOTAL and s.total.entry in explicit and tally.fails <= max(1, tally.holds):
        return Confirmation("every row is placed by the code or number it prints")
    return None


def _misread_columns(sums: list[Sum]) -> set[int]:
    """Columns where more of the family's sums fail than hold, two or more: a column read as
    amounts that are not (a rate, a count, a 栏次 number) fails wherever it is summed."""
    holds: dict[int, int] = {}
    fails: dict[int, int] = {}
    for s in sums:
        index = s.total.column.index
        if s.holds:
            holds[index] = holds.get(index, 0) + (s.telling and s.evidence)
        else:
            fails[index] = fails.get(index, 0) + 1
    return {c for c, n in fails.items() if n >= 2 and n > holds.get(c, 0)}


def _rows_anchored(table: TableFacts) -> dict[Entry, Column]:
    """The total and parent rows whose rows add up in the table's total column, where that column
    is confirmed as the sum of the others: the rows they add up are then the right ones."""
    if not table.support["columns"].confirmed:
        return {}
    out: dict[Entry, Column] = {}
    for group in table.groups:
        total = _total_column(group)
        if total is None:
            continue
        for s in table.sums:
            if s.kind is not SumKind.COLUMN_TOTAL and s.total.column is total and s.holds and s.telling and s.evidence:
                out[s.total.entry] = total
    return out


def _total_column(group: Group) -> Column | None:
    """The group's outermost total column, where the table confirms what it adds up."""
    totals = [c for c in group.value_columns if c.is_total and c.index in group.column_parts]
    return min(totals, key=lambda c: (len(c.keys), c.index)) if totals else None


def unconfirmed(table: TableFacts) -> list[Sum]:
    """The table's failing sums that nothing confirms as errors of the table."""
    return [s for s, why in table.confirmations.items() if why is None]


def verified(table: TableFacts) -> set[Fact]:
    """The figures in a sum of the table that holds (and says something): checked, and right."""
    return {f for s in table.sums if s.holds and s.telling and s.evidence for f in s.figures}


__all__ = ["Confirmation", "Tally", "confirm", "family", "unconfirmed", "verified"]
