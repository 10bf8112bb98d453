"""What a table means: columns with roles, rows as labelled entries, cells as located facts.

A table is read as one or more *groups*: a run of key columns (codes, labels)
followed by the value columns they label.  A 收支总表 printed as
`项目 | 预算数 | 项目 | 预算数` has two groups; an expenditure table one.  Each
group's rows are :class:`Entry` objects linked into a hierarchy (by subject code,
unit code or outline numbering), and each value cell of an entry is a
:class:`Fact`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from budgetlint.figures import Figure, Unit
from budgetlint.interval import Interval
from budgetlint.model import Document, Location, Table
from budgetlint.understand.codes import SubjectCode
from budgetlint.understand.identity import Identity
from budgetlint.understand.kinds import KindCatalogue, TableKind, builtin_kinds
from budgetlint.understand.sections import SectionFound
from budgetlint.understand.statements import Narrative

if TYPE_CHECKING:
    from budgetlint.understand.contents import Contents
    from budgetlint.understand.confirmation import Confirmation
    from budgetlint.understand.relations import Sum, Tally

TOTAL_WORDS = ("合计", "总计", "小计")


class Role(StrEnum):
    LABEL = "label"
    CODE = "code"  # a subject code in one column
    CODE_PART = "code-part"  # 类 | 款 | 项 printed in separate columns
    UNIT_CODE = "unit-code"  # 单位代码, 项目编码: identifies a unit or project, not a subject
    VALUE = "value"
    NOTE = "note"  # 备注, 项目简介: text that labels nothing
    RATE = "rate"  # 增长率, 占比 (%): figures that are rates or shares, never summed as amounts
    COUNT = "count"  # 数量, 人数: how many things, not amounts of money
    BLANK = "blank"  # nothing printed in it at all (a column of a layout grid, not of the table)
    UNNAMED = "unnamed"  # figures under no heading: what they are is not known, so no sum uses them


@dataclass(frozen=True, slots=True)
class Column:
    index: int
    path: tuple[str, ...]  # header components top to bottom, as printed (without spaces)
    keys: tuple[str, ...]  # the same, normalised for matching, `其中` groups dropped
    role: Role
    unit: Unit | None = None  # a unit printed in the header, overriding the table's

    @property
    def partial(self) -> bool:
        """A `其中：…` column: a part of its neighbour, not a complete breakdown."""
        return bool(self.path) and self.path[-1].startswith("其中") and len(self.path[-1]) > 3

    @property
    def under_partial(self) -> bool:
        """A column under a `其中` heading over several columns: parts that may or may not make up
        the whole (the table's figures tell, see understand.fitting)."""
        return any(p.startswith("其中") for p in self.path[:-1])

    @property
    def is_total(self) -> bool:
        """`合计`, `小计`, and headings that end so (`支出总计`, `收入总计`, `“三公”经费财政拨款预算总额`)."""
        return bool(self.keys) and (self.keys[-1] in TOTAL_WORDS or self.keys[-1].endswith("预算总额") or
                                    (self.keys[-1].endswith(TOTAL_WORDS) and len(self.keys[-1]) <= 6))

    @property
    def name(self) -> str:
        """The quantity the column holds: `项目支出/小计` is 项目支出, `其中：财政拨款` is 财政拨款."""
        if not self.keys:
            return ""
        if self.is_total and len(self.keys) > 1:
            return self.keys[-2]
        last = self.keys[-1]
        return last[3:] if self.partial and last.startswith("其中:") else last

    @property
    def title(self) -> str:
        """How messages name the column."""
        return "/".join(self.path) if self.path else f"第{self.index + 1}列"


@dataclass(eq=False, slots=True)
class Fact:
    """A figure printed in a table cell, with everything needed to talk about it."""

    figure: Figure
    table: TableFacts
    entry: Entry
    column: Column
    location: Location
    interval: Interval = field(init=False)  # the figure's, worked out once: fitting sums each cell many times

    def __post_init__(self) -> None:
        self.interval = self.figure.interval

    @property
    def blank(self) -> bool:
        return self.figure.blank


@dataclass(eq=False, slots=True)
class Entry:
    """One body row as seen by one column group."""

    row: int  # index into Table.body
    label: str  # as printed, without spaces
    key: str  # comparison key: no numbering, no `其中`, normalised
    location: Location
    code: SubjectCode | None = None
    names: tuple[tuple[SubjectCode, str], ...] = ()  # every printed code with the name beside it
    unit_code: str | None = None
    fund_code: str | None = None  # a one- or two-digit code under `单位编码` (`1` 全额, `2` 差额): heads the units after it
    marker: str | None = None  # outline numbering style: 一、 （一） 1、 (1) ①
    level: int | None = None  # depth of that style in this group (0 = outermost)
    labelled: tuple[int, ...] = ()  # which of several label columns it prints text in (0 = leftmost)
    total_rank: int = 0  # 0: not a total; 1 小计, 2 合计, 3 总计
    partial: bool = False  # a `其中` row: part of its parent, never a complete breakdown
    outside: bool = False  # left out of every sum by the table's reading (a unit's row among coded rows)
    nested: bool = False  # a parent by its figures alone (they add up to it), not by a code or numbering
    cells: dict[int, Fact] = field(default_factory=dict)  # value column index -> fact
    parent: Entry | None = None
    children: list[Entry] = field(default_factory=list)

    @property
    def restates_parent(self) -> bool:
        """The one item of its parent, printed with the parent's own code (a 款 with no 项 beneath it)."""
        return (self.parent is not None and self.code is not None and self.parent.code is not None
                and self.code.digits == self.parent.code.digits)

    @property
    def is_total(self) -> bool:
        return self.total_rank > 0

    @property
    def title(self) -> str:
        """How messages name the row: its code and label."""
        if self.code and not self.code.inferred and self.code.digits not in self.label:
            return f"{self.code.digits} {self.label}".strip()
        return self.label or f"第{self.row + 1}行"


@dataclass(eq=False, slots=True)
class Group:
    key_columns: list[Column]
    value_columns: list[Column]
    entries: list[Entry] = field(default_factory=list)
    mode: str = "flat"  # how the rows nest: "code", "unit", "outline", "flat", or one of them "+nested"
    column_parts: dict[int, list[Column]] = field(default_factory=dict)  # total column index -> what it adds up
    explicit: bool = False  # every row placed by a code, unit code or number the table prints
    # what rules look up in the group again and again, worked out once: its coded rows by code and prefix
    # (budgetlint.checks.lookup), a column selector's columns.  Each narrative amount and each row of
    # another table looks a code up, and a scan per look-up made a long text quadratic
    memo: dict[tuple, Any] = field(default_factory=dict, repr=False)


@dataclass(eq=False, slots=True)
class TableFacts:
    table: Table
    number: int  # 1-based position among the document's tables
    kind: TableKind | None
    unit: Unit
    unit_stated: bool
    columns: list[Column]
    groups: list[Group] = field(default_factory=list)
    doubts: list[str] = field(default_factory=list)  # what could not be understood, for an input finding
    sums: list[Sum] = field(default_factory=list)  # every sum the kept reading asserts (understand.fitting)
    support: dict[str, Tally] = field(default_factory=dict)  # "rows", "columns": how many of those sums hold
    located: set[Fact] = field(default_factory=set)  # figures one error in which explains several failing sums
    verified: set[Fact] = field(default_factory=set)  # figures in a sum of the table that holds
    confirmations: dict[Sum, Confirmation | None] = field(default_factory=dict)  # each failing sum: why it is an error

    @property
    def understood(self) -> bool:
        """Recognised, and every sum of it that fails is confirmed as an error of the table (not a
        sign that it was read wrong): its figures may be compared with other tables and the narrative."""
        return self.kind is not None and all(why is not None for why in self.confirmations.values())

    @property
    def name(self) -> str:
        return self.table.name

    @property
    def facts(self) -> list[Fact]:
        """The printed (non-blank) figures, in reading order."""
        out = [f for g in self.groups for e in g.entries for f in e.cells.values() if not f.blank]
        return sorted(out, key=lambda f: (f.entry.row, f.column.index))


@dataclass(eq=False, slots=True)
class DocumentFacts:
    document: Document
    tables: list[TableFacts]
    narrative: Narrative = field(default_factory=Narrative)
    contents: Contents | None = None  # the contents page (目录), its entries matched to the tables
    kinds: KindCatalogue = field(default_factory=builtin_kinds)  # the kinds the tables were recognised with
    identity: Identity = field(default_factory=Identity)  # what the disclosure is: 预算/决算, year, agency
    sections: tuple[SectionFound, ...] = ()  # where the parts of its text begin (主要职能, 名词解释 …)
    # what rules look up in the tables again and again (a quantity's cells), kept for this document:
    # asked once per narrative amount, each a pass over every table, they made a long text quadratic
    memo: dict[tuple, Any] = field(default_factory=dict, repr=False)

    @property
    def path(self) -> str:
        return self.document.path

    def of_kind(self, *kinds: str) -> list[TableFacts]:
        return [t for t in self.tables if t.kind and t.kind.id in kinds]
