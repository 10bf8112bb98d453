"""Selectors: which tables, rows and columns a rule looks at, as written in YAML.

Tables are chosen by kind (see :mod:`budgetlint.understand.kinds`) and/or a title
pattern; rows by `total`, label patterns or a code pattern; columns by `total` or by
name.  A column name matches the quantity a column holds (`项目支出/小计` holds
项目支出); `人员经费|人员经费支出` accepts either name; `本年收入/合计` gives a path.
A list gives preferences: the first entry that finds something wins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from budgetlint.engine.regex_safety import compile_safe
from budgetlint.textnorm import label_key
from budgetlint.understand.kinds import TableKind
from budgetlint.understand.model import Column, DocumentFacts, Entry, Fact, Group, TableFacts


def _strings(value: Any, what: str) -> list[str]:
    items = value if isinstance(value, list) else [value]
    if not items or not all(isinstance(v, str) and v.strip() for v in items):
        raise ValueError(f"{what} must be a string or a list of strings")
    return [v.strip() for v in items]


def _regex(pattern: str) -> re.Pattern[str]:
    return compile_safe(pattern)


# -- tables ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class TableSelector:
    kinds: tuple[str, ...] = ()
    title: re.Pattern[str] | None = None

    def select(self, doc: DocumentFacts) -> list[TableFacts]:
        """The document's tables of these kinds (found once per document: rules ask per figure)."""
        key = ("tables", self)
        if key not in doc.memo:
            doc.memo[key] = tuple(t for t in doc.tables if self.accepts(t.kind, t.table.title))
        return list(doc.memo[key])

    def accepts(self, kind: TableKind | None, title: str | None) -> bool:
        """Whether a table of this kind and title is selected (also a table a contents lists)."""
        if self.kinds and not (kind and kind.id in self.kinds):
            return False
        return self.title is None or bool(self.title.search(label_key(title or "")))


def parse_tables(value: Any) -> TableSelector:
    """`gpb_expense`, `[gpb_expense, basic_expense]` or `{kind: …, title: regex}`."""
    if isinstance(value, dict):
        unknown = set(value) - {"kind", "title"}
        if unknown:
            raise ValueError(f"unknown table selector key '{sorted(unknown)[0]}' (use kind, title)")
        kinds = _strings(value["kind"], "kind") if "kind" in value else []
        if "title" in value and not isinstance(value["title"], str):
            raise ValueError("title must be a pattern (text)")
        title = _regex(label_key(value["title"])) if "title" in value else None
    else:
        kinds, title = _strings(value, "tables"), None
    if not kinds and title is None:
        raise ValueError("give a table kind or a title pattern")
    return TableSelector(tuple(kinds), title)


# -- columns --------------------------------------------------------------------------------

TOTAL = "total"


@dataclass(frozen=True)
class ColumnName:
    """One column term: alternatives, each a name or a path `本年收入/合计`.  A path's last part is
    the column's own heading; the headings above it need only contain the path's words
    (`三公经费/小计` is the 小计 under `一般公共预算拨款安排的“三公”经费预算`)."""

    alternatives: tuple[tuple[str, ...], ...]
    text: str

    def matches(self, column: Column) -> bool:
        for alt in self.alternatives:
            if len(alt) == 1 and column.name == alt[0]:
                return True
            above = column.keys[-len(alt):-1]
            if (len(alt) > 1 and len(column.keys) >= len(alt) and column.keys[-1] == alt[-1]
                    and all(part in key for part, key in zip(alt[:-1], above))):
                return True
        return False

    def groups(self, column: Column) -> bool:
        """Whether the column sits under a header group of this name (`人员经费/工资福利支出`)."""
        return any(len(alt) == 1 and alt[0] in column.keys[:-1] for alt in self.alternatives)

    def __str__(self) -> str:
        return self.text


def column_name(text: str) -> ColumnName:
    alts = tuple(tuple(label_key(p) for p in alt.split("/")) for alt in text.split("|"))
    if any(not all(alt) for alt in alts):
        raise ValueError(f"empty column name in {text!r}")
    return ColumnName(alts, text.strip())


_YEAR_HEADING = re.compile(r"((?:19|20)\d\d)年")
PRIOR_HEADING = re.compile(r"(上年|上一年|去年)(?!结转|结余)")  # 上年结转 is this year's money
CHANGE_HEADING = re.compile(r"增减|变动|变化")  # `增减变化情况/合计`: this year's figure less last year's


@lru_cache(maxsize=4096)
def _heading_year(path: tuple[str, ...]) -> int | None:
    """The latest year a column's heading names (cached: rules ask of the same headings all the time)."""
    found = [int(y) for k in path for y in _YEAR_HEADING.findall(k)]
    return max(found) if found else None


