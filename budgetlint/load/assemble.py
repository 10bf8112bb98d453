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
TABLE_NUMBER = r"(预算|决算)?附?表\s*\d+(-\d+)?|(公开|预算|决算)\s*\d+\s*表"  # 表5, 附表1-2, 公开01表, 预算01表 (北京): how tables are numbered
_NUMBER = re.compile(rf"^({TABLE_NUMBER}|附?表[一二三四五六七八九十]+)$")  # and 表五 (重庆), as a caption line
_NUMBER_ON_TITLE = re.compile(r"^(附?表\s*\d{1,2}(-\d{1,2})?)(\s*(19|20)\d\d\s*年.*)$")  # `表62019年部门…`: no space between
_GRID_TITLE = re.compile(r"表([(（][^()（）]*[)）])?$")  # a title printed in the grid's first row ends so
_TARGET = re.compile(r"^[≤≥=＝<>＜＞]\d")  # `≤100%`: a performance target's value, never a column heading
_COLUMN_NUMBERS = re.compile(r"^(栏|行)次$")  # `栏次 | 1 | 2 | 3`: the columns' (or rows') numbers
_META = re.compile(r"^(部门\(单位\)|部门（单位）|部门|单位|预算单位)(名称)?[:：]|^(编制|填报)(单位|部门)(名称)?[:：]"
                   r"|^(部门\(单位\)|部门（单位）|部门|预算单位)名称\s*\S")  # `部门（单位）名称  西安市气象局`: no colon
_YEAR_CAPTION = re.compile(r"^[(（]\d{4}年度?[)）]$")
_NOTE = re.compile(r"^(注|说明|备注)\s*[:：1-9一]")
_NOTE_CONTINUATION = re.compile(r"^\d+[、.．]")
_TOTAL = re.compile(r"^(合计|总计)$")
_ITEM_START = re.compile(r"^([一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.]|其中)")
_CAPTION_LOOKBACK = 8
_HEADER_REACH = 6  # rows: a column-numbers row further down is not in the header
_HEADING = 30  # characters: a column's heading is shorter (`其中：专项资金列入部门预算项目的资金`)


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


def is_column_numbers(row: list[Cell]) -> bool:
    """A row numbering the columns (`栏次 | 1 | 2 | 3`, or labelled `行次`): header furniture, never figures."""
    texts = [squash(c.text) for c in row if c.text.strip()]
    if texts and _COLUMN_NUMBERS.match(texts[0]):
        return all(_COLUMN_NUMBERS.match(t) or re.fullmatch(r"\d{1,3}", t) for t in texts)
    values = [f for f in (parse_figure(c.text) for c in row if c.text) if f is not None and not f.blank]
    ints = [f.value for f in values if f.decimals == 0]
    return len(ints) == len(values) >= 3 and ints == list(range(1, len(ints) + 1))


def has_figure(row: list[Cell]) -> bool:
    if is_column_numbers(row):  # part of the header
        return False
    return any(f is not None and not f.blank for f in (parse_figure(c.text) for c in row if c.text))


def header_size(part: RawTable) -> int:
    """Header rows: those above the first row with a figure (or as the source marks them), and
    at least down to a row numbering the columns (`栏次 | 1 | 2 | 3`), figures or not below it."""
    for i, row in enumerate(part.rows):
        if has_figure(row):
            return i
    # no figures (an empty table): the header still reaches down to its column numbers
    numbered = max((i + 1 for i, row in enumerate(part.rows[:_HEADER_REACH]) if is_column_numbers(row)), default=0)
    if part.header_rows is not None:
        return max(part.header_rows, numbered)
    return max(min(1, len(part.rows)), numbered)


def _looks_like_title(s: str) -> bool:
    if s in ("目录", "目錄"):
        return True
    # a sentence introducing the table (`…详细情况见下表：`) is not its title
    return 2 < len(s) <= 60 and "表" in s and not s.endswith(("。", "；", ";", "，", "：", ":")) and not _NOTE.match(s)


def _grid_captions(part: RawTable) -> tuple[dict[str, tuple[str, Location]], int]:
    """Caption rows printed inside the table's grid, above its header: a title in one cell across
    all the columns (`城市交通设施项目绩效目标表` above `项目名称 | …`), with the table's number
    (`表11`), its unit (`单位：万元`) and blank rows around it (西安 2019: the sheet's name is the
    line above the grid, the title the grid's first rows).  The captions and how many rows they
    take; none unless a title is among them."""
    found: dict[str, tuple[str, Location]] = {}
    for i, row in enumerate(part.rows[:_CAPTION_LOOKBACK]):
        texts = {c.text.strip() for c in row if c.text.strip()}
        if not texts:
            continue
        text = texts.pop()
        s = squash(text)
        if texts:
            break
        if "title" not in found and _spans(row) and _looks_like_title(s) and _GRID_TITLE.search(s):
            found["title"] = (text, row[0].location)
        elif "number" not in found and _NUMBER.match(s):
            found["number"] = (s, row[0].location)
        elif "unit" not in found and _UNIT.search(s):
            found["unit"] = (text, next(c.location for c in row if c.text.strip()))
        else:
            break
    else:
        i = len(part.rows)
    return (found, i) if "title" in found and i < len(part.rows) else ({}, 0)


