"""From lines and table parts, in reading order, to the blocks of a document.

Every loader finds lines of text and printed table parts its own way; what comes
next is the same for all of them, and lives here:

* the caption lines above a table (title, number `表5` / `公开01表`, `部门名称：…`,
  `单位：元`, in any order, the unit sometimes broken over two lines) are attached
  to it;
* notes under a table (`注：…`, `说明：…`) are attached to it;
* a part that continues the table above on a new page (its caption and header
  repeated, or no header at all) is merged into it, repeated 合计 rows dropped;
* the other lines become paragraphs, a line a loader marks as wrapped (the
  following lines of a PDF paragraph or of a long title) joined to the one above.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from itertools import takewhile

from budgetlint.figures import parse_figure
from budgetlint.model import Block, Cell, Location, Paragraph, Table
from budgetlint.textnorm import squash

_UNIT = re.compile(r"单位[:：]?(万元|亿元|元)$")
_UNIT_HEAD = re.compile(r"单位[:：]?(万|亿)?$")
_UNIT_TAIL = re.compile(r"^(万元|亿元|元)$")
_UNIT_IN_LINE = re.compile(r"(金额)?单位\s*[:：]?\s*(万元|亿元|元)\s*$")
TABLE_NUMBER = r"附?表\s*\d+(-\d+)?|公开\s*\d+\s*表"  # 表5, 附表1-2, 公开01表: how tables are numbered
_NUMBER = re.compile(rf"^({TABLE_NUMBER})$")
_META = re.compile(r"^(部门\(单位\)|部门（单位）|部门|单位|预算单位)(名称)?[:：]|^(编制|填报)(单位|部门)(名称)?[:：]")
_YEAR_CAPTION = re.compile(r"^[(（]\d{4}年度?[)）]$")
_NOTE = re.compile(r"^(注|说明|备注)\s*[:：1-9一]")
_NOTE_CONTINUATION = re.compile(r"^\d+[、.．]")
_TOTAL = re.compile(r"^(合计|总计)$")
_ITEM_START = re.compile(r"^([一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.]|其中)")
_CAPTION_LOOKBACK = 8


@dataclass(eq=False)
class RawLine:
    """A line of text as a loader found it."""

    text: str
    location: Location
    segments: list[tuple[int, Location]] = field(default_factory=list)  # offsets -> where they were printed
    continues: bool = False  # the wrapped continuation of the paragraph above

    @property
    def blank(self) -> bool:
        return not self.text.strip()


@dataclass(eq=False)
class RawTable:
    """One printed part of a table, before captions and continuations are resolved."""

    rows: list[list[Cell]]
    location: Location
    header_rows: int | None = None  # rows the source marks as header (a markdown |---| line)
    captions: dict[str, tuple[str, Location]] = field(default_factory=dict)
    grid: tuple[tuple[float, float], ...] | None = None  # each column's x0, x1 (paged sources)


def is_caption(text: str) -> bool:
    """Whether a piece of text is one of a table's caption lines other than its title: its
    number, who prepared it, its unit or its year (`公开01表`, `部门名称：…`, `单位：万元`, `（2024年度）`)."""
    s = squash(text)
    return bool(_NUMBER.match(s) or _META.search(s) or _UNIT.search(s) or _UNIT_IN_LINE.search(text.strip())
                or _YEAR_CAPTION.match(s))


def has_figure(row: list[Cell]) -> bool:
    figures = [parse_figure(c.text) for c in row if c.text]
    values = [f for f in figures if f is not None and not f.blank]
    if not values:
        return False
    # a column-number row (栏次 1 2 3 …) is part of the header
    ints = [f.value for f in values if f.decimals == 0]
    return not (len(ints) == len(values) >= 3 and ints == list(range(1, len(ints) + 1)))


def header_size(part: RawTable) -> int:
    """Header rows: those above the first row with a figure (or as the source marks them)."""
    for i, row in enumerate(part.rows):
        if has_figure(row):
            return i
    if part.header_rows is not None:
        return part.header_rows
    return min(1, len(part.rows))


def _looks_like_title(s: str) -> bool:
    if s in ("目录", "目錄"):
        return True
    return 2 < len(s) <= 60 and "表" in s and not s.endswith(("。", "；", ";", "，")) and not _NOTE.match(s)


def _row_signature(row: list[Cell]) -> tuple[str, ...]:
    texts = [squash(c.text) for c in row]
    while texts and not texts[-1]:
        texts.pop()
    return tuple(texts)


def _is_total_row(row: list[Cell]) -> bool:
    return any(_TOTAL.match(squash(c.text)) for c in row if c.text)


def _is_wrapped_fragment(row: list[Cell]) -> bool:
    """A row holding only the wrapped end of the previous row's text (`资金` on a new page).

    A numbered item (`十七、金融支出`) or a total is a row of its own, even when blank.
    """
    texts = [c.text for c in row if c.text]
    if len(texts) != 1 or parse_figure(texts[0]) is not None or len(squash(texts[0])) > 8:
        return False
    return not _ITEM_START.match(squash(texts[0])) and not _TOTAL.search(squash(texts[0]))


def _header_like(row: list[Cell], table: Table) -> bool:
    """A row of column headings: text over a column that holds figures in ``table``'s rows (a
    row of labels with its figures left blank has text over label columns only)."""
    if has_figure(row):
        return False
    for i, cell in enumerate(row):
        column = [r[i].text for r in table.body if i < len(r) and r[i].text]
        figures = [t for t in column if parse_figure(t) is not None]
        if cell.text.strip() and column and len(figures) * 2 >= len(column):
            return True
    return False


def _pad(table: Table) -> None:
    width = table.width
    for row in table.header + table.body:
        if len(row) < width:
            last = row[-1].location if row else table.location
            row.extend(Cell("", last) for _ in range(width - len(row)))


def _join_wrapped(items: list[RawLine | RawTable]) -> list[RawLine | RawTable]:
    """Lines a loader marks as wrapped continuations, joined to the line they continue."""
    out: list[RawLine | RawTable] = []
    for item in items:
        previous = out[-1] if out else None
        if isinstance(item, RawLine) and item.continues and isinstance(previous, RawLine):
            offset = len(previous.text)
            joined = RawLine(previous.text + item.text, previous.location,
                             previous.segments + [(offset + s, loc) for s, loc in item.segments])
            out[-1] = joined
        else:
            out.append(item)
    return out


@dataclass(eq=False)
class CaptionLine:
    """Text above a table, as read: a line, or pieces of lines printed one under the other in one
    column (`部门：中国共产党江苏省委员会办` / `公厅`, `单位：万` / `元`)."""

    text: str
    location: Location
    sources: list[RawLine]
    bottom: float = 0.0  # where it ends on the page: the nearest to the table comes first

    @classmethod
    def of(cls, line: RawLine) -> CaptionLine:
        return cls(line.text, line.location, [line], line.location.bbox[3] if line.location.bbox else 0.0)


@dataclass
class _Piece:
    text: str
    box: tuple[float, float, float, float]
    line: RawLine


def _pieces(line: RawLine) -> list[_Piece]:
    """A line cut where its characters leave a gap wider than two characters (the left and
    right halves of `部门：…        单位：万元`); none when its characters have no boxes."""
    chars = [(line.text[o], loc.bbox) for o, loc in line.segments if o < len(line.text)
             and loc.bbox is not None and line.text[o].strip()]
    if not chars or len(chars) != len(line.text.replace(" ", "")):
        return []
    pieces: list[list[tuple[str, tuple]]] = [[chars[0]]]
    for ch, box in chars[1:]:
        last = pieces[-1][-1][1]
        if box[0] - last[2] > 2 * (last[3] - last[1]):
            pieces.append([])
        pieces[-1].append((ch, box))
    return [_Piece("".join(c for c, _ in p), (p[0][1][0], min(b[1] for _, b in p), p[-1][1][2],
                                              max(b[3] for _, b in p)), line) for p in pieces]


def caption_lines(above: list[RawLine], table: RawTable) -> list[CaptionLine]:
    """The lines above a table (nearest first), with pieces of text wrapped in a narrow column
    joined: a caption's `部门：…` and `单位：…` often wrap, each in its own column.  Only lines
    on the table's page, whose characters have boxes, are cut into pieces."""
    page, box = table.location.page, table.location.bbox
    near = list(takewhile(lambda line: page is not None and line.location.page == page, above))
    pieces = {id(line): _pieces(line) for line in near}
    if box is None or not near or not all(pieces.values()):
        return [CaptionLine.of(line) for line in above]
    columns: list[list[_Piece]] = []
    for piece in (p for line in reversed(near) for p in pieces[id(line)]):
        column = next((c for c in columns if _continues(c[-1], piece, box[2] - box[0])), None)
        if column is None:
            columns.append([piece])
        else:
            column.append(piece)
    # a line is cut into its pieces only where one of them goes on in a column of wrapped text
    cut = {id(p.line) for c in columns if len(c) > 1 for p in c}
    joined = [CaptionLine("".join(p.text for p in c), replace(c[0].line.location, bbox=c[0].box),
                          list(dict.fromkeys(p.line for p in c)), c[-1].box[3])
              for c in columns if len(c) > 1 or id(c[0].line) in cut]
    whole = [CaptionLine.of(line) for line in near if id(line) not in cut]
    ordered = sorted(joined + whole, key=lambda c: (-c.bottom, c.location.bbox[0] if c.location.bbox else 0))
    return ordered + [CaptionLine.of(line) for line in above[len(near):]]