@lru_cache(maxsize=4096)
def _past_or_change(path: tuple[str, ...]) -> bool:
    return any(PRIOR_HEADING.search(k) or CHANGE_HEADING.search(k) for k in path)


def this_years(columns: list[Column]) -> list[Column]:
    """The columns not under an earlier year's heading (`2025年预算数` beside `2026年预算数`, `上年
    预算数`) nor a change's (`增减变化情况`): the figure a table states for its year is never read
    from last year's columns, nor from the difference of the two."""
    latest = max((y for c in columns if (y := _heading_year(c.path)) is not None), default=None)
    return [c for c in columns if not _past_or_change(c.path)
            and (latest is None or _heading_year(c.path) in (None, latest))]


def resolve_column(group: Group, name: ColumnName) -> list[Column] | None:
    """The value columns ``name`` denotes in ``group``: one column, or the leaves of a
    header group without its own total column; ``None`` when absent or ambiguous."""
    columns = this_years(group.value_columns)
    exact = [c for c in columns if name.matches(c)]
    if len(exact) == 1:
        return exact
    if exact:
        return None
    grouped = [c for c in columns if name.groups(c) and not c.partial and not c.is_total]
    return grouped or None


def total_column(group: Group) -> Column | None:
    """The column holding a row's grand total: the outermost 合计/总计 of this year, or the only value column."""
    totals = [c for c in this_years(group.value_columns) if c.is_total]
    if totals:
        return min(totals, key=lambda c: (len(c.keys), c.index))
    return group.value_columns[0] if len(group.value_columns) == 1 else None


@dataclass(frozen=True)
class ColumnSelector:
    preferences: tuple[ColumnName | str, ...]  # names, or TOTAL

    def resolve(self, group: Group) -> list[Column] | None:
        """The group's columns of the first preference it has (found once per group)."""
        key = ("columns", self)
        if key not in group.memo:
            group.memo[key] = self._resolve(group)
        found = group.memo[key]
        return list(found) if found is not None else None

    def _resolve(self, group: Group) -> tuple[Column, ...] | None:
        for pref in self.preferences:
            if pref == TOTAL:
                col = total_column(group)
                found = [col] if col else None
            else:
                found = resolve_column(group, pref)
            if found:
                return tuple(found)
        return None

    def __str__(self) -> str:
        return " or ".join(str(p) for p in self.preferences)


def parse_column(value: Any) -> ColumnSelector:
    prefs: list[ColumnName | str] = []
    for s in _strings(value, "column"):
        prefs.append(TOTAL if s == TOTAL else column_name(s))
    return ColumnSelector(tuple(prefs))


# -- rows -----------------------------------------------------------------------------------

_CARRIED_OVER = re.compile("结转|结余")


def carried_over_part(entry: Entry) -> bool:
    """A row under a 上年结转 (结余) row: `一般公共预算拨款` there is last year's money carried over,
    not this year's 一般公共预算拨款, though it bears the same name."""
    parent = entry.parent
    while parent is not None:
        if _CARRIED_OVER.search(parent.key):
            return True
        parent = parent.parent
    return False


@dataclass(frozen=True)
class RowSelector:
    total: bool = False
    labels: tuple[re.Pattern[str], ...] = ()  # preferences, matched against the bare label
    code: re.Pattern[str] | None = None

    def select(self, group: Group) -> list[Entry]:
        if self.total:
            totals = [e for e in group.entries if e.is_total]
            if not totals:
                return []
            best = max(e.total_rank for e in totals)
            return [next(e for e in totals if e.total_rank == best)]
        if self.code is not None:
            return [e for e in group.entries if e.code and self.code.fullmatch(e.code.digits)]
        for pattern in self.labels:
            found = [e for e in group.entries if pattern.fullmatch(e.key) and not carried_over_part(e)]
            if found:
                return found
        return []

    def names(self, entry: Entry) -> bool:
        """Whether one of the label patterns names the row."""
        return any(p.fullmatch(entry.key) for p in self.labels)

    def __str__(self) -> str:
        if self.total:
            return "total"
        if self.code is not None:
            return f"code ~ {self.code.pattern}"
        return " or ".join(p.pattern for p in self.labels)


def parse_row(value: Any) -> RowSelector:
    """`total`, a label pattern or a list of them (preferences), or `{code: regex}`."""
    if value == TOTAL:
        return RowSelector(total=True)
    if isinstance(value, dict):
        if set(value) != {"code"}:
            raise ValueError("a row selector mapping takes one key: code")
        return RowSelector(code=_regex(str(value["code"])))
    return RowSelector(labels=tuple(_regex(label_key(s)) for s in _strings(value, "row")))


