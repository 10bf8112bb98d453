"""How the rows of a group nest, and which rows a total adds up.

The nesting comes from the strongest evidence the table prints:

* ``code``: subject codes (类 › 款 › 项, 301 › 30101); rows without a code, such as a
  unit's subtotal row, stand outside the hierarchy;
* ``unit``: unit codes (205 › 205001) where no subject code is printed;
* ``outline``: numbering (`一、` › `1、` › `(1)`, in the order the styles first
  appear), an unnumbered row belonging to the numbered row above it;
* ``flat``: none of these.

A total row adds up the top-level rows of its scope: the rows below it when it
heads the table, otherwise the rows since the previous total of the same or
higher rank; lower-ranked totals in that span stand for the rows they total
(总计 = 合计 + 上年结转).  `其中` rows never count.
"""

from __future__ import annotations

import re

from budgetlint.textnorm import label_key
from budgetlint.understand.model import Entry, Group

_FIRST = re.compile(r"^(一[、.]|1[、.]|\(一\)|\(1\)|①)")


def link(group: Group) -> None:
    """Set the group's mode and each entry's parent, children and outline level."""
    entries = group.entries
    if any(e.code and not e.code.inferred for e in entries):
        group.mode = "code"
        _link_by_prefix(entries, lambda e: e.code.digits if e.code and not e.code.inferred else None)
    elif any(e.unit_code and e.unit_code != "-" for e in entries):
        group.mode = "unit"
        _link_by_prefix(entries, lambda e: e.unit_code if e.unit_code and e.unit_code != "-" else None)
    elif any(e.marker for e in entries):
        group.mode = "outline"
        _link_outline(entries)
    else:
        group.mode = "flat"
        _link_partials(entries)


def _attach(child: Entry, parent: Entry | None) -> None:
    child.parent = parent
    if parent is not None:
        parent.children.append(child)


def _link_by_prefix(entries: list[Entry], key) -> None:
    first_with: dict[str, Entry] = {}
    for e in entries:
        k = key(e)
        if k and k not in first_with:
            first_with[k] = e
    for e in entries:
        k = key(e)
        if not k:
            continue
        parent = None
        for n in range(len(k) - 1, 0, -1):
            if k[:n] in first_with:
                parent = first_with[k[:n]]
                break
        _attach(e, parent)


def _link_outline(entries: list[Entry]) -> None:
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
            _attach(e, previous)
            continue
        elif e.marker:
            if previous is not None and not previous.marker and not previous.is_total and _first(e):
                heading = previous  # `年初财政拨款结转和结余` / `一、一般公共预算财政拨款` …: its parts
            e.level = styles.index(e.marker)
            while stack and (stack[-1].level or 0) >= e.level:
                stack.pop()
            _attach(e, stack[-1] if stack else heading)
            stack.append(e)
        else:
            heading = None
            _attach(e, stack[-1] if stack else None)
        previous = e


def _first(entry: Entry) -> bool:
    """A numbered row that starts a numbering (`一、`, `1、`, `（一）`, `(1)`, `①`)."""
    return bool(_FIRST.match(label_key(entry.label)))


def _link_partials(entries: list[Entry]) -> None:
    previous: Entry | None = None
    for e in entries:
        if e.partial:
            _attach(e, previous)
        else:
            previous = e


def counted_children(entry: Entry) -> list[Entry]:
    """The rows that make up ``entry`` (its `其中` parts excluded)."""
    return [c for c in entry.children if not c.partial and not c.is_total]


def _is_top_level(entry: Entry, group: Group) -> bool:
    if entry.is_total or entry.partial or entry.parent is not None:
        return False
    if group.mode == "code":
        return entry.code is not None and not entry.code.inferred
    if group.mode == "unit":
        return entry.unit_code is not None and entry.unit_code != "-"
    return True


def total_addends(group: Group, total: Entry) -> list[Entry]:
    """The rows (and lower totals) that ``total`` adds up; empty when it totals nothing."""
    entries = group.entries
    i = entries.index(total)
    if _heads(entries, total):
        span = [e for e in entries[i + 1 :] if not e.is_total]
        return [e for e in span if _is_top_level(e, group)]
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
        elif _is_top_level(e, group):
            pending.append(e)
    return addends + pending


def _heads(entries: list[Entry], total: Entry) -> bool:
    i = entries.index(total)
    return not any(not e.is_total for e in entries[:i])
