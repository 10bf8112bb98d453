"""The sums a reading of a table asserts of the table's own printed figures.

Reading a table means deciding how its rows nest and which columns a total column
adds up, and every such decision asserts sums: a total row is the sum of the rows it
totals, a parent row (a 类, a `一、`) the sum of its children, a 合计 column the sum of
its sibling columns.  A published table is mostly right, so the sums that hold are the
evidence for the reading (:mod:`budgetlint.understand.fitting` keeps the reading under
which the most hold), and a sum that fails under a reading so confirmed is a finding.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from fractions import Fraction
from enum import StrEnum
from typing import Iterable, Iterator

from budgetlint.interval import ZERO, Interval, interval_sum
from budgetlint.understand.hierarchy import counted_children, total_addends
from budgetlint.understand.model import Column, Entry, Fact, Group


class SumKind(StrEnum):
    ROW_TOTAL = "row-total"  # a 合计 / 总计 / 小计 row
    ROLLUP = "rollup"  # a parent row: 类 = Σ 款, `一、` = Σ `1、`
    COLUMN_TOTAL = "column-total"  # a 合计 column


@dataclass(frozen=True, eq=False, slots=True)
class Sum:
    """A printed figure that, under the table's reading, is the sum of other printed figures."""

    kind: SumKind
    total: Fact
    parts: tuple[Fact, ...]
    computed: Interval = field(init=False)
    holds: bool = field(init=False)  # some values inside the printed figures' intervals make it add up

    def __post_init__(self) -> None:
        computed = interval_sum(f.interval for f in self.parts)
        object.__setattr__(self, "computed", computed)
        object.__setattr__(self, "holds", self.total.interval.intersects(computed))

    @property
    def telling(self) -> bool:
        """Whether the sum says anything about the reading: `0 = 0 + 0` holds under any."""
        return any(f.figure.value != 0 for f in (self.total, *self.parts))

    @property
    def evidence(self) -> bool:
        """Whether holding is evidence for the reading: a parent found because its rows add up to
        it holds by construction."""
        return not (self.kind is SumKind.ROLLUP and self.total.entry.nested)

    @property
    def figures(self) -> tuple[Fact, ...]:
        return (self.total, *self.parts)


def _sums(kind: SumKind, pairs: Iterable[tuple[Fact | None, list[Fact | None]]]) -> Iterator[Sum]:
    """A sum for each (total, parts) whose cells all hold figures (a text cell: the sum is unknown)."""
    for total, parts in pairs:
        if total is not None and parts and all(p is not None for p in parts):
            yield Sum(kind, total, tuple(parts))  # type: ignore[arg-type]


def row_total_sums(group: Group) -> Iterator[Sum]:
    """Each total row against the rows it totals, in every value column."""
    for total in (e for e in group.entries if e.is_total):
        addends = total_addends(group, total)
        if addends:
            yield from _sums(SumKind.ROW_TOTAL, ((total.cells.get(c.index), [e.cells.get(c.index) for e in addends])
                                                 for c in group.value_columns))


def _parent_key(entry: Entry) -> str | None:
    """What names a parent row: its code, its unit code, or both (a unit's row under a code)."""
    if entry.code and not entry.code.inferred:
        unit = entry.unit_code or entry.fund_code
        return f"{entry.code.digits}/{unit}" if unit else entry.code.digits
    return entry.unit_code


def rollup_sums(group: Group) -> Iterator[Sum]:
    """Each parent row against its children, in every value column.  A parent code printed twice
    is left out: which of the two its children belong to is unclear."""
    keys = Counter(_parent_key(e) for e in group.entries)
    for parent in group.entries:
        children = counted_children(parent)
        key = _parent_key(parent)
        if not children or (key is not None and keys[key] > 1) or not any(e.label for e in children):
            continue  # (rows with no label of their own: another side's lines, in a side-by-side table)
        yield from _sums(SumKind.ROLLUP, ((parent.cells.get(c.index), [e.cells.get(c.index) for e in children])
                                          for c in group.value_columns
                                          if not all(e.cells.get(c.index) is not None and e.cells[c.index].blank
                                                     for e in children)))  # rows left blank break nothing down


def row_sums(group: Group) -> list[Sum]:
    """Every sum the nesting of the group's rows asserts."""
    return [*row_total_sums(group), *rollup_sums(group)]


