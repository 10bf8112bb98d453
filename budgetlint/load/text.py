"""Text extractions of disclosures: tab-separated and markdown pipe tables, captions, narrative.

The text forms seen in practice (see ``samples/text``):

* tables as tab-separated lines, a page break shown as a blank line;
* tables as markdown pipe tables, a page break starting a new pipe table whose
  header row is empty (or already holds data);
* a table title, number (`表5`, `公开01表`), `部门名称：…` and `单位：元` line above a
  table, in any order, the unit sometimes broken over two lines (`单位:` / `万元`);
* a table repeated with its title and 合计 row on the next page (a continuation);
* notes under a table (`注：…`, `说明：…`);
* narrative, one paragraph per line.

Each non-blank narrative line becomes a :class:`Paragraph`; joining sentences
broken over lines is left to the understanding layer.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from budgetlint.figures import parse_figure
from budgetlint.load import LoadError
from budgetlint.model import Block, Cell, Document, Location, Paragraph, Table
from budgetlint.textnorm import squash

_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")
_UNIT = re.compile(r"单位[:：]?(万元|亿元|元)$")
_UNIT_HEAD = re.compile(r"单位[:：]?(万|亿)?$")
_UNIT_TAIL = re.compile(r"^(万元|亿元|元)$")
_NUMBER = re.compile(r"^(附?表\d+(-\d+)?|公开\d+表)$")
_META = re.compile(r"^(部门\(单位\)|部门（单位）|部门|单位|预算单位)名称[:：]|^(编制|填报)(单位|部门)[:：]")
_YEAR_CAPTION = re.compile(r"^[(（]\d{4}年度?[)）]$")
_NOTE = re.compile(r"^(注|说明|备注)\s*[:：1-9一]")
_NOTE_CONTINUATION = re.compile(r"^\d+[、.．]")
_TOTAL = re.compile(r"^(合计|总计)$")
_ITEM_START = re.compile(r"^([一二三四五六七八九十]+[、.]|[(（][一二三四五六七八九十\d]+[)）]|\d+[、.]|其中)")
_CAPTION_LOOKBACK = 8


def decode(data: bytes) -> str:
    """Text of a file in UTF-8 (with or without BOM) or GB18030, the encodings seen in practice."""
    if b"\x00" in data[:4096]:
        raise LoadError("not a text file (binary content)")
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise LoadError("not a text file (neither UTF-8 nor GB18030)")


@dataclass
class _Line:
    number: int  # 1-based
    text: str

    @property
    def blank(self) -> bool:
        return not self.text.strip()

    @property
    def is_pipe(self) -> bool:
        s = self.text.strip()
        return len(s) > 1 and s.startswith("|") and s.endswith("|")

    @property
    def is_separator(self) -> bool:
        return bool(_SEPARATOR.match(self.text.strip())) and "-" in self.text

    @property
    def has_tab(self) -> bool:
        return "\t" in self.text


@dataclass
class _Part:
    """One printed piece of a table, before captions and continuations are resolved."""

    rows: list[list[Cell]]
    first_line: int
    last_line: int
    markdown_header_rows: int | None = None  # rows before the |---| line of a pipe table
    captions: dict[str, tuple[str, int]] = field(default_factory=dict)  # kind -> (text, line)


def _split_cells(line: _Line, path: str, separator: str) -> list[Cell]:
    text = line.text
    if separator == "|":
        start = text.index("|") + 1
        end = text.rindex("|")
        pieces, offset = text[start:end].split("|"), start
    else:
        pieces, offset = text.split("\t"), 0
    cells = []
    for piece in pieces:
        lead = len(piece) - len(piece.lstrip())
        cells.append(Cell(piece.strip(), Location(path, line=line.number, column=offset + lead + 1)))
        offset += len(piece) + 1
    return cells


def _is_tab_table(lines: list[_Line]) -> bool:
    """A run of tabbed lines is a table when several of its lines have two or more cells."""
    multi = sum(1 for ln in lines if sum(1 for c in ln.text.split("\t") if c.strip()) >= 2)
    return multi >= 2 and multi * 3 >= len(lines)


def _has_figure(row: list[Cell]) -> bool:
    figures = [parse_figure(c.text) for c in row if c.text]
    values = [f for f in figures if f is not None and not f.blank]
    if not values:
        return False
    # a column-number row (栏次 1 2 3 …) is part of the header
    ints = [f.value for f in values if f.decimals == 0]
    return not (len(ints) == len(values) >= 3 and ints == list(range(1, len(ints) + 1)))


def _header_size(part: _Part) -> int:
    for i, row in enumerate(part.rows):
        if _has_figure(row):
            return i
    if part.markdown_header_rows is not None:
        return part.markdown_header_rows
    return min(1, len(part.rows))


class _Reader:
    def __init__(self, text: str, path: str):
        self.path = path
        self.lines = [_Line(i + 1, t.rstrip("\r")) for i, t in enumerate(text.split("\n"))]
        self.caption_lines: set[int] = set()

    # -- pass 1: raw blocks --------------------------------------------------------------
    def raw_blocks(self) -> list[_Part | _Line]:
        out: list[_Part | _Line] = []
        lines, i, n = self.lines, 0, len(self.lines)
        while i < n:
            line = lines[i]
            if line.is_pipe or (line.is_separator and "|" in line.text):
                j = i
                while j < n and (lines[j].is_pipe or (lines[j].is_separator and "|" in lines[j].text)):
                    j += 1
                out.append(self._pipe_part(lines[i:j]))
                i = j
            elif line.has_tab:
                j, last = i, i
                while j < n and (lines[j].has_tab or lines[j].blank):
                    if lines[j].has_tab:
                        last = j
                    j += 1
                run = [ln for ln in lines[i : last + 1] if ln.has_tab]
                if _is_tab_table(run):
                    rows = [_split_cells(ln, self.path, "\t") for ln in run]
                    out.append(_Part(rows, run[0].number, run[-1].number))
                else:
                    out.extend(lines[i : last + 1])
                i = last + 1
            else:
                out.append(line)
                i += 1
        return out

    def _pipe_part(self, run: list[_Line]) -> _Part:
        rows, header_rows = [], None
        for ln in run:
            if ln.is_separator:
                header_rows = len(rows) if header_rows is None else header_rows
                continue
            rows.append(_split_cells(ln, self.path, "|"))
        return _Part(rows, run[0].number, run[-1].number, markdown_header_rows=header_rows)

    # -- pass 2: captions above each table -------------------------------------------------
    def attach_captions(self, blocks: list[_Part | _Line]) -> None:
        for k, block in enumerate(blocks):
            if isinstance(block, _Part):
                above = []
                for prev in reversed(blocks[:k]):
                    if isinstance(prev, _Part):
                        break
                    if not prev.blank:
                        above.append(prev)
                    if len(above) >= _CAPTION_LOOKBACK:
                        break
                self._read_captions(block, above)

    def _read_captions(self, part: _Part, above: list[_Line]) -> None:
        """Walk up from the table over unit, meta, number and title lines."""
        found = part.captions
        i = 0
        while i < len(above):
            line = above[i]
            s = squash(line.text)
            nxt = squash(above[i + 1].text) if i + 1 < len(above) else ""
            if "unit" not in found and _UNIT_TAIL.match(s) and _UNIT_HEAD.search(nxt):
                # the unit broken over two lines: `单位:` / `万元`
                found["unit"] = (f"{above[i + 1].text.strip()}{line.text.strip()}", above[i + 1].number)
                self.caption_lines.update({line.number, above[i + 1].number})
                i += 2
                continue
            if "unit" not in found and _UNIT.search(s):
                found["unit"] = (line.text.strip(), line.number)
            elif _META.search(s) or _YEAR_CAPTION.match(s):
                pass
            elif "number" not in found and _NUMBER.match(s):
                found["number"] = (s, line.number)
            elif "title" not in found and _looks_like_title(s):
                found["title"] = (line.text.strip(), line.number)
                self.caption_lines.add(line.number)
                # a number printed above the title still belongs to this table
                if "number" not in found and _NUMBER.match(nxt):
                    found["number"] = (nxt, above[i + 1].number)
                    self.caption_lines.add(above[i + 1].number)
                break
            else:
                break
            self.caption_lines.add(line.number)
            i += 1

    # -- pass 3: tables, notes, paragraphs, continuations ---------------------------------
    def build(self) -> list[Block]:
        raw = self.raw_blocks()
        self.attach_captions(raw)
        blocks: list[Block] = []
        last_table: Table | None = None
        pending_note: Paragraph | None = None
        for block in raw:
            if isinstance(block, _Part):
                pending_note = None
                merged = last_table is not None and self._continue(last_table, block, blocks)
                if not merged:
                    last_table = self._table(block)
                    blocks.append(last_table)
                continue
            if block.blank or block.number in self.caption_lines:
                continue
            para = self._paragraph(block)
            s = squash(block.text)
            attach_to = blocks[-1] if blocks and isinstance(blocks[-1], Table) else None
            if attach_to is not None and _NOTE.match(s):
                attach_to.notes.append(para)
                pending_note = para
            elif pending_note is not None and _NOTE_CONTINUATION.match(s):
                last = blocks[-1]
                assert isinstance(last, Table)
                last.notes.append(para)
            else:
                pending_note = None
                blocks.append(para)
        return blocks

    def _paragraph(self, line: _Line) -> Paragraph:
        text = line.text
        lead = len(text) - len(text.lstrip())
        loc = Location(self.path, line=line.number, column=lead + 1)
        return Paragraph(text.strip(), loc, [(0, loc)])

    def _table(self, part: _Part) -> Table:
        size = _header_size(part)
        caption = part.captions
        start = Location(self.path, line=part.first_line, column=1)
        table = Table(
            header=part.rows[:size],
            body=[r for r in part.rows[size:] if any(c.text for c in r)],
            location=start,
            title=caption["title"][0] if "title" in caption else None,
            number=caption["number"][0] if "number" in caption else None,
            unit_text=caption["unit"][0] if "unit" in caption else None,
            parts=[start],
        )
        _pad(table)
        return table

    def _continue(self, table: Table, part: _Part, blocks: list[Block]) -> bool:
        """Append ``part`` to ``table`` when it is the same table continued on a new page."""
        adjacent = blocks and blocks[-1] is table
        caption = part.captions
        size = _header_size(part)
        same_caption = (
            "title" in caption
            and caption["title"][0] == table.title
            and caption.get("number", (None,))[0] == table.number
            and [_row_signature(r) for r in part.rows[:size]] == [_row_signature(r) for r in table.header]
        )
        if same_caption:
            rows = part.rows[size:]
            repeated_totals = {_row_signature(r) for r in table.body if _is_total_row(r)}
            while rows and _is_total_row(rows[0]) and _row_signature(rows[0]) in repeated_totals:
                rows = rows[1:]
        elif adjacent and not caption and part.markdown_header_rows is not None:
            first = part.rows[0] if part.rows else []
            if any(c.text for c in first) and not _has_figure(first):
                return False  # a real header: a new, untitled table
            rows = [r for r in part.rows if any(c.text for c in r)]
            if rows and _is_wrapped_fragment(rows[0]) and table.body:
                _join_fragment(table.body[-1], rows[0])
                rows = rows[1:]
        else:
            return False
        table.body.extend(r for r in rows if any(c.text for c in r))
        table.parts.append(Location(self.path, line=part.first_line, column=1))
        _pad(table)
        return True


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


def _join_fragment(previous: list[Cell], fragment: list[Cell]) -> None:
    for i, cell in enumerate(fragment):
        if cell.text and i < len(previous):
            previous[i].text = previous[i].text + cell.text


def _pad(table: Table) -> None:
    width = table.width
    for row in table.header + table.body:
        if len(row) < width:
            last = row[-1].location if row else table.location
            row.extend(Cell("", last) for _ in range(width - len(row)))


def _looks_like_title(s: str) -> bool:
    if s in ("目录", "目錄"):
        return True
    return 2 < len(s) <= 60 and "表" in s and not s.endswith(("。", "；", ";", "，")) and not _NOTE.match(s)


def parse_text(data: bytes, path: str) -> Document:
    """Load a text extraction (UTF-8 or GB18030) into the document model."""
    reader = _Reader(decode(data), path)
    return Document(path=path, blocks=reader.build())
