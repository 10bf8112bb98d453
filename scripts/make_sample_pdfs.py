"""Render the text samples (samples/text/) as PDFs made the way agencies make theirs.

Why: the PDF loader needs realistic test PDFs with known content: each PDF carries the
narrative, tables and figures of its text version (read with budgetlint's own loader),
so both should give the same findings.
How: python-docx writes the narrative and most tables as Word documents (A4, CJK serif,
ruled tables with merged, repeating header rows, wide tables in landscape sections);
台前's tables go to an Excel workbook (openpyxl, one fitted sheet per table) instead.
LibreOffice (soffice --headless) converts; pypdf appends the workbook after the
narrative.  Needs `pip install -e '.[samples]'` and Debian's fonts-noto-cjk,
libreoffice-writer, libreoffice-calc.  Run: python scripts/make_sample_pdfs.py [NAME…]; with ``--office`` it writes
the Word and Excel files alone into samples/docx and samples/xlsx (the Office samples; no
LibreOffice needed).
"""

from __future__ import annotations

import argparse
import math
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from docx import Document as WordDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_ALIGN_VERTICAL, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from pypdf import PdfWriter

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from budgetlint.figures import parse_figure  # noqa: E402
from budgetlint.load import load_document  # noqa: E402
from budgetlint.model import Paragraph, Table  # noqa: E402
from budgetlint.textnorm import squash  # noqa: E402
from budgetlint.understand.passages import continues_sentence, is_heading  # noqa: E402

TEXT_DIR = ROOT / "samples" / "text"
PDF_DIR = ROOT / "samples" / "pdf"

SERIF = "Noto Serif CJK SC"
SANS = "Noto Sans CJK SC"


@dataclass(frozen=True)
class Sample:
    name: str
    tables_in_excel: bool = False
    # tables printed in parts with caption, header and total rows repeated (by number)
    literal_splits: frozenset[str] = frozenset()


SAMPLES = [
    Sample("xixiang-2024", literal_splits=frozenset({"表7"})),
    Sample("taiqian-2023", tables_in_excel=True),
    Sample("zhangzhou-2024"),
    Sample("shapotou-2023"),
    Sample("tongcheng-2024"),
    Sample("caizheng-2024-final"),
]

WIDE = 7  # more columns than this: landscape
BODY_PT = 12  # 小四
TABLE_PT = 10.5  # 五号
SMALL_TABLE_PT = 9  # 小五, for tables of more than ten columns

_H1 = re.compile(r"^第[一二三四五六七八九十]+部分")
_H2 = re.compile(r"^[一二三四五六七八九十]+、")
_H3 = re.compile(r"^[（(]\s*[一二三四五六七八九十]+\s*[）)]")
_H4 = re.compile(r"^\d+[、.．]")
_YEAR = re.compile(r"^[(（]\s*\d{4}\s*年度?[)）]$")
_TOTAL = re.compile(r"^(合计|总计)$")
_CODE_HEADER = re.compile(r"编码|代码|编号")
_UNBREAKABLE = re.compile(r"^[≥≤<>=]?\s*[\d.,]+\s*%?$")  # ≥95%: kept on one line like a figure


# ---------------------------------------------------------------------------------------
# what to print: captions, header merges, column widths
# ---------------------------------------------------------------------------------------


@dataclass
class Caption:
    kind: str  # number, title, unit, meta, year
    text: str


@dataclass
class Grid:
    """A table ready to print: rows of texts, how many are header, merged regions."""

    rows: list[list[str]]
    header: int
    regions: list[tuple[int, int, int, int]]  # r0, c0, r1, c1 (inclusive), spans only
    form: bool
    code_cols: set[int] = field(default_factory=set)

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)


def disp_len(text: str) -> float:
    """Printed width in em: CJK characters one, Latin digits and letters about half."""
    return sum(1.0 if ord(ch) >= 0x2E80 else 0.6 for ch in text)


def is_figure(text: str) -> bool:
    f = parse_figure(text)
    return f is not None and not f.blank


def row_has_figure(row: list[str]) -> bool:
    return any(is_figure(t) for t in row if t)


def is_form(table: Table) -> bool:
    """Performance-target forms: label/value grids rather than column tables."""
    return "绩效" in (table.title or "") and table.width <= 6


