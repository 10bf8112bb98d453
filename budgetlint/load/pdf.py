"""PDF disclosures, read into the same document model as text: PDFium gives each page's
characters and graphics (:mod:`budgetlint.load.pdfium_page`), pdfplumber its geometry, text lines
and ruled tables (with :mod:`budgetlint.load.table_finder`).

Each page gives its ruled tables (pdfplumber's lines strategy; a text-alignment
fallback on pages without rules) and its lines of text outside them, in reading
order; :mod:`budgetlint.load.assemble` does the rest (captions, notes, tables
continued over pages, paragraphs).  Every cell and every character keeps its page
and box, so a figure is reported where a person can see it.

CJK pitfalls handled here: fake-bold text printed twice (``dedupe_chars``), cell
text wrapped over lines (joined without a space between Chinese characters),
spaces inferred from gaps but never inside a number, page numbers (`- 5 -`,
`第 3 页`) dropped, and glyphs without a Unicode mapping (`(cid:…)`, U+FFFD)
reported as a problem of their page and never read as figures.
"""

from __future__ import annotations

import itertools
import re
from bisect import bisect_right
from operator import itemgetter
from io import BytesIO
from dataclasses import dataclass, field
from typing import Any

import pdfplumber
import pypdfium2 as pdfium
from pdfplumber.page import FilteredPage
from pdfplumber.utils import cluster_objects
from pdfplumber.utils.exceptions import PdfminerException

from budgetlint.i18n import t
from budgetlint.load import LoadError
from budgetlint.load.assemble import RawLine, RawTable, assemble, is_caption
from budgetlint.load.limits import (MAX_GRID, LimitExceeded, bound_pdf_streams, check_page_count, check_page_streams,
                                     ruled_grid_size)
from budgetlint.load.pdfium_page import PDFIUM_LOCK, page_objects
from budgetlint.load.table_finder import extract, find_tables
from budgetlint.load.visibility import is_off_page, off_page_lines, off_page_problems
from budgetlint.model import BBox, Cell, Document, Location, Problem
from budgetlint.textnorm import printable, squash
from budgetlint.workers import process_pool

UNREADABLE = "\ufffd"  # the text of a cell whose glyphs cannot be mapped to characters
_PAGE_NUMBER = re.compile(r"^([-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?|\d+\s*/\s*\d+|\d{1,3})$")
_MARKED_PAGE_NUMBER = re.compile(r"^([-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页(\s*[,，/]?\s*共\s*\d+\s*页)?)$")  # never a figure
_NUMBERED = re.compile(r"^\s*([一二三四五六七八九十]+、|[(（][一二三四五六七八九十\d]+[)）]|\d+、|\d+[.．](?!\d)"
                       r"|\d{1,2}[.．](?=(19|20)\d\d年)|第[一二三四五六七八九十]+部分)")
_MARGIN = 0.08  # page numbers live in the top and bottom 8 % of a page
# pages each process reads at least: splitting a file gains from about 40 pages on (read with
# PDFium, 42 pages take 0.44 s in one process, 0.35–0.41 s in two; 24 pages gain nothing)
_PAGES_PER_PROCESS = 20
_TEXT_TABLE_SETTINGS = {"vertical_strategy": "text", "horizontal_strategy": "text", "min_words_vertical": 3}

bound_pdf_streams()


_SCAN_SHARE = 0.5  # of the page's area: a scanned page is one image over (nearly) all of it


def _image_share(page) -> float:
    """How much of the page its images cover (overlaps counted twice: an upper bound)."""
    area = float(page.width * page.height) or 1.0
    covered = sum(max(0.0, float(min(im["x1"], page.width) - max(im["x0"], 0)))
                  * max(0.0, float(min(im["bottom"], page.height) - max(im["top"], 0))) for im in page.images)
    return covered / area


@dataclass
class PageContent:
    number: int
    items: list[Any] = field(default_factory=list)  # RawLine | RawTable, in reading order
    problems: list[Problem] = field(default_factory=list)
    has_text: bool = True
    sideways: bool = False  # most of its text runs sideways: the page was not read
    box: BBox = (0.0, 0.0, 0.0, 0.0)
    off_page: list[tuple[str, BBox]] = field(default_factory=list)  # lines printed outside the page box
    visible: str = ""  # the text inside the box, squashed: to tell an overflow the next page repeats