def _continues(last: _Piece, piece: _Piece, width: float) -> bool:
    """Whether ``piece`` goes on under ``last`` in one narrow column: overlapping it, right
    below it, in the same size of type."""
    height, own = last.box[3] - last.box[1], piece.box[3] - piece.box[1]
    return (last.box[2] - last.box[0] < 0.6 * width
            and piece.box[0] < last.box[2] and last.box[0] < piece.box[2]
            and 0 <= piece.box[1] - last.box[3] < 0.8 * height
            and abs(own - height) <= 0.25 * height)


class _Assembler:
    def __init__(self, items: list[RawLine | RawTable]):
        self.items = _join_wrapped(items)
        self.caption_lines: set[int] = set()  # id() of lines used as captions

    def read_captions(self) -> None:
        for k, item in enumerate(self.items):
            if isinstance(item, RawTable):
                above: list[RawLine] = []
                for prev in reversed(self.items[:k]):
                    if isinstance(prev, RawTable):
                        break
                    if not prev.blank:
                        above.append(prev)
                    if len(above) >= _CAPTION_LOOKBACK:
                        break
                self._captions(item, caption_lines(above, item))

    def _captions(self, part: RawTable, above: list[CaptionLine]) -> None:
        """Walk up from the table over unit, meta, number and title lines."""
        found = part.captions
        i = 0
        while i < len(above):
            line = above[i]
            s = squash(line.text)
            nxt = squash(above[i + 1].text) if i + 1 < len(above) else ""
            used = 1
            if "unit" not in found and _UNIT_TAIL.match(s) and _UNIT_HEAD.search(nxt):
                # the unit broken over two lines: `单位:` / `万元`
                found["unit"] = (f"{above[i + 1].text.strip()}{line.text.strip()}", above[i + 1].location)
                used = 2
            elif "unit" not in found and _UNIT.search(s):
                text = line.text.strip()
                unit = _UNIT_IN_LINE.search(text)
                found["unit"] = (text[unit.start():] if unit else text, line.location)
                if unit and _META.search(squash(text[: unit.start()])):
                    found.setdefault("meta", (text[: unit.start()].strip(), line.location))
            elif _META.search(s):
                found.setdefault("meta", (line.text.strip(), line.location))
            elif _YEAR_CAPTION.match(s):
                pass
            elif "number" not in found and _NUMBER.match(s):
                found["number"] = (s, line.location)
            elif "title" not in found and _looks_like_title(s):
                found["title"] = (line.text.strip(), line.location)
                self._used(line)
                # a number printed above the title still belongs to this table
                if "number" not in found and _NUMBER.match(nxt):
                    found["number"] = (nxt, above[i + 1].location)
                    self._used(above[i + 1])
                break
            else:
                break
            for x in above[i : i + used]:
                self._used(x)
            i += used

    def _used(self, line: CaptionLine) -> None:
        self.caption_lines.update(id(source) for source in line.sources)

    def build(self) -> list[Block]:
        self.read_captions()
        blocks: list[Block] = []
        last_table: Table | None = None
        in_notes = False
        for item in self.items:
            if isinstance(item, RawTable):
                in_notes = False
                if last_table is None or not self._continue(last_table, item, blocks):
                    last_table = self._table(item)
                    blocks.append(last_table)
                continue
            if item.blank or id(item) in self.caption_lines:
                continue
            s = squash(item.text)
            previous = blocks[-1] if blocks else None
            if isinstance(previous, Table) and _NOTE.match(s):
                previous.notes.append(self._paragraph(item))
                in_notes = True
            elif in_notes and _NOTE_CONTINUATION.match(s):
                table = next(b for b in reversed(blocks) if isinstance(b, Table))
                table.notes.append(self._paragraph(item))
            else:
                in_notes = False
                blocks.append(self._paragraph(item))
        return blocks

    @staticmethod
    def _paragraph(line: RawLine) -> Paragraph:
        text = line.text.strip()
        lead = len(line.text) - len(line.text.lstrip())
        segments = [(s - lead, loc) for s, loc in line.segments or [(0, line.location)]]
        para = Paragraph(text, line.location, segments)
        para.location = para.locate(0)
        return para

    @staticmethod
    def _table(part: RawTable) -> Table:
        size = header_size(part)
        caption = part.captions
        table = Table(
            header=part.rows[:size],
            body=[r for r in part.rows[size:] if any(c.text for c in r)],
            location=part.location,
            title=caption["title"][0] if "title" in caption else None,
            number=caption["number"][0] if "number" in caption else None,
            unit_text=caption["unit"][0] if "unit" in caption else None,
            meta=caption["meta"][0] if "meta" in caption else None,
            parts=[part.location],
            grid=part.grid,
        )
        _pad(table)
        return table

    @staticmethod
    def _continue(table: Table, part: RawTable, blocks: list[Block]) -> bool:
        """Append ``part`` to ``table`` when it is the same table continued on a new page."""
        size = header_size(part)
        caption = part.captions
        if not part.rows:
            return False
        follows = bool(blocks) and blocks[-1] is table and not caption
        if "title" in caption:
            same_header = [_row_signature(r) for r in part.rows[:size]] == [_row_signature(r) for r in table.header]
            if not (caption["title"][0] == table.title and caption.get("number", (None,))[0] == table.number
                    and same_header):
                return False
            rows = part.rows[size:]
            repeated_totals = {_row_signature(r) for r in table.body if _is_total_row(r)}
            while rows and _is_total_row(rows[0]) and _row_signature(rows[0]) in repeated_totals:
                rows = rows[1:]
        elif follows and not table.body:
            # a header cut off at the foot of a page: the rest of it, and the rows, follow
            upper = table.header if len(part.rows[0]) == table.width else []  # merged cells differ
            table.header = upper + part.rows[:size]
            rows = part.rows[size:]
        elif follows and (aligned := _on_grid(part, table)) is not None:
            repeated = len(table.header)
            first = aligned[0]
            if repeated and [_row_signature(r) for r in aligned[:repeated]] == [_row_signature(r) for r in table.header]:
                rows = aligned[repeated:]  # the header repeated on the new page
            elif _header_like(first, table):
                return False  # a header of its own: another table
            else:
                rows = aligned  # straight on with the rows
            rows = [r for r in rows if any(c.text for c in r)]
            if rows and _is_wrapped_fragment(rows[0]) and table.body:
                for i, cell in enumerate(rows[0]):
                    if cell.text and i < len(table.body[-1]):
                        table.body[-1][i].text += cell.text
                rows = rows[1:]
        else:
            return False
        table.body.extend(r for r in rows if any(c.text for c in r))
        table.parts.append(part.location)
        _pad(table)
        return True