def captions_for(table: Table, lines: list[str], used: set[int]) -> list[Caption]:
    """The caption lines printed above ``table``, in source order, from the text file."""
    start = table.location.line or 1
    prev = max((n for n in used if n < start), default=0)
    out: list[Caption] = []
    unit_done = False
    for n in range(prev + 1, start):
        raw = lines[n - 1].strip()
        s = squash(raw)
        if not s or raw.startswith("|"):
            continue
        if table.number and s == squash(table.number):
            out.append(Caption("number", raw))
        elif table.title and raw == table.title:
            out.append(Caption("title", raw))
        elif table.unit_text and (s.startswith("单位") or s in ("万元", "元", "亿元")):
            if not unit_done:
                out.append(Caption("unit", table.unit_text))
                unit_done = True
        elif _YEAR.match(s):
            out.append(Caption("year", raw))
        else:
            out.append(Caption("meta", raw))
    # anything the loader kept but the walk did not see (should not happen)
    kinds = {c.kind for c in out}
    if table.title and "title" not in kinds:
        out.insert(0, Caption("title", table.title))
    if table.number and "number" not in kinds:
        out.insert(0, Caption("number", table.number))
    if table.unit_text and "unit" not in kinds:
        out.append(Caption("unit", table.unit_text))
    return out


def build_grid(table: Table, rows: list[list[str]] | None = None, header: int | None = None) -> Grid:
    if rows is None:
        rows = [[c.text for c in r] for r in table.header + table.body]
        header = len(table.header)
    assert header is not None
    width = max((len(r) for r in rows), default=0)
    rows = [r + [""] * (width - len(r)) for r in rows]
    form = is_form(table)
    if form:
        regions = _form_regions(rows)
        return Grid(rows, header, regions, True)
    # rows after the parsed header that hold no figure and no total are printed header
    # rows too (台前's 三公 table puts its second header row in the body)
    visual = header
    while (visual < len(rows) and visual < header + 2 and header > 0
           and not row_has_figure(rows[visual])
           and not any(_TOTAL.match(squash(t)) for t in rows[visual])):
        visual += 1
    regions = _header_regions(rows[:visual])
    for r0, c0, r1, _ in regions:
        # a label merged up into an empty band is printed in the merged cell's first row
        if not rows[r0][c0]:
            for a in range(r0, r1 + 1):
                if rows[a][c0]:
                    rows[r0][c0], rows[a][c0] = rows[a][c0], ""
                    break
    code_cols = {j for j in range(width)
                 if any(_CODE_HEADER.search(squash(rows[i][j])) or squash(rows[i][j]) in ("类", "款", "项")
                        for i in range(visual))}
    return Grid(rows, visual, regions, False, code_cols)


def _header_regions(hdr: list[list[str]]) -> list[tuple[int, int, int, int]]:
    """Merges in header rows.

    An empty cell right of a label with sub-headers below it is part of the label's
    horizontal span; an empty cell under a label with nothing below it is part of a
    vertical span.
    """
    n = len(hdr)
    if not n:
        return []
    w = len(hdr[0])
    covered = [[False] * w for _ in range(n)]

    def below(i: int, j: int) -> bool:
        return any(hdr[k][j] for k in range(i + 1, n))

    regions = []
    for i in range(n):
        for j in range(w):
            if covered[i][j] or not hdr[i][j]:
                continue
            c1 = j
            while c1 + 1 < w and not hdr[i][c1 + 1] and not covered[i][c1 + 1] and below(i, c1 + 1):
                c1 += 1
            r1 = i
            while (r1 + 1 < n and all(not hdr[r1 + 1][k] and not covered[r1 + 1][k] for k in range(j, c1 + 1))
                   and not any(below(r1 + 1, k) for k in range(j, c1 + 1))):
                r1 += 1
            # a sub-header under an empty band of its parent's span reaches up to the parent
            r0 = i
            while r0 > 0 and all(not hdr[r0 - 1][k] and not covered[r0 - 1][k] for k in range(j, c1 + 1)):
                r0 -= 1
            for a in range(r0, r1 + 1):
                for b in range(j, c1 + 1):
                    covered[a][b] = True
            if (r0, r1, c1) != (i, i, j):
                regions.append((r0, j, r1, c1))
    return regions


def _form_regions(rows: list[list[str]]) -> list[tuple[int, int, int, int]]:
    """Merges in a label/value form.

    A cell spans the empty cells to its right up to the next filled one (but no
    further than the cell above it, when that starts in the same column); a label
    spans the empty cells below it while the rows below continue it (filled further
    right, empty to its left).
    """
    n = len(rows)
    w = len(rows[0]) if rows else 0
    owner: list[list[int | None]] = [[None] * w for _ in range(n)]
    boxes: list[list[int]] = []
    for i in range(n):
        for j in range(w):
            if owner[i][j] is not None:
                continue
            above = owner[i - 1][j] if i else None
            # within a group (its label spans down column 0), cells line up with the row above
            grouped = j > 0 and i > 0 and owner[i][0] is not None and owner[i][0] == owner[i - 1][0]
            cap = boxes[above][3] if grouped and above is not None and boxes[above][1] == j else None
            c1 = j
            if rows[i][j]:
                while (c1 + 1 < w and not rows[i][c1 + 1] and owner[i][c1 + 1] is None
                       and (cap is None or c1 + 1 <= cap)):
                    c1 += 1
            elif cap is not None:
                while (c1 + 1 <= cap and c1 + 1 < w and not rows[i][c1 + 1] and owner[i][c1 + 1] is None):
                    c1 += 1
            r1 = i
            if rows[i][j]:
                while r1 + 1 < n:
                    nxt = rows[r1 + 1]
                    if any(nxt[k] or owner[r1 + 1][k] is not None for k in range(j, c1 + 1)):
                        break
                    if not any(nxt[k] for k in range(c1 + 1, w)):
                        break
                    if any(nxt[k] for k in range(j)):
                        break
                    r1 += 1
            idx = len(boxes)
            boxes.append([i, j, r1, c1])
            for a in range(i, r1 + 1):
                for b in range(j, c1 + 1):
                    owner[a][b] = idx
    return [tuple(b) for b in boxes if (b[2], b[3]) != (b[0], b[1])]  # type: ignore[misc]