def _white(color: object) -> bool:
    """Whether a PDF colour (gray, RGB or CMYK components) is white."""
    values = color if isinstance(color, (tuple, list)) else (color,)
    if not values or not all(isinstance(v, (int, float)) for v in values):
        return False
    return all(v == 0 for v in values) if len(values) == 4 else all(v >= 0.99 for v in values)


def _drawn(obj: dict) -> bool:
    """Whether a graphic can be seen: not a white background box (Word and Excel fill every cell
    with white, and those boxes' edges would split tables into phantom rows and columns)."""
    kind = obj.get("object_type")
    if kind == "line":
        return not _white(obj.get("stroking_color"))
    if kind in ("rect", "curve"):
        stroked = obj.get("stroke") and not _white(obj.get("stroking_color"))
        filled = obj.get("fill") and not _white(obj.get("non_stroking_color"))
        return bool(stroked or filled)
    return True


def _is_bad_glyph(char: dict) -> bool:
    text = char.get("text", "")
    return text.startswith("(cid:") or UNREADABLE in text


def _box(chars: list[dict]) -> BBox:
    return (round(min(c["x0"] for c in chars), 2), round(min(c["top"] for c in chars), 2),
            round(max(c["x1"] for c in chars), 2), round(max(c["bottom"] for c in chars), 2))


def _numeric(ch: str) -> bool:
    return ch.isdigit() or ch in ".,%"


def _line_text(chars: list[dict]) -> tuple[str, list[int]]:
    """A line's text from its characters, spaces put in wide gaps (never inside a number),
    and for each character of the text the index of the glyph it came from."""
    text, owners = "", []
    previous = None
    for i, c in enumerate(chars):
        if previous is not None:
            gap = c["x0"] - previous["x1"]
            if gap > 0.25 * (c.get("size") or 10) and not (_numeric(previous["text"][-1:]) and _numeric(c["text"][:1])):
                text += " "
                owners.append(i - 1)
        text += c["text"]
        owners.extend([i] * len(c["text"]))
        previous = c
    return text, owners


_FIGURE_PIECE = re.compile(r"-?[\d,]+\.?\d*")  # a figure, or the part of one a narrow column wrapped


def _cell_text(chars: list[dict]) -> str:
    """A cell's text: its lines top to bottom, joined without a space between Chinese
    characters (`台前县医` / `疗保障局`) and with one between Latin words."""
    lines: list[list[dict]] = []
    for char in sorted(chars, key=lambda ch: (ch["top"], ch["x0"])):
        if lines and char["top"] < lines[-1][0]["top"] + 0.6 * (lines[-1][0].get("size") or 10):
            lines[-1].append(char)
        else:
            lines.append([char])
    out = ""
    for line in lines:
        part = _line_text(sorted(line, key=lambda ch: ch["x0"]))[0].strip()
        wrapped_figure = _FIGURE_PIECE.fullmatch(out) and _FIGURE_PIECE.fullmatch(part)  # `24995.9` / `4`
        if out and part and out[-1].isascii() and out[-1].isalnum() and part[0].isascii() and part[0].isalnum() \
                and not wrapped_figure:
            out += " "
        out += part
    return _LEADER_BEFORE_NUMBER.sub("", out)


_LEADER_BEFORE_NUMBER = re.compile(r"^[.．·…]{2,}\s*(?=\d+$)")  # `..1`: a contents line's leader spilt into its page number


