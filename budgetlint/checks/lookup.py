"""Finding a subject code's figure in a table: its own row, or the rows it heads.

Used by the cross-table rules and by the narrative rules (`事业单位医疗（2101102）
9.9 万元`, `对事业单位经常性补助支出（505）236.83 万元`).  Only codes of the same
classification count (a function code is not looked for among economic codes);
a code may be printed as a row's main code or beside it (政府经济分类 505xx beside
部门经济 301xx), in which case the rows carrying it are added up.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass

from budgetlint.engine.selectors import ColumnSelector
from budgetlint.understand.codes import SCHEMES
from budgetlint.understand.model import Entry, Fact, Group, TableFacts

UNKNOWN = None  # the table cannot say (a code printed twice, text in a cell, codes of another kind)


def _scheme(code: str) -> str:
    return SCHEMES.get(code[0], "unknown")


def _facts(entries: list[Entry], column: int) -> list[Fact] | None:
    facts = [e.cells.get(column) for e in entries]
    return None if any(f is None for f in facts) else facts  # type: ignore[return-value]


@dataclass(frozen=True, slots=True)
class _CodedRows:
    """A group's rows printed with a code of one classification, found by code and by prefix."""

    exact: dict[str, list[Entry]]
    under: dict[str, list[Entry]]  # every prefix of a row's code -> the rows whose code starts with it
    counts: Counter
    longest: int


def _coded_rows(group: Group, scheme: str) -> _CodedRows:
    rows = group.memo.get(("coded rows", scheme))
    if rows is None:
        exact: dict[str, list[Entry]] = defaultdict(list)
        under: dict[str, list[Entry]] = defaultdict(list)
        for e in group.entries:
            if e.code and not e.is_total and e.code.scheme == scheme and not e.restates_parent:
                digits = e.code.digits
                exact[digits].append(e)
                for end in range(1, len(digits) + 1):
                    under[digits[:end]].append(e)
        rows = _CodedRows(dict(exact), dict(under), Counter({k: len(v) for k, v in exact.items()}),
                          max(map(len, exact), default=0))
        group.memo[("coded rows", scheme)] = rows
    return rows


def code_value(group: Group, column: int, code: str) -> list[Fact] | None:
    """The facts whose sum is ``code``'s figure in ``group`` (``[]``: zero), or ``None``."""
    scheme = _scheme(code)
    rows = _coded_rows(group, scheme)
    if rows.exact:
        chosen = rows.exact.get(code) or [
            e for e in rows.under.get(code, ())
            if not (e.parent and e.parent.code and e.parent.code.digits.startswith(code))]
        if not chosen and rows.longest < len(code):
            return UNKNOWN  # a table of 类 only cannot say what a 款 is
        if any(rows.counts[e.code.digits] > 1 for e in chosen):
            return UNKNOWN
        return _facts(chosen, column)
    beside = [e for e in group.entries
              if any(c.scheme == scheme for c, _ in e.names[1:]) and not e.is_total]
    if beside:
        return _facts([e for e in beside if any(c.digits.startswith(code) for c, _ in e.names[1:])], column)
    return UNKNOWN


def table_code_value(table: TableFacts, column: ColumnSelector, code: str) -> list[Fact] | None:
    """``code``'s figure in the first group of ``table`` that lists codes of its kind.

    A table with no figure at all (an empty 政府性基金 table) counts as zero.
    """
    for group in table.groups:
        columns = column.resolve(group)
        if columns and len(columns) == 1:
            found = code_value(group, columns[0].index, code)
            if found is not None:
                return found
    return [] if not table.facts or all(f.figure.value == 0 for f in table.facts) else UNKNOWN