def column_widths(grid: Grid, usable_em: float, cap: float = 16.0) -> list[float]:
    """Width of each column in em (cell padding included), filling ``usable_em``.

    Figures never wrap: a column is at least as wide as its widest figure.  Text may
    wrap: a column wants its longest text up to ``cap`` em and gives way first.
    """
    w = grid.width
    spanned = set()
    for r0, c0, r1, c1 in grid.regions:
        if c1 > c0:
            for a in range(r0, r1 + 1):
                for b in range(c0, c1 + 1):
                    spanned.add((a, b))
    pad = 1.0
    base = [2.0 + pad] * w
    want = [2.0 + pad] * w
    for i, row in enumerate(grid.rows):
        for j, text in enumerate(row):
            if (i, j) in spanned or not text:
                continue
            size = disp_len(text)
            if is_figure(text) or _UNBREAKABLE.match(text) or (j in grid.code_cols and i >= grid.header):
                base[j] = max(base[j], size + pad)
                want[j] = max(want[j], size + pad)
            elif i < grid.header:
                # header labels wrap onto two or three lines
                want[j] = max(want[j], min(max(min(size, 4.0), size / 3), cap) + pad)
            else:
                base[j] = max(base[j], min(size, 4.0) + pad)
                want[j] = max(want[j], min(size, cap) + pad)
    if grid.form:
        want = [max(x, 5.0) for x in want]
    if sum(want) <= usable_em:
        return [x * usable_em / sum(want) for x in want]
    if sum(base) >= usable_em:
        return [x * usable_em / sum(base) for x in base]
    f = (usable_em - sum(base)) / (sum(want) - sum(base))
    return [b + (x - b) * f for b, x in zip(base, want, strict=True)]


def cell_alignment(grid: Grid, i: int, j: int) -> str:
    text = grid.rows[i][j]
    if i < grid.header and not grid.form:
        return "center"
    if grid.form:
        if is_figure(text) or (len(text) <= 10 and re.match(r"^[≥≤<>=]?\s*[\d.,]+\s*(%|万元|元|人|个|次|天)?$", text)):
            return "right" if is_figure(text) else "center"
        return "left" if disp_len(text) > 12 else "center"
    if j not in grid.code_cols and is_figure(text):
        return "right"
    return "left"


# ---------------------------------------------------------------------------------------
# the document plan: blocks in reading order, with roles
# ---------------------------------------------------------------------------------------


@dataclass
class Item:
    kind: str  # cover, toc_title, toc, h1, h2, h3, h4, body, list, table
    text: str = ""
    table: Table | None = None
    captions: list[Caption] = field(default_factory=list)
    new_page: bool = False
    orientation: str = "portrait"


def heading_level(text: str) -> str | None:
    """How a heading is styled (None: running text)."""
    s = text.strip()
    if not is_heading(s) or re.search(r"[。；;，,]$", s) or "。" in s:
        return None
    if _H1.match(s):
        return "h1"
    if s.replace(" ", "") in ("目录", "名词解释", "概况"):
        return "h1"
    if _H2.match(s):
        return "h2"
    if _H3.match(s):
        return "h3"
    if _H4.match(s) and len(s) <= 24 and "：" not in s:
        return "h4"
    return None