class _PageReader:
    def __init__(self, page: Any, number: int, path: str):
        self.page = page
        self.number = number
        self.path = path
        self.content = PageContent(number)

    def location(self, bbox: BBox | None) -> Location:
        return Location(self.path, page=self.number, bbox=bbox)

    def problem(self, template: str, found: str, bbox: BBox | None = None, unread: bool = False,
                kind: str = "unreadable", **values: int) -> None:
        self.content.problems.append(Problem(template, self.location(bbox), found, kind, unread,
                                             {"page": self.number, **values}))

    def read(self) -> PageContent:
        page = self.page
        chars = page.chars
        for char in chars:  # a glyph mapped to ESC … would reach the terminal and the CI log as a command
            if not char["text"].isprintable():
                char["text"] = printable(char["text"]).replace("\t", " ").replace("\n", " ").replace("\r", " ")
        self.content.box = tuple(page.bbox)
        whole = (0.0, 0.0, round(page.width, 2), round(page.height, 2))
        if not chars:
            self.content.has_text = False
            if page.images and _image_share(page) < _SCAN_SHARE:
                self.problem("page {page} holds only a picture (a chart?), with no text to check", "picture",
                             whole, unread=True, kind="picture")
            elif page.images:
                self.problem("page {page} has no text layer (a scan?); OCR is not supported, the page was not checked",
                             "image", whole, unread=True)
            else:
                self.problem("page {page} is blank (no text)", "blank page", whole, kind="blank-page")
            return self.content
        if 2 * sum(1 for c in chars if not c.get("upright", True)) > len(chars):
            self.content.sideways = True
            self.problem("page {page}'s text runs sideways (the page turned 90°?), the page was not checked; "
                         "turn the page upright and check again", "sideways text", whole, unread=True)
            return self.content
        # a page number printed off the page (`— 2489 —` under 重庆's pages) hides nothing a reader needs
        self.content.off_page = [(text, box) for text, box in off_page_lines(chars, self.content.box)
                                 if not _MARKED_PAGE_NUMBER.match(text.strip())]
        self.content.visible = squash("".join(c["text"] for c in chars if not is_off_page(c, self.content.box)))
        bad = [c for c in chars if _is_bad_glyph(c)]
        if bad:
            self.problem("page {page}: {n} glyphs map to no character ((cid:…) or U+FFFD); the text holding them "
                         "was not read", bad[0]["text"], _box(bad), n=len(bad))
        drawn = page.filter(_drawn)
        grid = ruled_grid_size(drawn.edges)
        if grid > MAX_GRID:
            self.problem("page {page} has too many table lines (vertical × horizontal = {grid}, at most {limit}); "
                         "its tables were not read", "too many table lines", whole, unread=True, grid=grid, limit=MAX_GRID)
            drawn = page.filter(lambda obj: obj.get("object_type") == "char")
        lines = None if drawn.edges else page.extract_text_lines(return_chars=True)
        found = [(t, self._table(t, chars)) for t in self._tables(drawn, lines)]
        # a grid without a character in it holds nothing to read: a chart's gridlines, an empty frame
        found = [(t, raw) for t, raw in found if any(c.text.strip() for row in raw.rows for c in row)]
        tables = [t for t, _ in found]
        boxes = [t.bbox for t in tables]
        items: list[tuple[float, Any]] = [(t.bbox[1], raw) for t, raw in found]
        if tables or lines is None:
            outside = page.filter(lambda o: o.get("object_type") != "char" or not _inside(o, boxes))
            lines = outside.extract_text_lines(return_chars=True)
        items += self._lines(lines)
        items.sort(key=lambda pair: pair[0])
        while items and isinstance(items[-1][1], RawLine) and _PAGE_NUMBER.match(items[-1][1].text.strip()):
            items.pop()  # a page number below everything else, however high the footer is
        self.content.items = [item for _, item in items]
        return self.content

    @staticmethod
    def _tables(page: Any, lines: list[dict] | None) -> list[Any]:
        """Ruled tables; on a page without rules, tables found by alignment, but only when
        several lines are laid out in columns ending in figures (never on running text)."""
        if lines is None:
            closing = _closing_rules(page.edges)
            found = find_tables(page, {"explicit_horizontal_lines": closing} if closing else None)
            return [t for t in found if max(len(row.cells) for row in t.rows) > 1]  # a frame is not a table
        if sum(1 for line in lines if _columned(line)) < 3:
            return []
        return [t for t in find_tables(page, _TEXT_TABLE_SETTINGS) if _looks_tabular(t)]

    def _table(self, table: Any, chars: list[dict]) -> RawTable:
        table_rows = table.rows  # pdfplumber makes them anew at each reading
        placed = _cell_chars(table_rows, table.bbox, chars)
        centres = [(c.bbox[0] + c.bbox[2]) / 2 for c in table.columns]
        rows: list[list[Cell]] = []
        for r, row in enumerate(table_rows):
            cells: list[Cell] = []
            for c, bbox in enumerate(row.cells):
                if bbox is None:
                    cells.append(self._covered(table_rows, rows, cells, r, centres[c]))
                    continue
                inside = placed.get((r, c), [])
                content = _cell_text(inside)
                if UNREADABLE in content or "(cid:" in content:
                    content = UNREADABLE  # text, not a figure: no sum counts a cell that cannot be read
                box = _box(inside) if inside else bbox
                cells.append(Cell(content, self.location(tuple(round(v, 2) for v in box))))
            rows.append(cells)
        grid = tuple((round(c.bbox[0], 2), round(c.bbox[2], 2)) for c in table.columns)
        return RawTable(rows, self.location(tuple(round(v, 2) for v in table.bbox)), grid=grid)

    def _covered(self, table_rows: list[Any], above: list[list[Cell]], left: list[Cell], r: int, x: float) -> Cell:
        """A position where no cell starts: inside a cell merged across from the left (whose text
        it repeats), or down from above; or, where rules are missing, in no cell at all."""
        row = table_rows[r]
        for c in range(len(left) - 1, -1, -1):
            bbox = row.cells[c]
            if bbox is not None and bbox[0] <= x <= bbox[2]:
                return Cell(left[c].text, left[c].location, covered=True)
        y = (row.bbox[1] + row.bbox[3]) / 2
        for k in range(r - 1, -1, -1):
            for c, bbox in enumerate(table_rows[k].cells):
                if bbox is not None and bbox[0] <= x <= bbox[2] and bbox[1] <= y <= bbox[3]:
                    return Cell("", above[k][c].location, covered=True)
        return Cell("", self.location(tuple(round(v, 2) for v in row.bbox)))

    def _lines(self, found: list[dict]) -> list[tuple[float, RawLine]]:
        lines = _with_stray_pieces_merged([ln for ln in found if ln["chars"]])
        height = self.page.height
        body = [ln for ln in lines if not _is_furniture(ln, height)]
        if not body:
            return []
        left = min(round(ln["x0"]) for ln in body)
        right = max(ln["x1"] for ln in body)
        out: list[tuple[float, RawLine]] = []
        previous = None
        for ln in body:
            chars = ln["chars"]
            if any(_is_bad_glyph(c) for c in chars):
                previous = None
                continue
            text, owners = _line_text(chars)
            segments = [(i, self.location(_box([chars[o]]))) for i, o in enumerate(owners)]
            size = max(c.get("size") or 10 for c in chars)
            centred = abs((ln["x0"] + ln["x1"]) / 2 - (left + right) / 2) < 1.5 * size
            continues = (  # the previous line ran to the margin and this one goes on under it
                previous is not None
                and ln["top"] - previous["bottom"] < 1.2 * size
                and previous["x1"] >= right - 1.5 * size
                and previous["x1"] - previous["x0"] >= 0.6 * (right - left)  # not a right-aligned `单位：万元`
                and (ln["x0"] <= left + 0.8 * size or centred)
                and not _NUMBERED.match(text)  # `十一、…情况说明`: a heading starts on a line of its own
            )
            out.append((ln["top"], RawLine(text, self.location(_box(chars)), segments, continues=continues)))
            previous = ln
        return out


