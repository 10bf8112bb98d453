"""Choosing a table's reading by its own figures.

The layout of a table from an unfamiliar province allows several readings: its rows may
nest by codes, by numbering, or by nothing printed at all (a 款 row above its 项 rows with
no code on either), and a 合计 column may add up its neighbours or only some of them.  A
published table is mostly right, so the reading to keep is the one under which the most of
its own sums hold — fitting by consensus, as RANSAC fits a model: the structure is what the
agreeing figures support, and the errors are the exceptions to it.  How many sums hold and
fail under the kept reading (:class:`~budgetlint.understand.relations.Tally`) is what lets a
check report a failing sum as an error, or say the table was not understood.
"""

from __future__ import annotations

import itertools
from typing import Callable, TypeVar

from budgetlint.interval import ZERO, Interval
from budgetlint.understand.confirmation import confirm, verified
from budgetlint.understand.hierarchy import Reading, apply, by_unit_codes, column_readings, explicit_reading
from budgetlint.understand.model import Column, Entry, Group, TableFacts
from budgetlint.understand.relations import Sum, Tally, column_total_sums, row_sums, shared_errors, sibling_columns

T = TypeVar("T")
_MAX_RUN = 200  # rows a parent found by arithmetic may span: bounds the search on long project lists


def fit(table: TableFacts) -> None:
    """Give each group of ``table`` the row nesting and column parts under which the most of
    its sums hold, and record the table's sums, how many hold, and the figures whose one error
    explains several failing sums.  A table whose figures are no amounts (a contents page, a
    performance table) asserts no sums."""
    if table.kind is not None and not table.kind.amounts:
        for group in table.groups:
            apply(group, explicit_reading(group.entries))
        return
    rows: list[Sum] = []
    columns: list[Sum] = []
    for group in table.groups:
        rows += _fit_rows(group)
        columns += _fit_columns(group)
    table.sums = rows + columns
    figures = table.facts
    table.support = {"rows": Tally.of(rows, figures), "columns": Tally.of(columns, figures)}
    table.located = shared_errors(table.sums)
    table.verified = verified(table)
    table.confirmations = confirm(table)


def _best(candidates: list[T], sums_under: Callable[[T], list[Sum]]) -> tuple[T, list[Sum]]:
    """The candidate under which the table is most consistent — the most telling sums hold, a
    failing one counting against it twice — with its sums; the first listed wins a tie (the
    readings are listed from the one the print states most plainly)."""
    best, best_sums, most = candidates[0], [], None
    for candidate in candidates:
        sums = sums_under(candidate)
        tally = Tally.of(sums)
        score = tally.holds - 2 * tally.fails
        if most is None or score > most:
            best, best_sums, most = candidate, sums, score
    return best, best_sums


def _fit_rows(group: Group) -> list[Sum]:
    """Nest the group's rows by the best reading; its sums."""
    base = explicit_reading(group.entries)
    by_columns = column_readings(group.entries)
    by_units = by_unit_codes(group.entries, base)
    nested = [_nested(group, base, heads_only=False), _nested(group, base, heads_only=False, spans_first=True),
              *(_nested(group, r, heads_only=True) for r in by_columns)]
    candidates = [base, *by_columns, *([by_units] if by_units else []), *(r for r in nested if r is not None)]

    def sums_under(reading: Reading) -> list[Sum]:
        apply(group, reading)
        return row_sums(group)

    reading, sums = _best(candidates, sums_under)
    apply(group, reading)
    group.explicit = _explicit(group)
    return sums


def _explicit(group: Group) -> bool:
    """Whether the print places every row: each counted row has a code, a unit code or a number,
    and none was left out or nested by its figures — no reading but this one is possible."""
    if group.mode.startswith("columns"):
        return all(e.is_total or e.labelled for e in group.entries)
    if group.mode not in ("code", "unit", "outline"):
        return False
    if _printed_twice(group):
        return False  # which of the two a row belongs to, the print does not say
    return all(e.is_total or e.partial or (not e.outside and not e.nested and (
        (e.code is not None and not e.code.inferred) or e.unit_code or e.marker)) for e in group.entries)


def _printed_twice(group: Group) -> bool:
    """Whether two rows print the same code (or unit code), but a 款 restated beneath itself."""
    keys = [(e.code.digits if e.code and not e.code.inferred else None, e.unit_code) for e in group.entries
            if not e.is_total and not e.partial and not (e.parent is not None and e.parent.code == e.code)]
    printed = [k for k in keys if k != (None, None)]
    return len(printed) != len(set(printed))


# -- rows nested by arithmetic -------------------------------------------------------------------

def _free(entry: Entry, base: Reading) -> bool:
    """A row whose level the print leaves open: no code, unit code or numbering of its own."""
    if entry.is_total or entry.partial:
        return False
    if base.mode in ("code", "unit"):
        return entry in base.outside
    return entry.marker is None