def plan(doc, lines: list[str], tables_in_word: bool = True) -> list[Item]:
    blocks = doc.blocks
    used: set[int] = set()
    for b in blocks:
        if isinstance(b, Paragraph):
            used.add(b.location.line)
        else:
            for r in b.header + b.body:
                for c in r:
                    used.add(c.location.line)
            for note in b.notes:
                used.add(note.location.line)

    items: list[Item] = []
    # a cover: the short lines before a contents page at the very start
    first_toc = None
    for k, b in enumerate(blocks[:8]):
        text = b.title if isinstance(b, Table) else b.text
        if text and squash(text).strip("*") == "目录":
            first_toc = k
            break
    k = 0
    if first_toc:
        for b in blocks[:first_toc]:
            items.append(Item("cover", b.text.replace("**", "").strip()))
        k = first_toc
    in_toc = False
    toc_parts: set[str] = set()
    while k < len(blocks):
        b = blocks[k]
        if isinstance(b, Table):
            wide = tables_in_word and build_grid(b).width > WIDE
            items.append(Item("table", table=b, captions=captions_for(b, lines, used),
                              orientation="landscape" if wide else "portrait"))
            in_toc = False
            k += 1
            continue
        text = b.text.replace("**", "").strip()
        bullet = text.startswith("- ")  # a markdown list item of the extraction
        if bullet:
            text = text[2:].strip()
        if squash(text) == "目录" and k == first_toc:
            items.append(Item("toc_title", text, new_page=bool(items)))
            in_toc = True
            k += 1
            continue
        m = _H1.match(text)
        if in_toc:
            key = m.group(0) if m else None
            if key and key in toc_parts:
                in_toc = False
            else:
                if key:
                    toc_parts.add(key)
                items.append(Item("toc", text))
                k += 1
                continue
        if bullet:
            items.append(Item("list", text))
        else:
            level = heading_level(text)
            items.append(Item(level or "body", text, new_page=level == "h1" and _H1.match(text) is not None))
        k += 1

    # a paragraph the text broke mid-sentence (at a page end of the original) is one
    # paragraph again, as it was before extraction broke it
    joined: list[Item] = []
    for it in items:
        prev = joined[-1] if joined else None
        if (prev is not None and prev.kind in ("body", "list") and it.kind not in ("table", "toc", "toc_title", "cover")
                and not it.new_page and continues_sentence(prev.text, it.text)):
            prev.text += it.text
            continue
        joined.append(it)
    items = joined

    # titled tables start a page, taking the headings just above them along
    for idx, it in enumerate(items):
        if it.kind == "table" and it.table.title:
            it.new_page = True
            j = idx - 1
            while j >= 0 and items[j].kind in ("h2", "h3", "h4") and idx - j <= 2:
                j -= 1
            if j < idx - 1:
                items[j + 1].new_page = True
                it.new_page = False
                for lead in items[j + 1:idx]:
                    lead.orientation = it.orientation
        if it.kind == "toc_title":
            # the page after the contents starts fresh
            nxt = idx + 1
            while nxt < len(items) and items[nxt].kind == "toc":
                nxt += 1
            if nxt < len(items) and items[nxt].kind != "table":
                items[nxt].new_page = True
            elif nxt < len(items):
                # the contents is a table: whatever follows it starts a page
                if nxt + 1 < len(items):
                    items[nxt + 1].new_page = True
    return items


# ---------------------------------------------------------------------------------------
# Word
# ---------------------------------------------------------------------------------------


def set_run_font(run, name: str = SERIF, size: float = BODY_PT, bold: bool = False) -> None:
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), name)


def setup_styles(word) -> None:
    style = word.styles["Normal"]
    style.font.name = SERIF
    style.font.size = Pt(BODY_PT)
    rpr = style.element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attr in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attr), SERIF)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), "zh-CN")
    lang.set(qn("w:eastAsia"), "zh-CN")
    rpr.append(lang)
    pf = style.paragraph_format
    pf.space_before = Pt(0)
    pf.space_after = Pt(0)


def portrait(section) -> None:
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2.54)
    section.left_margin = section.right_margin = Cm(2.8)
    section.footer_distance = Cm(1.5)


def landscape(section) -> None:
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    section.top_margin = section.bottom_margin = Cm(2.0)
    section.left_margin = section.right_margin = Cm(2.0)
    section.footer_distance = Cm(1.0)


def add_page_number(section) -> None:
    para = section.footer.paragraphs[0]
    para.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_run_font(para.add_run("- "), SERIF, 10.5)
    run = para.add_run()
    set_run_font(run, SERIF, 10.5)
    begin, instr, end = OxmlElement("w:fldChar"), OxmlElement("w:instrText"), OxmlElement("w:fldChar")
    begin.set(qn("w:fldCharType"), "begin")
    instr.set(qn("xml:space"), "preserve")
    instr.text = " PAGE "
    end.set(qn("w:fldCharType"), "end")
    run._element.append(begin)
    run._element.append(instr)
    run._element.append(end)
    set_run_font(para.add_run(" -"), SERIF, 10.5)


