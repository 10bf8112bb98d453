"""How the rows of a group nest, and which rows a total adds up.

A *reading* says of each row which row it belongs to.  The explicit reading takes
the strongest evidence the table prints:

* ``code``: subject codes (类 › 款 › 项, 301 › 30101); rows without a code, such as a
  unit's subtotal row, stand outside the hierarchy;
* ``unit``: unit codes (205 › 205001) where no subject code is printed;
* ``outline``: numbering (`一、` › `1、` › `(1)`, in the order the styles first
  appear), an unnumbered row belonging to the numbered row above it;
* ``flat``: none of these.

Other readings (:mod:`budgetlint.understand.fitting`) refine it where the print leaves
the level of a row open; the one under which the table's own sums hold is kept.

A total row adds up the top-level rows of its scope: the rows below it when it
heads the table, otherwise the rows since the previous total of the same or
higher rank; lower-ranked totals in that span stand for the rows they total
(总计 = 合计 + 上年结转).  `其中` rows never count.
"""

from __future__ import annotations

from collections import Counter

import re
from dataclasses import dataclass, field

from budgetlint.textnorm import label_key
from budgetlint.understand.model import Entry, Group

_FIRST = re.compile(r"^(一[、.]|1[、.]|\(一\)|\(1\)|①)")


@dataclass(eq=False)
class Reading:
    """One way the rows of a group nest: each row's parent, and the rows left out of every sum."""

    mode: str  # "code", "unit", "outline", "flat", or one of these refined ("nested")
    parent: dict[Entry, Entry | None] = field(default_factory=dict)
    outside: set[Entry] = field(default_factory=set)  # a unit's row among coded rows: in no sum
    levels: dict[Entry, int] = field(default_factory=dict)  # outline depth of numbered rows
    nested: set[Entry] = field(default_factory=set)  # parents by their figures alone (understand.fitting)

    def children(self, entries: list[Entry]) -> dict[Entry | None, list[Entry]]:
        """Each row's children in print order (``None``: the rows at the top)."""
        out: dict[Entry | None, list[Entry]] = {None: []}
        for e in entries:
            out.setdefault(self.parent.get(e), []).append(e)
        return out


def explicit_reading(entries: list[Entry]) -> Reading:
    """The nesting the print states: by codes, unit codes or numbering, else flat."""
    if any(e.code and not e.code.inferred for e in entries):
        return _by_prefix(entries, "code", lambda e: e.code.digits if e.code and not e.code.inferred else None)
    if any(e.unit_code and e.unit_code != "-" for e in entries):
        return _by_prefix(entries, "unit", lambda e: e.unit_code if e.unit_code and e.unit_code != "-" else None)
    if any(e.marker for e in entries):
        return _outline(entries)
    return flat_reading(entries)


def apply(group: Group, reading: Reading) -> None:
    """Set the group's mode and each entry's parent, children, outline level and place."""
    group.mode = reading.mode
    for e in group.entries:
        e.parent, e.children = None, []
        e.outside = e in reading.outside
        e.nested = e in reading.nested
        e.level = reading.levels.get(e)
    for e in group.entries:
        parent = reading.parent.get(e)
        if parent is not None:
            e.parent = parent
            parent.children.append(e)


def _by_prefix(entries: list[Entry], mode: str, key) -> Reading:
    """Each row under the nearest row whose code its own extends.

    A row printing the code of the row right above it is that row's one item: a 款 the classification
    does not divide (`21999 其他支出` under `21999 其他支出`) printed again at the finest level."""
    reading = Reading(mode)
    first_with: dict[str, Entry] = {}
    printed = Counter(key(e) for e in entries)
    for e in entries:
        k = key(e)
        if k and k not in first_with:
            first_with[k] = e
    previous: Entry | None = None
    for e in entries:
        k = key(e)
        if not k:
            if not e.is_total:
                reading.outside.add(e)
            continue
        if previous is not None and key(previous) == k and printed[k] == 2 and _restates(e, previous):
            reading.parent[e] = previous
        else:
            reading.parent[e] = next((first_with[k[:n]] for n in range(len(k) - 1, 0, -1) if k[:n] in first_with),
                                     None)
        previous = e
    return reading


def _restates(entry: Entry, above: Entry) -> bool:
    """The same subject printed again right below, with the same figures: its only item."""
    return (entry.key == above.key and entry.names == above.names and entry.cells.keys() == above.cells.keys()
            and all(entry.cells[c].figure.value == above.cells[c].figure.value for c in entry.cells))