def _nested(group: Group, base: Reading, heads_only: bool, spans_first: bool = False) -> Reading | None:
    """``base``, with each row whose level is open made the parent of the rows after it that add
    up to it (`财政事务` over `行政运行`, `信息化建设` …; a 部门 row over its units); ``None`` when no
    row is.  With ``heads_only`` (a reading by label columns, which already places every row that
    prints its label further right) only rows heading rows of their own are adopted: `货物` over
    the unit's row in the same column, never one item over the two items after it that happen to
    add up to it.  With ``spans_first`` a row that adds up the plain rows after it (a unit's row
    over its 36 projects) takes them first, top-down, so that no two of its projects that happen
    to add up to a third are nested before."""
    columns = [c.index for c in group.value_columns]
    reading = Reading(f"{base.mode}+nested", dict(base.parent), set(base.outside), dict(base.levels))
    heads = {p for p in base.parent.values() if p is not None} if heads_only else None
    if spans_first:
        for siblings in base.children(group.entries).values():
            _adopt_spans([e for e in siblings if not e.partial], base, columns, reading)
    for least in (2, 1):  # a row the sum of several rows first: two rows of equal amounts need not nest
        for siblings in base.children(group.entries).values():
            run: list[Entry] = []
            for entry in [e for e in siblings if not e.partial] + [None]:
                if entry is None or entry.is_total:  # a total closes a run: nothing is nested across it
                    _adopt(run, base, columns, reading, least, heads)
                    run = []
                elif reading.parent.get(entry) is base.parent.get(entry):  # not adopted yet
                    run.append(entry)
    return reading if reading.nested else None


def _adopt_spans(rows: list[Entry], base: Reading, columns: list[int], reading: Reading) -> None:
    """Top-down: each free row the sum of two or more rows right after it (no total between)
    adopts them all; the rows it adopts nest no further."""
    i = 0
    while i < len(rows):
        entry = rows[i]
        following = list(itertools.takewhile(lambda e: not e.is_total, rows[i + 1:]))
        k = _adoption(entry, following, columns, 2) if _free(entry, base) else 0
        for child in following[:k]:
            reading.parent[child] = entry
            reading.outside.discard(child)
        if k:
            reading.outside.discard(entry)
            reading.nested.add(entry)
        i += 1 + k


def _adopt(run: list[Entry], base: Reading, columns: list[int], reading: Reading, least: int,
           heads: set[Entry] | None) -> None:
    """Nest the rows of ``run`` bottom-up: a free row adopts the fewest following nodes (at least
    ``least``, all in ``heads`` if given) whose sum it is.  Nodes are the rows not yet adopted, so
    a 类 row adopts its 款 rows after each 款 row has adopted its 项 rows."""
    nodes: list[Entry] = []
    for entry in reversed(run):
        k = _adoption(entry, nodes, columns, least) if _free(entry, base) and entry not in reading.nested else 0
        if k and heads is not None and not all(n in heads for n in nodes[:k]):
            k = 0
        if k:
            for child in nodes[:k]:
                reading.parent[child] = entry
                reading.outside.discard(child)
            reading.outside.discard(entry)
            reading.nested.add(entry)
            nodes = [entry] + nodes[k:]
        else:
            nodes.insert(0, entry)


def _adoption(entry: Entry, nodes: list[Entry], columns: list[int], least: int) -> int:
    """How many (``least`` or more) of the ``nodes`` after ``entry`` add up to it in its columns (0:
    no run does).

    Every column where the row prints a figure must add up, but one when at least three others
    do (that one is then an error of the table, not of the nesting); a row of zeros adopts nothing.
    """
    own = {c: entry.cells[c].interval for c in columns if c in entry.cells}
    if not own or all(iv.contains_zero() for iv in own.values()):
        return 0
    running: dict[int, Interval] = {c: ZERO for c in own}
    for k, node in enumerate(nodes[:_MAX_RUN], 1):
        for c in own:
            fact = node.cells.get(c)
            if fact is None:
                return 0  # text in a cell: what the run adds up to is unknown
            running[c] = running[c] + fact.interval
        agree = [c for c in own if own[c].intersects(running[c])]
        telling = [c for c in agree if not own[c].contains_zero()]
        if k >= least and telling and (len(agree) == len(own) or (len(agree) == len(own) - 1 and len(telling) >= 3)):
            return k
        if any(own[c].positive and running[c].exceeds(own[c]) for c in own):
            return 0  # already past it (amounts do not shrink as rows are added)
    return 0


# -- what a total column adds up -----------------------------------------------------------------

def _column_candidates(group: Group, total: Column) -> list[list[Column]]:
    """What a total column may add up, the header's plainest reading first: its siblings (a
    sub-group by its own total), the same without the columns under a `其中` heading, every
    column under its heading but totals, its siblings with a sub-group counted by its first column,
    its siblings with the `其中` ones, the first few of its siblings, or nothing (a heading that
    only looks like a total, where every reading fails)."""
    parent = total.keys[:-1]
    siblings = sibling_columns(group, total)
    leaves = [c for c in group.value_columns if c is not total and len(c.keys) > len(parent)
              and c.keys[: len(parent)] == parent and not c.partial and not c.is_total]
    firsts = sibling_columns(group, total, first_stands_for_all=True)
    partials = sibling_columns(group, total, with_partial=True)
    prefixes = [siblings[:k] for k in range(2, len(siblings))]  # `“三公”经费合计` before 会议费 and 培训费
    out: list[list[Column]] = [] if siblings else [[]]  # a 小计 over nothing but its `其中` part sums nothing
    for parts in (siblings, [c for c in siblings if not c.under_partial], leaves, firsts, partials, *prefixes, []):
        if parts not in out:
            out.append(parts)
    return out


def _fit_columns(group: Group) -> list[Sum]:
    """Give each total column of the group the parts under which most of its sums hold; their sums."""
    out: list[Sum] = []
    for total in (c for c in group.value_columns if c.is_total):
        candidates = _column_candidates(group, total)
        parts, sums = _best(candidates, lambda parts: column_total_sums(group, total, parts))
        if parts:
            group.column_parts[total.index] = parts
            out += sums
    return out