class WordWriter:
    def __init__(self) -> None:
        self.word = WordDocument()
        setup_styles(self.word)
        portrait(self.word.sections[0])
        add_page_number(self.word.sections[0])
        self.orientation = "portrait"
        self.pending_break = False
        self.empty = True

    # -- page flow ---------------------------------------------------------------------
    def ensure(self, orientation: str, new_page: bool) -> None:
        if orientation != self.orientation:
            section = self.word.add_section(WD_SECTION.NEW_PAGE)
            (landscape if orientation == "landscape" else portrait)(section)
            self.orientation = orientation
            self.pending_break = False
        elif new_page and not self.empty:
            self.pending_break = True

    def paragraph(self, text: str, *, font: str = SERIF, size: float = BODY_PT, bold: bool = False,
                  align=WD_ALIGN_PARAGRAPH.JUSTIFY, indent: float = 0, first_line: float = 0,
                  before: float = 0, after: float = 0, line: float | None = 1.5, keep_next: bool = False):
        p = self.word.add_paragraph()
        pf = p.paragraph_format
        p.alignment = align
        if indent:
            pf.left_indent = Pt(indent)
        if first_line:
            pf.first_line_indent = Pt(first_line)
        pf.space_before, pf.space_after = Pt(before), Pt(after)
        if line:
            pf.line_spacing = line
        pf.keep_with_next = keep_next
        pf.widow_control = True
        if self.pending_break:
            pf.page_break_before = True
            self.pending_break = False
        if text:
            set_run_font(p.add_run(text), font, size, bold)
        self.empty = False
        return p

    # -- narrative ---------------------------------------------------------------------
    def item(self, it: Item) -> None:
        self.ensure(it.orientation, it.new_page)
        k = it.kind
        if k == "cover":
            first = self.empty
            p = self.paragraph(it.text, font=SANS, size=22, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER,
                               before=160 if first else 12, after=12, line=1.3)
            p.paragraph_format.keep_with_next = True
        elif k == "toc_title":
            self.paragraph(it.text, font=SANS, size=16, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER,
                           before=12, after=18)
        elif k == "toc":
            part = _H1.match(it.text) is not None or it.text.startswith(("附件", "（"))
            self.paragraph(it.text, size=BODY_PT, bold=part, align=WD_ALIGN_PARAGRAPH.LEFT,
                           indent=0 if part else 24, line=1.6)
        elif k == "h1":
            self.paragraph(it.text, font=SANS, size=16, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER,
                           before=12, after=12, keep_next=True)
        elif k == "h2":
            self.paragraph(it.text, font=SANS, size=BODY_PT, bold=True, align=WD_ALIGN_PARAGRAPH.LEFT,
                           first_line=24, before=6, keep_next=True)
        elif k in ("h3", "h4"):
            self.paragraph(it.text, size=BODY_PT, bold=True, align=WD_ALIGN_PARAGRAPH.LEFT,
                           first_line=24, keep_next=True)
        elif k == "list":
            self.paragraph(it.text, align=WD_ALIGN_PARAGRAPH.LEFT, indent=24)
        else:
            self.paragraph(it.text, first_line=24)

    # -- tables ------------------------------------------------------------------------
    def table_item(self, it: Item, sample: Sample) -> None:
        table = it.table
        assert table is not None
        grid = build_grid(table)
        orientation = it.orientation
        self.ensure(orientation, it.new_page)
        toc_like = squash(table.title or "") == "目录" and not table.header
        if table.number in sample.literal_splits and len(table.parts) > 1:
            for k, (rows, header) in enumerate(split_literally(table)):
                if k:
                    self.pending_break = True
                self.captions(it.captions)
                self.grid(build_grid(table, rows, header), orientation, like=grid)
        else:
            self.captions(it.captions)
            self.grid(grid, orientation, ruled=not toc_like)
        for note in table.notes:
            self.paragraph(note.text, size=TABLE_PT, align=WD_ALIGN_PARAGRAPH.LEFT, line=1.2, before=3)

    def captions(self, caps: list[Caption]) -> None:
        for c in caps:
            if c.kind == "title":
                self.paragraph(c.text, font=SERIF, size=16, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER,
                               before=6, after=6, line=1.2, keep_next=True)
            elif c.kind == "number":
                self.paragraph(c.text, size=TABLE_PT, align=WD_ALIGN_PARAGRAPH.LEFT, line=1.2, keep_next=True)
            elif c.kind == "unit":
                self.paragraph(c.text, size=TABLE_PT, align=WD_ALIGN_PARAGRAPH.RIGHT, line=1.2,
                               after=3, keep_next=True)
            elif c.kind == "year":
                self.paragraph(c.text, size=TABLE_PT, align=WD_ALIGN_PARAGRAPH.CENTER, line=1.2, keep_next=True)
            else:
                self.paragraph(c.text, size=TABLE_PT, align=WD_ALIGN_PARAGRAPH.LEFT, line=1.2, keep_next=True)

    def grid(self, grid: Grid, orientation: str, ruled: bool = True, like: Grid | None = None) -> None:
        if self.pending_break:
            # a table cannot carry page-break-before: an empty paragraph does
            self.paragraph("", size=2, line=None)
        n, w = len(grid.rows), grid.width
        size = SMALL_TABLE_PT if w > 10 else TABLE_PT
        usable = (29.7 - 4.0) if orientation == "landscape" else (21.0 - 5.6)
        em = size / 72 * 2.54
        widths = [x * em for x in column_widths(like or grid, usable / em)]
        t = self.word.add_table(rows=n, cols=w)
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        t.autofit = False
        tbl_pr = t._tbl.tblPr
        layout = OxmlElement("w:tblLayout")
        layout.set(qn("w:type"), "fixed")
        tbl_pr.append(layout)
        if ruled:
            borders = OxmlElement("w:tblBorders")
            for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
                el = OxmlElement(f"w:{edge}")
                el.set(qn("w:val"), "single")
                el.set(qn("w:sz"), "4")
                el.set(qn("w:space"), "0")
                el.set(qn("w:color"), "000000")
                borders.append(el)
            tbl_pr.append(borders)
        for j, col in enumerate(t.columns):
            col.width = Cm(widths[j])
        cells = [list(r.cells) for r in t.rows]
        for i, row in enumerate(t.rows):
            row.height = Cm(0.62 if ruled else 0.8)
            row.height_rule = WD_ROW_HEIGHT_RULE.AT_LEAST
            # rows do not break across pages (a setting agencies' templates commonly have);
            # header rows repeat on every page the table runs onto
            tr_pr = row._tr.get_or_add_trPr()
            tr_pr.append(OxmlElement("w:cantSplit"))
            if i < grid.header and not grid.form:
                tr_pr.append(OxmlElement("w:tblHeader"))
            for j in range(w):
                cell = cells[i][j]
                cell.width = Cm(widths[j])
                cell.vertical_alignment = WD_ALIGN_VERTICAL.CENTER
                p = cell.paragraphs[0]
                pf = p.paragraph_format
                pf.space_before = pf.space_after = Pt(1)
                pf.line_spacing = 1.0
                align = cell_alignment(grid, i, j)
                p.alignment = {"center": WD_ALIGN_PARAGRAPH.CENTER, "right": WD_ALIGN_PARAGRAPH.RIGHT,
                               "left": WD_ALIGN_PARAGRAPH.LEFT}[align]
                text = grid.rows[i][j]
                bold = (i < grid.header and not grid.form) or (grid.form and not is_figure(text)
                                                                and disp_len(text) <= 12 and j == 0)
                if text:  # an empty cell keeps no run, so merging it adds no empty line
                    set_run_font(p.add_run(text), SERIF, size, bold)
        for r0, c0, r1, c1 in grid.regions:
            cells[r0][c0].merge(cells[r1][c1])

    def save(self, path: Path) -> None:
        self.word.save(str(path))