def _spans(row: list[Cell]) -> bool:
    """Whether the row is one cell across all the columns."""
    return len(row) >= 2 and not row[0].covered and all(c.covered and c.text.strip() == row[0].text.strip()
                                                        for c in row[1:])


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
    if has_figure(row) or any(_TARGET.match(squash(c.text)) for c in row):
        return False
    # values the table's rows hold in the same columns (`效益指标 | 社会效益指标 | … | 定性 | 较上年提高`):
    # a row of the table going on, not headings
    if sum(1 for i, c in enumerate(row) if c.text.strip() and not c.covered and _in_column(table.body, i, c.text)) >= 2:
        return False
    for i, cell in enumerate(row):
        if cell.covered or len(squash(cell.text)) > _HEADING:  # merged across from a label column (`目标12：…`
            continue  # over the whole row), or a sentence: no column's heading
        column = [r[i].text for r in table.body if i < len(r) and r[i].text]
        figures = [t for t in column if parse_figure(t) is not None]
        if cell.text.strip() and column and len(figures) * 2 >= len(column):
            return True
    return False


def _repeated_header(rows: list[list[Cell]], header: list[list[Cell]]) -> int:
    """How many of ``rows`` repeat the header: all of it, or its last rows (重庆's 绩效目标表 repeat
    `绩效指标 | 指标名称 | 指标性质 | …` on the next page, not the rows above it); 0 when none do."""
    signatures = [_row_signature(r) for r in rows[:len(header)]]
    for k in range(len(header), 0, -1):
        if signatures[:k] == [_row_signature(r) for r in header[-k:]] and any(signatures[:k]):
            return k
    return 0


def _in_column(rows: list[list[Cell]], i: int, text: str) -> bool:
    key = squash(text)
    return any(i < len(r) and squash(r[i].text) == key for r in rows)


def _pad(table: Table) -> None:
    width = table.width
    for row in table.header + table.body:
        if len(row) < width:
            last = row[-1].location if row else table.location
            row.extend(Cell("", last) for _ in range(width - len(row)))


_AMOUNT_FIRST = re.compile(r"^\s*\d[\d,]*(\.\d+)?\s*(万元|元|亿元)")
_ENDED = re.compile(r"[。；;：:！!？?]\s*$")


def _wrapped_amount(line: RawLine, previous: RawLine) -> bool:
    """A line starting with an amount after an unfinished one (`（三）2080505-机关事业单位基本养老保险缴费
    支出` / `60.95 万元。…`, often over a page break): a figure never opens a paragraph, so the
    amount wrapped; a number cannot be split, so the line above may end short of the margin."""
    return bool(_AMOUNT_FIRST.match(line.text)) and bool(previous.text.strip()) and not _ENDED.search(previous.text)