_STRAY = 8  # characters: a line this short may be a few glyphs printed off their baseline
_FIGURES_ONLY = re.compile(r"[\d.,%“”\"\s-]+")


def _with_stray_pieces_merged(lines: list[dict]) -> list[dict]:
    """Short lines printed a little off the baseline of their text (quotation marks set
    higher, `2024` in another font: `纳入…财政局 年度部门决算` / `2024`) put back into
    the gaps they were printed in, in the line beside them."""
    out = [line for line in lines if not _stray(line)]
    for line in (line for line in lines if _stray(line)):
        pieces = [c for c in line["chars"] if c["text"].strip()]
        host = next((o for o in out if _beside(o, line) and all(_in_gap(o, c) for c in _runs(pieces))), None)
        if host is None:
            out.append(line)
            continue
        chars = sorted(host["chars"] + pieces, key=lambda c: c["x0"])
        host.update(chars=chars, text="".join(c["text"] for c in chars))
    return sorted(out, key=lambda line: line["top"])


def _stray(line: dict) -> bool:
    """A line that may be glyphs set off their text's baseline: a few characters, or figures only
    (a document whose digits are in another font: `与 年度相比` / `2023`)."""
    text = line["text"].strip()
    return len(text) <= _STRAY or bool(_FIGURES_ONLY.fullmatch(text))


