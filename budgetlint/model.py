"""The document model every loader produces: blocks of paragraphs and tables, all located.

Loaders (text, PDF, …) differ in how they find tables and paragraphs; everything
after loading sees only this model.  A :class:`Location` is where a person goes to
look: the file, and either a page and box (paged sources) or a line and column
(text sources).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass, field, replace

from budgetlint.i18n import t

BBox = tuple[float, float, float, float]  # x0, top, x1, bottom in PDF points


def column_letters(number: int) -> str:
    """A spreadsheet column's letters: 1 → A, 27 → AA."""
    letters = ""
    while number > 0:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass(frozen=True, slots=True)
class Location:
    file: str
    page: int | None = None
    line: int | None = None  # 1-based
    column: int | None = None  # 1-based, in characters
    bbox: BBox | None = None
    part: str | None = None  # a workbook's sheet or a Word document's table: line and column are its row and column

    @property
    def part_order(self) -> tuple:
        """Where the part stands among its file's parts: `表格2` before `表格10` (numbers compared as
        numbers); no part (a paragraph, a page) first."""
        return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", self.part)) if self.part else ()

    def cell_name(self) -> str:
        """`公开01表!C5`: a cell of a sheet (or of a Word table) as spreadsheets name it."""
        return f"{self.part}!{column_letters(self.column or 1)}{self.line}"

    def shifted(self, chars: int) -> Location:
        """The location ``chars`` characters further along the same line."""
        if self.column is None:
            return self
        return replace(self, column=self.column + chars)

    def sort_key(self) -> tuple:
        return (self.page or 0, self.part_order, self.line or 0, self.bbox[1] if self.bbox else 0,
                self.column or 0, self.bbox[0] if self.bbox else 0)

    def __str__(self) -> str:
        parts = [self.file]
        if self.page is not None:
            parts.append(f"p{self.page}")
        if self.part is not None and self.line is not None:
            return f"{self.file}:{self.cell_name()}"
        if self.line is not None:
            parts.append(str(self.line))
            if self.column is not None:
                parts.append(str(self.column))
        return ":".join(parts)


@dataclass(slots=True)
class Cell:
    """A table cell.  A position inside a merged cell that starts to its left or above is
    ``covered``: it prints no figure of its own, and (merged across) repeats the text of the
    cell it belongs to, so that a label spanning columns labels each of them."""

    text: str
    location: Location
    covered: bool = False


@dataclass(slots=True)
class Paragraph:
    """Running text.  ``segments`` map character offsets in ``text`` to where they start."""

    text: str
    location: Location
    segments: list[tuple[int, Location]] = field(default_factory=list)

    def locate(self, offset: int) -> Location:
        """Where the character at ``offset`` of :attr:`text` was printed."""
        return locate(self.segments, offset) if self.segments else self.location


def locate(segments: list[tuple[int, Location]], offset: int) -> Location:
    """Where the character at ``offset`` was printed, given where each segment starts."""
    i = max(bisect_right(segments, offset, key=lambda segment: segment[0]) - 1, 0)
    start, loc = segments[i]
    return loc.shifted(offset - start)


@dataclass(slots=True)
class Table:
    """A logical table: header rows and body rows of cells, with its caption lines.

    A table printed over several pages is one :class:`Table`; ``parts`` keeps
    where each printed part starts.
    """

    header: list[list[Cell]]
    body: list[list[Cell]]
    location: Location
    title: str | None = None
    number: str | None = None  # 表5, 公开01表
    unit_text: str | None = None  # 单位：元
    meta: str | None = None  # 编制单位：…, 部门：… (who prepared the table)
    notes: list[Paragraph] = field(default_factory=list)
    parts: list[Location] = field(default_factory=list)
    grid: tuple[tuple[float, float], ...] | None = None  # each column's x0, x1 (paged sources)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.header + self.body), default=0)

    @property
    def name(self) -> str:
        """How messages name the table: its number and title, as printed."""
        bits = [b for b in (self.number, self.title) if b]
        return " ".join(bits) if bits else t("(untitled table)")


Block = Paragraph | Table


@dataclass(frozen=True, slots=True)
class Problem:
    """Something the loader could not read (a page without a text layer, unmapped glyphs), or a reader
    of the page cannot see (a blank page, characters outside the page box), and where."""

    message: str  # an English template, translated when a report shows it (a cached document has no language)
    location: Location
    found: str  # what was there instead of text (`(cid:…)`), or a word to translate (`image`)
    kind: str = "unreadable"  # or "blank-page", "off-page": what a reader of the page does not see
    unread: bool = False  # nothing on the page was read (a scan, sideways text): a table may be there
    values: dict[str, str | int] = field(default_factory=dict)  # the template's placeholders

    @property
    def text(self) -> str:
        """The problem in the run's language."""
        return t(self.message, **self.values)


@dataclass(slots=True)
class Document:
    path: str
    blocks: list[Block]
    pages: int | None = None
    problems: list[Problem] = field(default_factory=list)

    @property
    def partly_unread(self) -> bool:
        """Whether a page or sheet was not read at all (a scan, sideways text, a sheet too large): no
        rule may say a table is missing while one was not."""
        return any(p.unread for p in self.problems)

    @property
    def tables(self) -> list[Table]:
        return [b for b in self.blocks if isinstance(b, Table)]

    @property
    def paragraphs(self) -> list[Paragraph]:
        return [b for b in self.blocks if isinstance(b, Paragraph)]


def combine(documents: list[Document]) -> Document:
    """The files of one disclosure as one document, the narrative's file first (it names the
    disclosure on its cover); every block keeps the file it came from in its locations."""
    if len(documents) == 1:
        return documents[0]
    ordered = sorted(documents, key=lambda d: -sum(len(p.text) for p in d.paragraphs))
    return Document(
        path=ordered[0].path,
        blocks=[b for d in ordered for b in d.blocks],
        pages=sum(d.pages or 0 for d in ordered) or None,
        problems=[p for d in ordered for p in d.problems],
    )