def split_literally(table: Table) -> list[tuple[list[list[str]], int]]:
    """The printed parts of a table continued with its header and total rows repeated."""
    header = [[c.text for c in r] for r in table.header]
    starts = [p.line or 0 for p in table.parts]
    totals = [r for r in table.body if any(_TOTAL.match(squash(c.text)) for c in r)]
    parts: list[tuple[list[list[str]], int]] = []
    for k, start in enumerate(starts):
        end = starts[k + 1] if k + 1 < len(starts) else 10**9
        rows = [[c.text for c in r] for r in table.body
                if start <= (r[0].location.line or 0) < end and r not in (totals if k else [])]
        if k:
            rows = [[c.text for c in t] for t in totals] + rows
        parts.append((header + rows, len(header)))
    return parts


# ---------------------------------------------------------------------------------------
# Excel
# ---------------------------------------------------------------------------------------

THIN = Side(style="thin", color="000000")
RULE = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)


LINE_PT = 15.2  # one line of 10.5 pt Noto CJK text, leading included


def wrapped_lines(text: str, width_em: float) -> int:
    per_line = max(1, math.floor(width_em - 1.4))  # whole characters between the cell margins
    lines = math.ceil(disp_len(text) / per_line)
    return max(1, lines + (1 if lines > 3 else 0))  # punctuation kept off line starts costs lines


def row_heights(grid: Grid, widths_em: list[float]) -> list[float]:
    """Row heights in points so that every cell's wrapped text fits."""
    span = {(r0, c0): (r1, c1) for r0, c0, r1, c1 in grid.regions}
    need = [1] * len(grid.rows)
    tall: list[tuple[int, int, int]] = []
    for i, row in enumerate(grid.rows):
        for j, text in enumerate(row):
            if not text:
                continue
            r1, c1 = span.get((i, j), (i, j))
            lines = wrapped_lines(text, sum(widths_em[j:c1 + 1]))
            if r1 == i:
                need[i] = max(need[i], lines)
            else:
                tall.append((i, r1, lines))
    heights = [n * LINE_PT + 6 for n in need]
    for r0, r1, lines in tall:
        short = lines * LINE_PT + 6 - sum(heights[r0:r1 + 1])
        if short > 0:
            for k in range(r0, r1 + 1):
                heights[k] += short / (r1 - r0 + 1)
    return [min(409.0, max(20.0, h)) for h in heights]