def _beside(host: dict, piece: dict) -> bool:
    """Less than a line's height between the middles of two lines."""
    middle = (host["top"] + host["bottom"]) / 2
    return abs(middle - (piece["top"] + piece["bottom"]) / 2) <= host["bottom"] - host["top"]


def _runs(chars: list[dict]) -> list[dict]:
    """Characters printed together (no gap wider than a character), as one box each."""
    runs: list[dict] = []
    for c in chars:
        if runs and c["x0"] - runs[-1]["x1"] <= 0.5 * (c["x1"] - c["x0"]):
            runs[-1] = {"x0": runs[-1]["x0"], "x1": c["x1"]}
        else:
            runs.append({"x0": c["x0"], "x1": c["x1"]})
    return runs


def _in_gap(host: dict, run: dict) -> bool:
    """Whether a run of characters fits in a blank gap between two characters of ``host``, or
    ends right before its first or starts right after its last (`2024` / `年度部门决算`)."""
    chars = [c for c in host["chars"] if c["text"].strip()]
    reach = max(c["x1"] - c["x0"] for c in chars)
    first, last = chars[0], chars[-1]
    return (first["x0"] - reach <= run["x1"] <= first["x0"] + 1
            or last["x1"] - 1 <= run["x0"] <= last["x1"] + reach
            or any(a["x1"] - 1 <= run["x0"] and run["x1"] <= b["x0"] + 1 for a, b in zip(chars, chars[1:])))


def _columned(line: dict) -> bool:
    """A line printed in columns (wide gaps, or a dot leader) that ends in a figure."""
    chars = [c for c in line["chars"] if c["text"].strip()]
    size = max((c.get("size") or 10 for c in chars), default=10)
    pieces, current = [], ""
    for previous, char in zip([None] + chars, chars):
        if previous is not None and (char["x0"] - previous["x1"] > 1.5 * size or char["text"] in "….·"):
            pieces.append(current)
            current = ""
        current += char["text"] if char["text"] not in "….·" else ""
    pieces = [p for p in pieces + [current] if p.strip()]
    return len(pieces) >= 2 and bool(re.fullmatch(r"[\d,]+(\.\d+)?%?", pieces[-1].strip()))


_TOUCH = 2.0  # points: a rule ending this close to another meets it
_MIN_RULE = 3.0  # points: shorter edges are the ends of rules drawn as thin boxes


def _closing_rules(edges: list[dict]) -> list[dict]:
    """Horizontal rules closing the open ends of a table's vertical rules.

    A table continued over a page break is often printed without a rule above its first
    row (or below its last), or with one over some of its columns only: pdfplumber finds
    no cell there and the row is lost.  Where three or more vertical rules end at one
    height and no horizontal rule meets them, a rule across the rules ending there is added.
    """
    verticals = _joined([e for e in edges if e["orientation"] == "v" and e["height"] >= _MIN_RULE])
    horizontals = [e for e in edges if e["orientation"] == "h" and e["width"] >= _MIN_RULE]
    if len(verticals) < 3 or not horizontals:
        return []

    at_height: dict[int, list[dict]] = {}
    for h in horizontals:
        at_height.setdefault(round(h["top"]), []).append(h)

    def is_open(x: float, y: float) -> bool:
        near = (h for k in range(round(y) - 3, round(y) + 4) for h in at_height.get(k, ()))
        return not any(abs(h["top"] - y) <= _TOUCH and h["x0"] - _TOUCH <= x <= h["x1"] + _TOUCH for h in near)

    ends = sorted((y, x, is_open(x, y)) for x, top, bottom in verticals for y in (top, bottom))
    rules = []
    while ends:
        y = ends[0][0]
        group = [(x, is_open_) for yy, x, is_open_ in ends if yy - y <= _TOUCH]
        ends = [end for end in ends if end[0] - y > _TOUCH]
        if sum(1 for _, is_open_ in group if is_open_) >= 3:
            x0, x1 = min(x for x, _ in group), max(x for x, _ in group)
            rules.append({"x0": x0, "x1": x1, "top": y, "bottom": y, "width": x1 - x0, "height": 0.0,
                          "object_type": "line", "orientation": "h"})
    return rules