def _join_wrapped(items: list[RawLine | RawTable]) -> list[RawLine | RawTable]:
    """Lines a loader marks as wrapped continuations, and wrapped amounts, joined to the line they continue."""
    out: list[RawLine | RawTable] = []
    for item in items:
        previous = out[-1] if out else None
        if (isinstance(item, RawLine) and isinstance(previous, RawLine)
                and (item.continues or _wrapped_amount(item, previous))):
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
                captions, rows = _grid_captions(item)
                if "title" not in item.captions and captions:
                    item.captions.update(captions)
                    item.rows = item.rows[rows:]
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
                text = line.text.strip()
                glued = _NUMBER_ON_TITLE.match(text) if "number" not in found else None
                if glued:  # `表62019年部门综合预算…`: the number printed against the title
                    found["number"] = (squash(glued.group(1)), line.location)
                    text = glued.group(3).strip()
                found["title"] = (text, line.location)
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
        cut = 0 if follows or caption else _cut_row_pieces(blocks, table, part)
        follows = follows or cut > 0
        if "title" in caption:
            same_header = [_row_signature(r) for r in part.rows[:size]] == [_row_signature(r) for r in table.header]
            # the title printed again on the new page, its number with it or not (西安: `表2` on the
            # first page only)
            number = caption.get("number", (None,))[0]
            if not (squash(caption["title"][0]) == squash(table.title or "") and number in (None, table.number)
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
        elif follows and ((aligned := _on_grid(part, table)) is not None or (finer := _on_finer_grid(table, part))):
            # on a page whose grid is finer (a merged cell above split in columns below: 重庆's
            # 绩效目标表), the table takes the finer grid, its cells spanning the columns they cover
            view = table if aligned is not None else replace(table, header=finer[0], body=finer[1], grid=part.grid)
            aligned = aligned if aligned is not None else part.rows
            repeated = _repeated_header(aligned, view.header)
            first = aligned[0]
            if repeated:
                rows = aligned[repeated:]  # the header repeated on the new page (or its last rows)
            elif _header_like(first, view):
                return False  # a header of its own: another table
            else:
                rows = aligned  # straight on with the rows
            table.header, table.body, table.grid = view.header, view.body, view.grid
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
        if cut:
            del blocks[-cut:]
        return True


_CUT_REACH = 15.0  # points: the top of a row cut by the page break shows this far under its table at most
_CUT_PIECES = 3  # lines


def _cut_row_pieces(blocks: list[Block], table: Table, part: RawTable) -> int:
    """How many of the last blocks are pieces of a row the page break cut, printed in the table's
    cells on one of the two pages; 0 when they are anything else.

    Excel prints a merged cell cut by the page break on both pages, each clipped to the table: a
    line of it can show just under the last rule (`11000023T00000209` under 北京's 预算12表, the
    cell printed in full in the next page's first row) or just over the first rule of the next
    page (`府财务报告编制`, the end of a line of the cell at the foot of the page before).  Each
    piece of such a line (the text of one cell) is found in a cell of the table's last page or of
    the part's first rows, and the line lies right under the one or right over the other."""
    last = table.parts[-1] if table.parts else None
    at = next((i for i in range(len(blocks) - 1, -1, -1) if blocks[i] is table), None)
    box = part.location.bbox
    if last is None or last.bbox is None or box is None or at is None:
        return 0
    after = blocks[at + 1:]
    if not 0 < len(after) <= _CUT_PIECES or not all(isinstance(b, Paragraph) for b in after):
        return 0
    tail = [c for row in table.body for c in row if c.location.page == last.page]  # a merged cell starts rows up
    cells = [squash(c.text) for c in tail + [c for row in part.rows[:3] for c in row] if c.text and not c.covered]
    for block in after:
        where = block.location
        if where.bbox is None:
            return 0
        under = where.page == last.page and last.bbox[1] < where.bbox[1] <= last.bbox[3] + _CUT_REACH
        over = where.page == part.location.page and box[1] - _CUT_REACH <= where.bbox[3] and where.bbox[1] < box[1]
        if not (under or over):
            return 0
        pieces = [squash(p.text) for p in _pieces(RawLine(block.text, where, block.segments))] or [squash(block.text)]
        if len(squash(block.text)) < 4 or not all(piece and any(piece in cell for cell in cells) for piece in pieces):
            return 0
    return len(after)


_GRID_TOLERANCE = 3.0  # points between the edges of one column printed on two pages


def _on_finer_grid(table: Table, part: RawTable) -> tuple[list[list[Cell]], list[list[Cell]]] | None:
    """The table's header and body laid on the part's columns, when the part has more of them and
    each of the table's columns starts where one of the part's does (the mirror of
    :func:`_on_grid`); ``None`` otherwise."""
    if part.grid is None or table.grid is None or len(part.grid) <= len(table.grid) \
            or max(len(r) for r in part.rows) != len(part.grid):
        return None
    placed = _placed(table.grid, part.grid)
    if placed is None:
        return None
    target, spans = placed
    width = len(part.grid)

    def relaid(row: list[Cell]) -> list[Cell]:
        out = [Cell("", row[0].location if row else table.location) for _ in range(width)]
        for j, cell in enumerate(row[:len(target)]):
            out[target[j]] = cell
            for i in spans[j][1:]:
                out[i] = Cell(cell.text, cell.location, covered=True)
        return out

    return [relaid(r) for r in table.header], [relaid(r) for r in table.body]


def _placed(coarse: tuple[tuple[float, float], ...], fine: tuple[tuple[float, float], ...]
            ) -> tuple[list[int], list[list[int]]] | None:
    """For each column of ``coarse``, the column of ``fine`` starting where it does and the columns
    of ``fine`` it spans; ``None`` when a column of ``coarse`` starts where none of ``fine`` does."""
    starts = [c[0] for c in fine]
    target: list[int] = []
    for x0, _ in coarse:
        i = min(range(len(starts)), key=lambda k: abs(starts[k] - x0))
        if abs(starts[i] - x0) > _GRID_TOLERANCE or (target and i <= target[-1]):
            return None
        target.append(i)
    spans = [[i for i in range(target[j], len(starts)) if starts[i] < x1 - _GRID_TOLERANCE]
             for j, (_, x1) in enumerate(coarse)]
    return target, spans


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
    placed = _placed(part.grid, table.grid)
    if placed is None:
        return None
    target, spans = placed
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
