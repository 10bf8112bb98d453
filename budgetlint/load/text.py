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

This module splits the text into lines and table parts; captions, notes,
continuations and paragraphs are resolved by :mod:`budgetlint.load.assemble`.
Each non-blank narrative line becomes a paragraph; joining sentences broken over
lines is left to the understanding layer.
"""

from __future__ import annotations

import codecs
import re

from budgetlint.i18n import t
from budgetlint.load import LoadError
from budgetlint.load.assemble import RawLine, RawTable, assemble
from budgetlint.load.limits import MAX_TEXT_BYTES, megabytes
from budgetlint.model import Cell, Document, Location
from budgetlint.textnorm import printable

_SEPARATOR = re.compile(r"^\|?\s*:?-{2,}:?\s*(\|\s*:?-{2,}:?\s*)*\|?\s*$")


def decode(data: bytes) -> str:
    """Text of a file in UTF-8 (with or without BOM), GB18030, or UTF-16 with its BOM (what Windows
    Notepad saves as "Unicode"), the encodings seen in practice."""
    if data[:2] in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
        try:
            return printable(data.decode("utf-16"))
        except UnicodeDecodeError:
            raise LoadError(t("not a text file (damaged UTF-16)")) from None
    if b"\x00" in data[:4096]:
        raise LoadError(t("not a text file (binary content)"))
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return printable(data.decode(encoding))
        except UnicodeDecodeError:
            continue
    raise LoadError(t("not a text file (neither UTF-8 nor GB18030)"))


def _is_pipe(text: str) -> bool:
    s = text.strip()
    return len(s) > 1 and s.startswith("|") and s.endswith("|")


def _is_separator(text: str) -> bool:
    return "|" in text and "-" in text and bool(_SEPARATOR.match(text.strip()))


def _split_cells(text: str, location: Location, separator: str) -> list[Cell]:
    if separator == "|":
        start, end = text.index("|") + 1, text.rindex("|")
        pieces, offset = text[start:end].split("|"), start
    else:
        pieces, offset = text.split("\t"), 0
    cells = []
    for piece in pieces:
        lead = len(piece) - len(piece.lstrip())
        cells.append(Cell(piece.strip(), location.shifted(offset + lead)))
        offset += len(piece) + 1
    return cells


def _is_tab_table(lines: list[str]) -> bool:
    """A run of tabbed lines is a table when several of its lines have two or more cells."""
    multi = sum(1 for ln in lines if sum(1 for c in ln.split("\t") if c.strip()) >= 2)
    return multi >= 2 and multi * 3 >= len(lines)


def read_items(text: str, path: str) -> list[RawLine | RawTable]:
    """Lines and table parts, in order.  Tabbed lines separated only by blank lines
    (a page break) stay one part; a pipe table ends at its last pipe line."""
    lines = [t.rstrip("\r") for t in text.split("\n")]
    at = [Location(path, line=i + 1, column=1) for i in range(len(lines))]
    items: list[RawLine | RawTable] = []
    i, n = 0, len(lines)
    while i < n:
        if _is_pipe(lines[i]) or _is_separator(lines[i]):
            j = i
            rows, header_rows = [], None
            while j < n and (_is_pipe(lines[j]) or _is_separator(lines[j])):
                if _is_separator(lines[j]):
                    header_rows = len(rows) if header_rows is None else header_rows
                else:
                    rows.append(_split_cells(lines[j], at[j], "|"))
                j += 1
            items.append(RawTable(rows, at[i], header_rows=header_rows))
            i = j
        elif "\t" in lines[i]:
            j, last = i, i
            while j < n and ("\t" in lines[j] or not lines[j].strip()):
                if "\t" in lines[j]:
                    last = j
                j += 1
            run = [k for k in range(i, last + 1) if "\t" in lines[k]]
            if _is_tab_table([lines[k] for k in run]):
                items.append(RawTable([_split_cells(lines[k], at[k], "\t") for k in run], at[i]))
            else:
                items.extend(_line(lines[k], at[k]) for k in range(i, last + 1))
            i = last + 1
        else:
            items.append(_line(lines[i], at[i]))
            i += 1
    return items


def _line(text: str, location: Location) -> RawLine:
    return RawLine(text, location, [(0, location)])


def parse_text(data: bytes, path: str) -> Document:
    """Load a text extraction (UTF-8 or GB18030) into the document model."""
    if len(data) > MAX_TEXT_BYTES:
        raise LoadError(t("too large: {size} (text disclosures over {limit} are not read)",
                          size=megabytes(len(data)), limit=megabytes(MAX_TEXT_BYTES)))
    return Document(path=path, blocks=assemble(read_items(decode(data), path)))