def _joined(verticals: list[dict]) -> list[tuple[float, float, float]]:
    """Vertical rules as (x, top, bottom), segments drawn cell by cell joined into one rule."""
    out: list[list[float]] = []
    for edge in sorted(verticals, key=lambda e: (round(e["x0"], 1), e["top"])):
        last = out[-1] if out else None
        if last and abs(last[0] - edge["x0"]) <= 0.1 and edge["top"] - last[2] <= _TOUCH:
            last[2] = max(last[2], edge["bottom"])
        else:
            out.append([edge["x0"], edge["top"], edge["bottom"]])
    return [(x, top, bottom) for x, top, bottom in out]


def _inside(obj: dict, boxes: list[BBox]) -> bool:
    cx, cy = (obj["x0"] + obj["x1"]) / 2, (obj["top"] + obj["bottom"]) / 2
    return any(b[0] <= cx <= b[2] and b[1] <= cy <= b[3] for b in boxes)


def _is_furniture(line: dict, height: float) -> bool:
    in_margin = line["top"] < height * _MARGIN or line["bottom"] > height * (1 - _MARGIN)
    return in_margin and bool(_PAGE_NUMBER.match(line["text"].strip()))


def _looks_tabular(table: Any) -> bool:
    """A table found by text alignment alone is kept when it has rows of figures."""
    rows = extract(table)
    if len(rows) < 3 or not rows or len(rows[0]) < 2:
        return False
    cells = [c for row in rows for c in row if c]
    figures = [c for c in cells if re.fullmatch(r"[\d,]+(\.\d+)?", c.strip())]
    return len(figures) >= max(3, len(cells) // 4)


def _cell_chars(rows: list[Any], bbox: BBox, chars: list[dict]) -> dict[tuple[int, int], list[dict]]:
    """The characters in each cell (by their centre), a merged cell taking those of the
    positions it covers."""
    tops = [row.bbox[1] for row in rows]
    x0, top, x1, bottom = bbox
    found: dict[tuple[int, int], list[dict]] = {}
    for ch in chars:
        cx, cy = (ch["x0"] + ch["x1"]) / 2, (ch["top"] + ch["bottom"]) / 2
        if not (x0 <= cx <= x1 and top <= cy <= bottom):
            continue
        for r in range(bisect_right(tops, cy) - 1, -1, -1):  # a cell merged down starts in a row above
            hit = next((c for c, cell in enumerate(rows[r].cells)
                        if cell and cell[0] <= cx <= cell[2] and cell[1] <= cy <= cell[3]), None)
            if hit is not None:
                found.setdefault((r, hit), []).append(ch)
                break
    return found


def _upright_boxes(page: Any) -> None:
    """A page box read whatever the order of its corners (`[0 595 842 0]` is the page
    `[0 0 842 595]`, PDF 32000 § 7.9.5): the text is placed from the box's first corner, so an
    upside-down box would put all of it outside the page."""
    obj = page.page_obj
    for name in ("mediabox", "cropbox"):
        box = getattr(obj, name, None)
        if box is not None and len(box) == 4 and all(isinstance(v, (int, float)) for v in box):
            x0, y0, x1, y1 = box
            setattr(obj, name, (min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))


_SANE_DESCENT = (-0.6, 0.3)  # where a glyph's box starts below its baseline, in ems


def _on_baselines(chars: list[dict]) -> None:
    """Glyphs whose font gives a box far from the baseline (a descent of a whole em: 重庆's
    punctuation and figures, set in another font than the text) boxed like the other glyphs of
    their page, so that they stay on the line they are printed on instead of sinking below it."""
    def descent(c: dict) -> float | None:
        m = c.get("matrix")
        height = c["y1"] - c["y0"]
        if not m or len(m) != 6 or m[1] or m[2] or m[0] <= 0 or m[3] <= 0 or height <= 0:
            return None  # rotated, skewed or mirrored: left as it is
        return (c["y0"] - m[5]) / height

    found = [(c, descent(c)) for c in chars]
    sane = sorted(d for _, d in found if d is not None and _SANE_DESCENT[0] <= d <= _SANE_DESCENT[1])
    typical = sane[len(sane) // 2] if sane else -0.2
    for c, d in found:
        if d is None or _SANE_DESCENT[0] <= d <= _SANE_DESCENT[1]:
            continue
        shift = (typical - d) * (c["y1"] - c["y0"])
        c["y0"] += shift
        c["y1"] += shift
        for key in ("top", "bottom", "doctop"):
            if key in c:
                c[key] -= shift


def _deduped(page: Any) -> FilteredPage:
    """The page with fake-bold text (each character printed twice, a hair apart) printed once: what
    ``page.dedupe_chars()`` gives, the same characters in the same order, without its last step
    (``sorted(…, key=chars.index)``), which is quadratic in the page's characters — 22 % of a check's
    time on a 31-page file (issue 26)."""
    chars = page.chars
    position = {id(c): i for i, c in enumerate(chars)}
    same = itemgetter("upright", "text", "fontname", "size")
    kept = []
    for _, group in itertools.groupby(sorted(chars, key=same), key=same):
        alike = list(group)
        if len(alike) == 1:  # most glyphs: nothing to cluster
            kept.append(alike[0])
            continue
        for line in cluster_objects(alike, itemgetter("doctop"), 1):
            for spot in cluster_objects(line, itemgetter("x0"), 1):
                kept.append(min(spot, key=itemgetter("doctop", "x0")))
    deduped = FilteredPage(page, lambda _: True)
    deduped._objects = {**page.objects, "char": sorted(kept, key=lambda c: position[id(c)])}
    return deduped


def _read_pages(data: bytes, display: str, numbers: list[int]) -> list[PageContent]:
    """Read some pages of a PDF, closing each as soon as it is read (memory stays flat): pdfplumber
    gives each page's geometry and the methods the reader uses, PDFium its characters and graphics."""
    out = []
    with PDFIUM_LOCK, pdfplumber.open(BytesIO(data)) as pdf:
        document = pdfium.PdfDocument(data)
        try:
            for n in numbers:
                page = pdf.pages[n - 1]
                _upright_boxes(page)
                check_page_streams(page.page_obj)
                read = document[n - 1]
                try:
                    page._objects = page_objects(read, page, read.get_rotation())
                finally:
                    read.close()
                _on_baselines(page.chars)
                deduped = _deduped(page)
                try:
                    out.append(_PageReader(deduped, n, display).read())
                finally:
                    deduped.close()
                    page.close()
        finally:
            document.close()
    return out


_RUNNING = 3  # pages: a line printed in the same margin of this many pages (and of a quarter of them) runs on them


def _drop_running_heads(pages: list[PageContent]) -> None:
    """Running heads and feet (`苏州市交通运输局2026年度部门预算公开` atop every page) kept once, where
    they first appear: repeated, they would stand between a table and its continuation on the next
    page.  A caption (`单位：万元`, `部门：…`) or a line naming a table is never one."""
    def margin_lines(page: PageContent) -> list[RawLine]:
        top, bottom = page.box[1], page.box[3]
        height = bottom - top
        return [item for item in page.items if isinstance(item, RawLine) and item.location.bbox is not None
                and (item.location.bbox[3] < top + height * _MARGIN or item.location.bbox[1] > bottom - height * _MARGIN)]

    counts: dict[str, int] = {}
    for page in pages:
        for text in {squash(line.text) for line in margin_lines(page)}:
            counts[text] = counts.get(text, 0) + 1
    threshold = max(_RUNNING, sum(1 for p in pages if p.has_text) / 4)
    running = {text for text, n in counts.items()
               if n >= threshold and len(text) >= 4 and "表" not in text and not is_caption(text)}
    if not running:
        return
    seen: set[str] = set()
    for page in pages:
        drop = set()
        for line in margin_lines(page):
            text = squash(line.text)
            if text in running:
                if text in seen:
                    drop.add(id(line))
                seen.add(text)
        if drop:
            kept: list[Any] = []
            after = False
            for item in page.items:
                if id(item) in drop:
                    after = True
                    continue
                if after and isinstance(item, RawLine):
                    item.continues = False  # it went on from the running head, not from the line before it
                after = False
                kept.append(item)
            page.items = kept


def page_count(data: bytes) -> int:
    try:
        with pdfplumber.open(BytesIO(data)) as pdf:
            return len(pdf.pages)
    except PdfminerException as exc:
        raise LoadError(_reason(exc)) from None
    except Exception as exc:  # pdfminer raises many kinds of errors on a damaged file
        raise LoadError(_reason(exc)) from None


def _reason(exc: Exception) -> str:
    """One line, in plain words, for a PDF pdfminer could not read (its error, or the error pdfplumber wrapped)."""
    cause = exc.args[0] if isinstance(exc, PdfminerException) and exc.args else exc
    if isinstance(cause, LimitExceeded):
        return str(cause)
    name = type(cause).__name__
    if "Password" in name or "Encrypt" in name:
        return t("encrypted PDF: a password is needed to read it")
    text = str(cause)
    if "No /Root" in text or "really a PDF" in text:
        return t("not a PDF (no document structure)")
    if "EOF" in text:  # pdfminer's `Unexpected EOF`: said in plain words, not the parser's
        return t("incomplete PDF: the file ends too early (cut off while downloading or copying?)")
    return t("damaged PDF: its structure cannot be read")


def parse_pdf(data: bytes, display: str, jobs: int = 1) -> Document:
    """Load a PDF from its bytes (the ones the cache key was made of: the file is not opened again,
    so a file replaced meanwhile cannot leave its parse under another's key); pages are read in
    parallel (up to ``jobs`` processes, this one among them: it reads its share while the workers
    read theirs, so that no process waits idle holding memory) for long files, each process reading
    at least :data:`_PAGES_PER_PROCESS` pages (on many cores, a 60-page file is read by three)."""
    if not data.lstrip()[:1024].startswith(b"%PDF") and b"%PDF" not in data[:1024]:
        raise LoadError(t("not a PDF (no %PDF header)"))
    count = page_count(data)
    try:
        check_page_count(count)
    except LimitExceeded as exc:
        raise LoadError(str(exc)) from None
    numbers = list(range(1, count + 1))
    try:
        processes = min(jobs, count // _PAGES_PER_PROCESS)
        if processes > 1:
            chunks = [numbers[i::processes] for i in range(processes)]
            with process_pool(processes - 1) as pool:
                theirs = [pool.submit(_read_pages, data, display, chunk) for chunk in chunks[1:]]
                pages = _read_pages(data, display, chunks[0])
                pages = sorted(pages + [p for part in theirs for p in part.result()], key=lambda p: p.number)
        else:
            pages = _read_pages(data, display, numbers)
    except (PdfminerException, LimitExceeded) as exc:  # a stream past its bound: LimitExceeded, from check_page_streams
        raise LoadError(_reason(exc)) from None
    except pdfium.PdfiumError:  # a file pdfminer could open and PDFium cannot
        raise LoadError(t("damaged PDF: its structure cannot be read")) from None
    if not any(p.has_text for p in pages):
        raise LoadError(t("no text layer on any page (a scanned PDF?): OCR is not supported yet"))
    if all(p.sideways or not p.has_text for p in pages):
        raise LoadError(t("the text of every page runs sideways (pages rotated 90°?): rotate them upright and check again"))
    _drop_running_heads(pages)
    items = [item for p in pages for item in p.items]
    problems = [problem for p in pages for problem in p.problems]
    problems += off_page_problems(display, [(p.number, p.box, p.off_page, p.visible) for p in pages])
    return Document(path=display, blocks=assemble(items), pages=count, problems=problems)
