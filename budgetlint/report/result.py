"""The result of a run, which every output format renders: files, input errors, violations."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Iterable

from budgetlint.figures import Figure
from budgetlint.interval import Interval
from budgetlint.model import Location
from budgetlint.understand.identity import Identity
from budgetlint.understand.sections import SectionFound

if TYPE_CHECKING:
    from budgetlint.series.forming import Series


@dataclass(frozen=True, slots=True)
class FigureRef:
    """A figure (or a label) a person can go to: where it is and what it says."""

    location: Location
    text: str
    table: str | None = None
    row: str | None = None
    col: str | None = None
    heading: Location | None = None  # the cell heading the figure's column (pictures show it)

    def to_json(self) -> dict:
        loc = self.location
        return {
            "file": loc.file,
            "page": loc.page,
            "line": loc.line,
            "column": loc.column,
            "part": loc.part,
            "bbox": list(loc.bbox) if loc.bbox else None,
            "table": self.table,
            "row": self.row,
            "col": self.col,
            "text": self.text,
        }


Key = tuple[str, str, str]  # a table figure's name in every disclosure: (table kind, row, column)


@dataclass(frozen=True, slots=True)
class Posting:
    """A figure under the keys it may be read as, the year it is of, and where it is printed."""

    keys: tuple[Key, ...]
    figure: Figure  # as printed, or (last year's, from a change) as worked out, in the unit it is printed in
    interval: Interval  # the values it stands for: a worked-out figure's is the width of its inputs'
    ref: FigureRef
    year: int = 0  # 0: the disclosure's own year; −1: last year
    worked_out: str = ""  # how a figure that is not printed was worked out (`26200.88 − 2687.77`)
    names: tuple[str, ...] = ()  # the row's name under each key (a code's subject may be renamed next year)


@dataclass(frozen=True, slots=True)
class Violation:
    rule: str
    name: str
    severity: str
    message: str
    file: str
    subject: FigureRef
    reported: str
    computed: str
    difference: str | None = None
    related: tuple[FigureRef, ...] = ()
    basis: str | None = None  # how the structure the finding rests on was confirmed (`本表其余 14 处行合计相符`)

    @property
    def labels(self) -> tuple[str, str]:
        """How reports label ``reported`` and ``computed`` (before translation): the figure printed
        and the one computed where there was arithmetic (a difference), else what was found and
        what was expected (a title, a code, a year: nothing was computed)."""
        return ("reported", "should be") if self.difference is not None else ("found", "expected")

    def sort_key(self) -> tuple:
        """File, then page/line (a sheet's or Word table's rows together), then rule (the JSON
        contract); then position, for a stable order."""
        loc = self.subject.location
        return (self.file, loc.page or 0, loc.part_order, loc.line or 0, self.rule, loc.sort_key(), self.message)


@dataclass(frozen=True, slots=True)
class InputError:
    path: str
    message: str


@dataclass(frozen=True, slots=True)
class TableSeen:
    """A table found in a file, the kind it was recognised as (``None``: not recognised), and how
    much of it was checked: its printed figures, those in a relation that holds, and whether it
    was understood (recognised, and read so that its sums agree)."""

    name: str
    kind: str | None
    page: int | None
    figures: int = 0
    checked: int = 0
    understood: bool = False


@dataclass(frozen=True, slots=True)
class Coverage:
    """How much of a file the checks could vouch for (核对覆盖率): a clean report at 90 % and one at
    5 % mean different things."""

    figures: int  # printed figures in its tables
    checked: int  # of them, in a relation that holds (a total, a cross-table identity, a sentence)
    tables: int  # tables with figures
    understood: int  # of them, recognised and read so that their sums agree

    @classmethod
    def of(cls, parts: Iterable[Coverage]) -> Coverage:
        """Several files' (or tables') coverage together."""
        parts = list(parts)
        return cls(sum(c.figures for c in parts), sum(c.checked for c in parts), sum(c.tables for c in parts),
                   sum(c.understood for c in parts))

    @property
    def ratio(self) -> float | None:
        return round(self.checked / self.figures, 3) if self.figures else None

    def to_json(self) -> dict:
        return {"figures": self.figures, "checked": self.checked, "ratio": self.ratio,
                "tables": self.tables, "understood": self.understood}


@dataclass(slots=True)
class FileResult:
    path: str
    pages: int | None
    tables: int
    facts: int
    seconds: float
    violations: list[Violation] = field(default_factory=list)
    identity: Identity = field(default_factory=Identity)  # of the disclosure the file belongs to
    disclosure: tuple[str, ...] = ()  # every file of that disclosure, when there are several
    tables_seen: tuple[TableSeen, ...] = ()
    ledger: tuple[Posting, ...] = ()  # its figures as a series sees them (budgetlint.series.ledger)
    sections_seen: tuple[SectionFound, ...] = ()  # where the parts of its text begin (a checklist's items)

    @property
    def coverage(self) -> Coverage:
        return Coverage.of(Coverage(t.figures, t.checked, 1, int(t.understood)) for t in self.tables_seen if t.figures)


@dataclass(slots=True)
class Report:
    files: list[FileResult] = field(default_factory=list)
    errors: list[InputError] = field(default_factory=list)
    waived: list[Violation] = field(default_factory=list)  # accepted in a waiver file: not counted
    extra: list[Violation] = field(default_factory=list)  # about no checked file (a stale waiver)
    seconds: float = 0.0  # the whole run
    interrupted: int | None = None  # the signal that stopped the run before every file was checked
    skipped: list[str] = field(default_factory=list)  # files in the folders of kinds budgetlint does not read
    series: list[Series] = field(default_factory=list)  # disclosures of one agency compared with each other

    @property
    def violations(self) -> list[Violation]:
        found = [v for f in self.files for v in f.violations] + self.extra
        return sorted(found, key=Violation.sort_key)

    @property
    def pages(self) -> int:
        return sum(f.pages or 0 for f in self.files)

    @property
    def coverage(self) -> Coverage:
        """The files' coverage together."""
        return Coverage.of(f.coverage for f in self.files)


def by_file(violations: list[Violation]) -> dict[str, list[Violation]]:
    """Violations grouped by file, in the order given."""
    out: dict[str, list[Violation]] = {}
    for v in violations:
        out.setdefault(v.file, []).append(v)
    return out