def sibling_columns(group: Group, total: Column, first_stands_for_all: bool = False,
                    with_partial: bool = False) -> list[Column]:
    """The columns a total column adds up as its header shows them: its siblings under the same
    heading, a sub-group by its own total (`项目支出/小计` for `项目支出/…`), `其中` columns left out
    (``with_partial``: counted, for `小计 | 其中：基本支出 | 项目支出`, where 其中 heads both).
    With ``first_stands_for_all`` a sub-group without a total is counted by its first column
    (`项目支出/项目支出总数` beside `项目支出/扣除基建项目后预算数`, a part of it)."""
    parent = total.keys[:-1]
    depth = len(parent)
    under = [c for c in group.value_columns
             if c is not total and len(c.keys) > depth and c.keys[:depth] == parent and (with_partial or not c.partial)]
    out: list[Column] = []
    for head in dict.fromkeys(c.keys[depth] for c in under):
        members = [c for c in under if c.keys[depth] == head]
        own_total = [c for c in members if c.is_total and len(c.keys) == depth + 2]
        if own_total:
            out.append(own_total[0])
        elif first_stands_for_all:
            out.append(members[0])
        else:
            out.extend(c for c in members if not c.is_total)
    return out


def column_total_sums(group: Group, total: Column, parts: list[Column]) -> list[Sum]:
    """A total column against ``parts``, in every row."""
    return list(_sums(SumKind.COLUMN_TOTAL, ((e.cells.get(total.index), [e.cells.get(c.index) for c in parts])
                                            for e in group.entries)))


@dataclass(frozen=True, slots=True)
class Tally:
    """How many of a set of sums hold: the evidence for the reading they rest on."""

    holds: int = 0  # telling sums that hold
    fails: int = 0
    misread: int = 0  # of the failing sums, those off by what a wrong reading would leave out or add

    @classmethod
    def of(cls, sums: Iterable[Sum], figures: Iterable[Fact] = ()) -> Tally:
        """The tally of ``sums``; with the table's ``figures``, the failing sums that look misread
        are counted too (see :func:`looks_misread`)."""
        holds = fails = misread = 0
        by_column: dict[int, list[Fact]] = {}
        for f in figures:
            by_column.setdefault(f.column.index, []).append(f)
        for s in sums:
            if s.holds:
                holds += s.telling and s.evidence
            else:
                fails += 1
                misread += bool(by_column) and looks_misread(s, by_column.get(s.total.column.index, []))
        return cls(holds, fails, misread)

    @property
    def confirmed(self) -> bool:
        """The reading is confirmed: at least as many sums hold as fail, and none fails by an amount
        the table prints (a row counted twice, a run of rows left out) — a failing one is then an
        exception to it rather than a sign that the reading is wrong."""
        return self.holds >= 1 and self.holds >= self.fails and not self.misread


def looks_misread(s: Sum, column: list[Fact]) -> bool:
    """Whether a failing sum is off by exactly what a wrong reading of the rows would make it: a run
    of consecutive parts counted that should not be (a parent with its children, a 小计 with its
    items), or another figure of its column left out.  A wrong figure is off by an amount the
    table does not print."""
    over = s.computed - s.total.interval  # what the parts add up to beyond the total
    floor = s.total.interval.scale(Fraction(1, 100))  # amounts below 1 % of the total match by chance
    parts = [f.interval for f in s.parts]
    for i in range(len(parts)):
        run = ZERO
        for j in range(i, len(parts)):
            run = run + parts[j]
            if run.positive and run.exceeds(floor) and run.intersects(over):
                return True
    short = -over
    return short.positive and short.exceeds(floor) and \
        any(f.interval.intersects(short) for f in column if f not in s.figures)


def _required(s: Sum, fact: Fact) -> Interval:
    """The values ``fact`` would have to have for ``s`` to hold, the other figures as printed."""
    if fact is s.total:
        return s.computed
    others = interval_sum(f.interval for f in s.parts if f is not fact)
    return s.total.interval - others


def shared_errors(sums: Iterable[Sum]) -> set[Fact]:
    """The figures each of which, corrected to one value, would make two or more failing sums hold
    (a cell whose row total and column total are both off by the same amount).  Such a pattern
    locates an error in the table; a wrong reading of it leaves failing sums that share no figure
    or need different corrections."""
    needs: dict[int, list[Interval]] = {}
    facts: dict[int, Fact] = {}
    for s in sums:
        if s.holds:
            continue
        for fact in s.figures:
            needs.setdefault(id(fact), []).append(_required(s, fact))
            facts[id(fact)] = fact
    out: set[Fact] = set()
    for key, required in needs.items():
        if len(required) < 2:
            continue
        lo, hi = max(r.lo for r in required), min(r.hi for r in required)
        if lo <= hi:
            out.add(facts[key])
    return out