def _flag(value: Any, what: str) -> bool:
    if not isinstance(value, bool):
        raise ValueError(f"{what} must be true or false")
    return value


def parse_patterns(value: Any) -> tuple[re.Pattern[str], ...]:
    """A regular expression or a list of them (alternatives), over text as printed."""
    return tuple(_regex(s) for s in _strings(value, "a pattern"))


def parse_year_patterns(value: Any) -> tuple[re.Pattern[str], ...]:
    """Patterns that each capture a year in a (?P<year>…) group (`2023 年部门预算编制范围`, `比2022年`)."""
    patterns = parse_patterns(value)
    for p in patterns:
        if "year" not in p.groupindex:
            raise ValueError(f"pattern {p.pattern!r} needs a (?P<year>…) group")
    return patterns


def parse_code_pattern(value: Any) -> re.Pattern[str]:
    if not isinstance(value, str):
        raise ValueError("must be a regular expression over code digits, e.g. '^2\\d{6}$'")
    return _regex(value)


# -- sides: a place in the tables where a quantity is printed ---------------------------------

@dataclass(frozen=True)
class Side:
    tables: TableSelector
    row: RowSelector
    column: ColumnSelector
    codes: Any = None  # compiled pattern over code digits (left side of match: code)
    first: bool = False
    combine: bool = False
    with_carried_over: bool = False  # the figure may also be read with its 上年结转 part added
    or_row: RowSelector | None = None  # a row of the same table the other side may print instead

    def select(self, doc: DocumentFacts) -> list[TableFacts]:
        found = self.tables.select(doc)
        if self.first and self.tables.kinds:
            for kind in self.tables.kinds:
                of_kind = [t for t in found if t.kind and t.kind.id == kind]
                if of_kind:
                    return of_kind
                if doc.document.partly_unread:
                    return []  # the preferred table may be on a page not read: no stand-in
            return []
        return found

    def cells(self, table: TableFacts) -> list[Fact]:
        """The figures this side selects in ``table``: its row (by default the total row)
        in its column (by default the total column), in every group that has both."""
        out = []
        for group in table.groups:
            columns = self.column.resolve(group)
            if not columns or len(columns) != 1:
                continue
            for entry in self.row.select(group):
                fact = entry.cells.get(columns[0].index)
                if fact is not None:
                    out.append(fact)
        return out

    def instead(self, fact: Fact) -> list[Fact]:
        """The figures of ``or_row`` in ``fact``'s group and column: what the other side may print
        in its place (a 支出总表 whose 合计 counts the money carried to next year prints the
        收支总表's 支出总计, not its 本年支出合计)."""
        if self.or_row is None:
            return []
        group = next(g for g in fact.table.groups if fact.entry in g.entries)
        return [e.cells[fact.column.index] for e in self.or_row.select(group) if fact.column.index in e.cells]

    def readings(self, fact: Fact) -> list[tuple[Fact, ...]]:
        """What ``fact`` may stand for: itself, and with ``with_carried_over`` itself plus the row of
        the same name under 上年结转 (a 收支总表 without a 上年结转 row counts the money carried
        over in its 一般公共预算拨款; a 财政拨款收支总表 prints it apart)."""
        out = [(fact,)]
        if self.with_carried_over:
            group = next(g for g in fact.table.groups if fact.entry in g.entries)
            out += [(fact, e.cells[fact.column.index]) for e in group.entries
                    if carried_over_part(e) and self.row.names(e) and fact.column.index in e.cells]
        return out


_SIDE_KEYS = {"tables", "row", "column", "codes", "first", "combine", "with_carried_over", "or_row"}


def parse_side(value: Any) -> Side:
    """`{tables: …, row: …, column: …}`; row and column default to the total."""
    if not isinstance(value, dict) or "tables" not in value:
        raise ValueError("a side is a mapping with at least 'tables' (and row, column, codes, first, combine)")
    unknown = set(value) - _SIDE_KEYS
    if unknown:
        raise ValueError(f"unknown key '{sorted(unknown)[0]}' (use {', '.join(sorted(_SIDE_KEYS))})")
    return Side(
        tables=parse_tables(value["tables"]),
        row=parse_row(value.get("row", TOTAL)),
        column=parse_column(value.get("column", TOTAL)),
        codes=parse_code_pattern(value["codes"]) if "codes" in value else None,
        first=_flag(value.get("first", False), "first"),
        combine=_flag(value.get("combine", False), "combine"),
        with_carried_over=_flag(value.get("with_carried_over", False), "with_carried_over"),
        or_row=parse_row(value["or_row"]) if "or_row" in value else None,
    )