def sheet_name(table: Table, k: int, taken: set[str]) -> str:
    base = table.number or re.sub(r"^\d{4}\s*年度?", "", table.title or f"表{k}")
    base = re.sub(r"[\[\]:*?/\\]", "", base).strip()[:28] or f"表{k}"
    name, n = base, 2
    while name in taken:
        name, n = f"{base[:26]}{n}", n + 1
    taken.add(name)
    return name


def write_workbook(items: list[Item], path: Path) -> list[str]:
    """One sheet per table; returns each sheet's orientation."""
    wb = Workbook()
    wb.remove(wb.active)
    # the workbook's default font sets the width unit of its columns (and agencies'
    # templates default to a CJK serif anyway)
    default = Font(name=SERIF, size=10.5)
    wb._fonts[0] = default  # noqa: SLF001 - openpyxl has no public setter
    wb._named_styles["Normal"].font = default  # noqa: SLF001
    taken: set[str] = set()
    orientations = []
    for k, it in enumerate(i for i in items if i.kind == "table"):
        table = it.table
        grid = build_grid(table)
        w = grid.width
        ws = wb.create_sheet(sheet_name(table, k + 1, taken))
        landscape_page = w > WIDE
        orientations.append("landscape" if landscape_page else "portrait")
        # widths in Excel units (about 0.6 em of 10.5 pt CJK text each, plus padding);
        # the sheet is laid out about a page wide and scaled to one page wide in print
        page_em = (27.7 if landscape_page else 19.0) / 0.37
        widths_em = column_widths(grid, max(page_em, 2.2 * w), cap=14.0)
        if grid.form and sum(row_heights(grid, widths_em)) > 650:
            # Calc prints a merged cell's text at the middle of the whole merged area,
            # even when that falls on another page (or off every page): a form longer
            # than a page keeps its row labels in the first row of their group instead
            grid.regions = [(r0, c0, r0, c1) for r0, c0, _, c1 in grid.regions if c1 > c0]
        for j, em in enumerate(widths_em):
            ws.column_dimensions[get_column_letter(j + 1)].width = round(em * 1.65 + 1.5, 1)
        last = get_column_letter(w)
        r = 1
        caps = it.captions
        q = 0
        while q < len(caps):
            c = caps[q]
            if c.kind == "title":
                ws.merge_cells(f"A{r}:{last}{r}")
                ws[f"A{r}"] = c.text
                ws[f"A{r}"].font = Font(name=SERIF, size=16, bold=True)
                ws[f"A{r}"].alignment = Alignment(horizontal="center", vertical="center")
                ws.row_dimensions[r].height = 36
            elif c.kind == "meta" and q + 1 < len(caps) and caps[q + 1].kind == "unit" and w >= 3:
                # 部门名称 on the left, 单位 on the right of one row, as agencies lay it out
                split = max(1, w - max(1, w // 3))
                ws.merge_cells(f"A{r}:{get_column_letter(split)}{r}")
                ws[f"A{r}"] = c.text
                ws[f"A{r}"].font = Font(name=SERIF, size=10.5)
                ws[f"A{r}"].alignment = Alignment(horizontal="left", vertical="center")
                right = get_column_letter(split + 1)
                if split + 1 < w:
                    ws.merge_cells(f"{right}{r}:{last}{r}")
                ws[f"{right}{r}"] = caps[q + 1].text
                ws[f"{right}{r}"].font = Font(name=SERIF, size=10.5)
                ws[f"{right}{r}"].alignment = Alignment(horizontal="right", vertical="center")
                ws.row_dimensions[r].height = 20
                q += 1
            else:
                ws.merge_cells(f"A{r}:{last}{r}")
                ws[f"A{r}"] = c.text
                ws[f"A{r}"].font = Font(name=SERIF, size=10.5)
                horizontal = {"unit": "right", "year": "center"}.get(c.kind, "left")
                ws[f"A{r}"].alignment = Alignment(horizontal=horizontal, vertical="center")
                ws.row_dimensions[r].height = 20
            r += 1
            q += 1
        top = r
        for i, row in enumerate(grid.rows):
            for j, text in enumerate(row):
                cell = ws.cell(row=r + i, column=j + 1)
                if text:
                    cell.value = text
                header = i < grid.header and not grid.form
                cell.font = Font(name=SERIF, size=10.5,
                                 bold=header or (grid.form and j == 0 and not is_figure(text) and disp_len(text) <= 12))
                horizontal = cell_alignment(grid, i, j)
                cell.alignment = Alignment(horizontal=horizontal, vertical="center", wrap_text=True,
                                           indent=1 if horizontal in ("left", "right") else 0)
                cell.border = RULE
        # LibreOffice does not grow rows for wrapped text in merged cells: set every
        # row's height from the lines its cells wrap to
        for i, height in enumerate(row_heights(grid, widths_em)):
            ws.row_dimensions[top + i].height = height
        r = top + len(grid.rows)
        for r0, c0, r1, c1 in grid.regions:
            ws.merge_cells(start_row=top + r0, start_column=c0 + 1, end_row=top + r1, end_column=c1 + 1)
            for a in range(top + r0, top + r1 + 1):
                for b in range(c0 + 1, c1 + 2):
                    ws.cell(row=a, column=b).border = RULE
        for note in table.notes:
            ws.merge_cells(f"A{r}:{last}{r}")
            ws[f"A{r}"] = note.text
            ws[f"A{r}"].font = Font(name=SERIF, size=10.5)
            ws[f"A{r}"].alignment = Alignment(horizontal="left", vertical="top", wrap_text=True)
            ws.row_dimensions[r].height = wrapped_lines(note.text, sum(widths_em)) * LINE_PT + 6
            r += 1
        if grid.header and not grid.form:
            ws.print_title_rows = f"{top}:{top + grid.header - 1}"
        ps = ws.page_setup
        ps.paperSize = ws.PAPERSIZE_A4
        ps.orientation = "landscape" if landscape_page else "portrait"
        ps.fitToWidth = 1
        ps.fitToHeight = 0
        ws.sheet_properties.pageSetUpPr.fitToPage = True
        ws.print_options.horizontalCentered = True
        ws.page_margins = PageMargins(left=0.6, right=0.6, top=0.75, bottom=0.75, header=0.3, footer=0.3)
        ws.oddFooter.center.text = "第 &P 页"
        ws.oddFooter.center.size = 9
        ws.oddFooter.center.font = SERIF
    wb.save(str(path))
    return orientations


# ---------------------------------------------------------------------------------------
# conversion
# ---------------------------------------------------------------------------------------


def soffice(src: Path, outdir: Path, profile: Path) -> Path:
    exe = shutil.which("soffice") or shutil.which("libreoffice")
    if not exe:
        sys.exit("soffice not found: apt-get install libreoffice-writer libreoffice-calc fonts-noto-cjk")
    subprocess.run([exe, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(outdir), str(src)], check=True, stdout=subprocess.DEVNULL,
                   stderr=subprocess.DEVNULL, timeout=600)
    out = outdir / (src.stem + ".pdf")
    if not out.exists():
        sys.exit(f"LibreOffice made no PDF of {src.name}")
    return out


def write_office(sample: Sample, outdir: Path, tables_dir: Path) -> list[Path]:
    """The Word document (and, for a sample whose tables are in Excel, the workbook) a sample is
    made from: the files an agency that publishes its Office files as they are would publish."""
    src = TEXT_DIR / f"{sample.name}.txt"
    doc = load_document(src, display_path=f"samples/text/{src.name}")
    lines = src.read_text(encoding="utf-8-sig").split("\n")
    items = plan(doc, lines, tables_in_word=not sample.tables_in_excel)
    writer = WordWriter()
    for it in items:
        if it.kind == "table":
            if not sample.tables_in_excel:
                writer.table_item(it, sample)
        else:
            writer.item(it)
    outdir.mkdir(parents=True, exist_ok=True)
    docx = outdir / (f"{sample.name}-text.docx" if sample.tables_in_excel else f"{sample.name}.docx")
    writer.save(docx)
    if not sample.tables_in_excel:
        return [docx]
    tables_dir.mkdir(parents=True, exist_ok=True)
    xlsx = tables_dir / f"{sample.name}-tables.xlsx"
    write_workbook(items, xlsx)
    return [docx, xlsx]


def make(sample: Sample, work: Path, profile: Path) -> Path:
    src = TEXT_DIR / f"{sample.name}.txt"
    pdfs = [soffice(f, work, profile) for f in write_office(sample, work, work)]
    out = PDF_DIR / f"{sample.name}.pdf"
    merged = PdfWriter()
    for pdf in pdfs:
        merged.append(str(pdf))
    merged.add_metadata({"/Title": f"{sample.name} (made from samples/text/{src.name})"})
    with out.open("wb") as fh:
        merged.write(fh)
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("names", nargs="*", help="samples to make (default: all)")
    ap.add_argument("--office", action="store_true",
                    help="write the Word and Excel files only, into samples/docx and samples/xlsx (no LibreOffice)")
    args = ap.parse_args()
    chosen = [s for s in SAMPLES if not args.names or s.name in args.names]
    if args.office:
        for sample in chosen:
            for out in write_office(sample, ROOT / "samples" / "docx", ROOT / "samples" / "xlsx"):
                print(f"{out.relative_to(ROOT)}: {out.stat().st_size // 1024} KiB")
        return
    PDF_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        profile = work / "lo-profile"
        for sample in chosen:
            out = make(sample, work, profile)
            print(f"{out.relative_to(ROOT)}: {out.stat().st_size // 1024} KiB")


if __name__ == "__main__":
    main()