_GRID_TOLERANCE = 3.0  # points between the edges of one column printed on two pages


def _on_grid(part: RawTable, table: Table) -> list[list[Cell]] | None:
    """The part's rows laid on the table's columns, or ``None`` when they do not fit.

    Printed on its own page, a part can have fewer columns than the table (the last row's
    label merged over the code columns: `合计 | 189,767,551 | …`); where both parts know
    where their columns are, each column of the part goes where the table has a column
    starting at the same place.
    """
    width = max(len(r) for r in part.rows)
    if width == table.width or (abs(width - table.width) <= 1 and (part.grid is None or table.grid is None)):
        return part.rows
    if part.grid is None or table.grid is None:
        return None
    starts = [c[0] for c in table.grid]
    target = []
    for x0, _ in part.grid:
        i = min(range(len(starts)), key=lambda k: abs(starts[k] - x0))
        if abs(starts[i] - x0) > _GRID_TOLERANCE or (target and i <= target[-1]):
            return None
        target.append(i)
    spans = [[i for i in range(target[j], len(starts)) if starts[i] < x1 - _GRID_TOLERANCE]
             for j, (_, x1) in enumerate(part.grid)]
    out = []
    for row in part.rows:
        placed = [Cell("", row[0].location) for _ in range(table.width)]
        for j, cell in enumerate(row):
            placed[target[j]] = cell
            for i in spans[j][1:]:  # a cell merged across several of the table's columns
                placed[i] = Cell(cell.text, cell.location, covered=True)
        out.append(placed)
    return out


def assemble(items: list[RawLine | RawTable]) -> list[Block]:
    return _Assembler(items).build()
