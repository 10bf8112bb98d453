"""Word disclosures (.docx): the body's paragraphs as the narrative, its tables as tables.

Agencies write the 说明 in Word, often with the tables, and publish the file as it is.  The
body is read in order straight from `word/document.xml` (through :mod:`defusedxml`, so a
submitted file cannot expand entities or reach the network): each paragraph is a line (a
line break inside it starts another), each table a table part, and
:mod:`budgetlint.load.assemble` attaches captions and notes and joins a table printed in
two parts, as for every other format.

What a reader of the document sees is what is read: text marked deleted in tracked changes,
field codes and the fallback copy of a drawing are left out; inserted text is read.  A
paragraph is located by its number in the body (`12:5` is the 5th character of the 12th
paragraph), a table cell as `表格3!B5` (the 3rd table, 5th row, 2nd column).  Merged cells:
the positions a cell spans across repeat its text, those it spans down are blank.  Rows Word
repeats as headings on each page are not taken as the header for that (authors mark rows at
will); the header is found from the figures, as for a PDF.  List
numbers Word draws itself (automatic numbering) are not part of the text and are not read.
"""

from __future__ import annotations

from typing import Iterator
from xml.etree.ElementTree import Element

from budgetlint.i18n import t
from budgetlint.load import LoadError
from budgetlint.load.assemble import RawLine, RawTable, assemble
from budgetlint.load.office import open_package, part_error, read_part
from budgetlint.model import Cell, Document, Location
from budgetlint.textnorm import printable

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
_NOT_SHOWN = {W + "del", W + "moveFrom", W + "delText", W + "instrText", W + "delInstrText", W + "pPr",
              W + "rPr", W + "txbxContent", _MC_FALLBACK}
_CONTAINERS = {W + "sdt", W + "sdtContent", W + "customXml", W + "ins", W + "moveTo"}


def text_of(element: Element) -> str:
    """The text a reader sees in a paragraph: runs, tabs (as spaces) and line breaks."""
    out: list[str] = []
    for child in _opened(element, _SHOWN, lambda tag: tag not in _NOT_SHOWN):
        out.append(_SHOWN[child.tag] if child.tag != W + "t" else child.text or "")
    return printable("".join(out))


_SHOWN = {W + "t": "", W + "tab": " ", W + "ptab": " ", W + "br": "\n", W + "cr": "\n", W + "noBreakHyphen": "-"}


def _opened(parent: Element, wanted, opens) -> Iterator[Element]:
    """The elements under ``parent`` whose tag is in ``wanted``, in document order, looking inside
    the others ``opens(tag)`` allows.  Walked with a list, not by recursion: a file of 100 000
    nested content controls is data, not a crash."""
    stack = [iter(parent)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
        elif child.tag in wanted:
            yield child
        elif opens(child.tag):
            stack.append(iter(child))


def _blocks(parent: Element) -> Iterator[Element]:
    """The body's paragraphs and tables in order, content controls and tracked insertions opened."""
    return _opened(parent, (W + "p", W + "tbl"), _CONTAINERS.__contains__)


def _joined(pieces: list[str]) -> str:
    """A cell's paragraphs as one text: a label wrapped over lines in Chinese joins without a space."""
    text = ""
    for piece in (p.strip() for p in pieces):
        if text and piece and text[-1].isascii() and piece[0].isascii():
            text += " "
        text += piece
    return text


def _value(element: Element | None, default: str | None = None) -> str | None:
    return element.get(W + "val", default) if element is not None else None


class _Reader:
    def __init__(self, path: str):
        self.path = path
        self.paragraphs = 0
        self.tables = 0

    def paragraph(self, p: Element) -> list[RawLine]:
        self.paragraphs += 1
        lines, offset = [], 0
        for piece in text_of(p).split("\n"):
            at = Location(self.path, line=self.paragraphs, column=offset + 1)
            lines.append(RawLine(piece, at, [(0, at)]))
            offset += len(piece) + 1
        return lines

    def table(self, tbl: Element) -> RawTable:
        self.tables += 1
        part = f"表格{self.tables}"
        rows: list[list[Cell]] = []
        for r, tr in enumerate((tr for tr in _blocks_rows(tbl)), 1):
            properties = tr.find(W + "trPr")
            skip = int(_value(properties.find(W + "gridBefore")) or 0) if properties is not None else 0
            above = rows[-1] if rows else []
            cells = [Cell("", Location(self.path, line=r, column=c + 1, part=part)) for c in range(skip)]
            for tc in (tc for tc in tr if tc.tag == W + "tc"):
                props = tc.find(W + "tcPr")
                span = int(_value(props.find(W + "gridSpan")) or 1) if props is not None else 1
                merge = _value(props.find(W + "vMerge"), "continue") if props is not None else None
                column = len(cells)
                if merge == "continue" and column < len(above):  # merged down from the row above
                    cells.extend(Cell("", above[column].location, covered=True) for _ in range(span))
                    continue
                at = Location(self.path, line=r, column=column + 1, part=part)
                text = _joined([text_of(p) for p in tc if p.tag == W + "p"])
                cells.append(Cell(text, at))
                cells.extend(Cell(text, at, covered=True) for _ in range(span - 1))
            rows.append(cells)
        return RawTable(rows, Location(self.path, line=1, column=1, part=part))


def _blocks_rows(tbl: Element) -> Iterator[Element]:
    return _opened(tbl, (W + "tr",), _CONTAINERS.__contains__)


def parse_docx(data: bytes, path: str) -> Document:
    """Load a Word document into the document model."""
    from defusedxml import ElementTree
    from defusedxml.common import DefusedXmlException

    with open_package(data) as package:
        try:
            root = ElementTree.fromstring(read_part(package, "word/document.xml"))
        except KeyError:
            raise LoadError(t("not a Word document (no word/document.xml)")) from None
        except (DefusedXmlException, ElementTree.ParseError) as exc:
            raise part_error(exc, "Word") from None
    body = root.find(W + "body")
    if body is None:
        raise LoadError(t("a Word document without a body"))
    reader = _Reader(path)
    items: list[RawLine | RawTable] = []
    for block in _blocks(body):
        if block.tag == W + "p":
            items.extend(reader.paragraph(block))
        elif any(tr.tag == W + "tr" for tr in _blocks_rows(block)):
            items.append(reader.table(block))
    if not any(isinstance(i, RawTable) or i.text.strip() for i in items):
        raise LoadError(t("the Word document holds no text"))
    return Document(path=path, blocks=assemble(items))