def by_unit_codes(entries: list[Entry], base: Reading) -> Reading | None:
    """``base`` (by codes or unit codes), with the rows nested by the unit codes they print: a
    shorter unit code heads the longer ones after it, whatever their subject code, and a row
    printing none belongs to the unit row above it (a procurement table: the department `245` over
    its units `245001` … under 2101505, 2101506 …, each unit over its items; a fund code `1` 全额
    over them; a 专项业务经费表's unit over its projects).  ``None`` where no row prints a unit code."""
    if base.mode not in ("code", "unit") or not any(unit_of(e) for e in entries):
        return None
    reading = Reading("units", dict(base.parent), set(base.outside), dict(base.levels))
    stack: list[Entry] = []
    for e in entries:
        if e.is_total:
            stack = []
        if e.is_total or e.partial or (base.mode == "code" and (e.code is None or e.code.inferred)):
            continue
        while stack and unit_of(e) and len(unit_of(stack[-1])) >= len(unit_of(e)):
            stack.pop()
        if stack:
            reading.parent[e] = stack[-1]
            reading.outside.discard(e)
        if unit_of(e):
            stack.append(e)
    return reading if reading.parent != base.parent else None


def unit_of(entry: Entry) -> str:
    """The unit code that places the row (a fund code heads all units)."""
    return entry.unit_code if entry.unit_code and entry.unit_code != "-" else entry.fund_code or ""


def _outline(entries: list[Entry]) -> Reading:
    reading = Reading("outline")
    styles: list[str] = []
    for e in entries:
        if e.marker and e.marker not in styles:
            styles.append(e.marker)
    stack: list[Entry] = []
    previous: Entry | None = None
    heading: Entry | None = None  # an unnumbered row whose numbering starts over below it
    for e in entries:
        if e.is_total:
            stack.clear()
            heading = None
        elif e.partial:
            reading.parent[e] = previous
            continue
        elif e.marker:
            if previous is not None and not previous.marker and not previous.is_total and _first(e):
                heading = previous  # `年初财政拨款结转和结余` / `一、一般公共预算财政拨款` …: its parts
            level = reading.levels[e] = styles.index(e.marker)
            while stack and reading.levels.get(stack[-1], 0) >= level:
                stack.pop()
            reading.parent[e] = stack[-1] if stack else heading
            stack.append(e)
        else:
            heading = None
            reading.parent[e] = stack[-1] if stack else None
        previous = e
    return reading


def _first(entry: Entry) -> bool:
    """A numbered row that starts a numbering (`一、`, `1、`, `（一）`, `(1)`, `①`)."""
    return bool(_FIRST.match(label_key(entry.label)))


def flat_reading(entries: list[Entry]) -> Reading:
    """No nesting but `其中` rows, each a part of the row above it."""
    reading = Reading("flat")
    previous: Entry | None = None
    for e in entries:
        if e.partial:
            reading.parent[e] = previous
        else:
            previous = e
    return reading


def column_readings(entries: list[Entry]) -> list[Reading]:
    """The rows nested by the label column they print in (a row is under the nearest row above that
    prints further left), a row's depth being the first label column it prints text in (`一般公共预算资金
    | 小计` heads the rows below that print only on the right), or the last one of those that some
    row starts in (`专项名称 | 经济科目` is a 经济科目 row; a column never printed alone, such as
    `采购组织形式`, describes its row and does not nest it).  None where all rows print in one column."""
    starts = {e.labelled[0] for e in entries if e.labelled}
    out = []
    for name, depth in (("columns", lambda e: e.labelled[0]),
                        ("columns-last", lambda e: max(i for i in e.labelled if i in starts))):
        depths = {e: depth(e) for e in entries if e.labelled and not e.is_total}
        if len(set(depths.values())) >= 2:
            out.append(_by_depth(entries, depths, name))
    return out


def _by_depth(entries: list[Entry], depths: dict[Entry, int], mode: str) -> Reading:
    reading = Reading(mode)
    stack: list[Entry] = []
    for e in entries:
        if e not in depths:
            stack.clear()
            continue
        if e.partial and stack:
            reading.parent[e] = stack[-1]
            continue
        while stack and depths[stack[-1]] >= depths[e]:
            stack.pop()
        reading.parent[e] = stack[-1] if stack else None
        stack.append(e)
    return reading


def counted_children(entry: Entry) -> list[Entry]:
    """The rows that make up ``entry`` (its `其中` parts excluded)."""
    return [c for c in entry.children if not c.partial and not c.is_total]


def _is_top_level(entry: Entry) -> bool:
    return not (entry.is_total or entry.partial or entry.outside or entry.parent is not None)


def total_addends(group: Group, total: Entry) -> list[Entry]:
    """The rows (and lower totals) that ``total`` adds up; empty when it totals nothing."""
    entries = group.entries
    i = entries.index(total)
    if _heads(entries, total):
        span = [e for e in entries[i + 1 :] if not e.is_total]
        return [e for e in span if _is_top_level(e)]
    start = 0
    for j in range(i - 1, -1, -1):
        if entries[j].total_rank >= total.total_rank:
            start = j + 1
            break
    addends: list[Entry] = []
    pending: list[Entry] = []
    for e in entries[start:i]:
        if e.is_total:
            if _heads(entries, e):
                continue
            addends.append(e)
            pending = []
        elif _is_top_level(e):
            pending.append(e)
    return addends + pending


def _heads(entries: list[Entry], total: Entry) -> bool:
    i = entries.index(total)
    return not any(not e.is_total for e in entries[:i])
