"""Excel disclosures (.xlsx): each visible sheet's tables and caption lines, as a reader sees them.

Agencies prepare their tables in Excel and often publish the workbook as it is, a table a
sheet: a title row merged across the sheet, a row with `部门名称：…` and `单位：万元`, header
rows with merged cells, the body, notes below.  Each cell is read as the sheet shows it,
its number in its number format (`#,##0.00` shows 2393.6 as `2,393.60`; a figure's decimals
decide its interval), and located as `公开01表!C5`.

Rows are read top to bottom: a row of one text (a title, a note) or of caption texts only
(`部门名称：…` | `单位：万元`) is a line; the first other row starts a table, which goes on to
the next blank row or note; :mod:`budgetlint.load.assemble` then attaches the captions and
notes and joins a table continued on the next sheet, as for every other format.  Merged
cells: the positions a cell covers to its right repeat its text, those below are blank.
Hidden sheets and hidden rows are not read (a reader of the workbook does not see them).  A
formula whose result Excel never saved cannot be known: the cell shows the formula (never a
figure) and the sheet gets an input finding.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time
from io import BytesIO
from typing import Any, Callable

from budgetlint.i18n import t
from budgetlint.load import LoadError
from budgetlint.load.assemble import RawLine, RawTable, assemble, is_caption
from budgetlint.load.limits import MAX_SHEET_CELLS, LimitExceeded, check_cells
from budgetlint.load.office import open_package, part_error, read_part
from budgetlint.model import Cell, Document, Location, Problem
from budgetlint.textnorm import printable

_NOTE = re.compile(r"^\s*(注|说明|备注)\s*[:：1-9一]")
_QUOTED = re.compile(r'"[^"]*"|\\.|\[[^\]]*\]|_.|\*.')
_DIGITS = re.compile(r"[0#?][0#?,]*(?:\.([0#?]*))?|\.([0#?]+)")
_GENERAL_DIGITS = 11  # significant digits Excel's General format shows in a cell


def number_text(value: float, number_format: str) -> str:
    """A number as a cell with this format shows it: decimals, thousands separators, percent."""
    section = number_format.split(";")[0]
    shape = _QUOTED.sub("", section)
    digits = _DIGITS.search(shape)
    if section.strip() in ("", "General", "@") or digits is None or "E" in shape.upper():
        return _general(value)
    decimals = len(digits.group(1) or digits.group(2) or "")
    integer = digits.group(0).split(".")[0]
    grouped = "," in integer.rstrip(",")
    scale = 1000 ** (len(integer) - len(integer.rstrip(",")))
    percent = "%" in shape
    shown = abs(value) * (100 if percent else 1) / scale
    text = f"{shown:,.{decimals}f}" if grouped else f"{shown:.{decimals}f}"
    negative = value < 0 and any(ch != "0" for ch in text if ch.isdigit())
    return ("-" if negative else "") + text + ("%" if percent else "")


def _general(value: float) -> str:
    if float(value).is_integer():
        return str(int(value))
    text = f"{value:.{_GENERAL_DIGITS}g}"
    return f"{value:.10f}".rstrip("0") if "e" in text else text


def cell_text(value: Any, number_format: str) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (int, float)):
        return number_text(value, number_format or "General")
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time() else value.isoformat(sep=" ")
    if isinstance(value, (date, time)):
        return value.isoformat()
    return printable(str(value)).strip()


def merged_origins(spans: list[tuple[int, int, int, int]]) -> dict[tuple[int, int], tuple[int, int]]:
    """For each position inside a merged cell but not its top-left, that top-left (1-based
    row, column); ``spans`` are (first row, first column, last row, last column)."""
    origins = {}
    for top, left, bottom, right in spans:
        for r in range(top, bottom + 1):
            for c in range(left, right + 1):
                if (r, c) != (top, left):
                    origins[(r, c)] = (top, left)
    return origins


def sheet_rows(name: str, path: str, height: int, width: int, text: Callable[[int, int], str],
               merged: dict[tuple[int, int], tuple[int, int]], hidden_rows: set[int] = frozenset(),
               hidden_columns: set[int] = frozenset()) -> list[tuple[int, list[Cell]]]:
    """A sheet's visible rows, numbered as Excel numbers them, each as wide as the sheet: the
    positions a merged cell covers to the right of its top-left repeat its text, those below are
    blank."""
    def at(row: int, column: int) -> Location:
        return Location(path, line=row, column=column, part=name)

    out = []
    for r in range(1, height + 1):
        if r in hidden_rows:
            continue
        cells = []
        for c in range(1, width + 1):
            if c in hidden_columns:
                continue
            origin = merged.get((r, c))
            if origin is None:
                cells.append(Cell(text(r, c), at(r, c)))
            elif origin[0] == r:  # merged across from the left: its text labels this column too
                cells.append(Cell(text(*origin), at(*origin), covered=True))
            else:
                cells.append(Cell("", at(*origin), covered=True))
        out.append((r, cells))
    return out


def _rows(ws: Any, path: str, formulas: Any | None, problems: list[Problem]) -> list[tuple[int, list[Cell]]]:
    """An openpyxl worksheet's rows; a formula without a saved result shows as its formula."""
    from openpyxl.utils import get_column_letter

    def text(row: int, column: int) -> str:
        cell = ws.cell(row=row, column=column)
        if cell.value is None and formulas is not None:
            formula = formulas.cell(row=row, column=column).value
            if isinstance(formula, str) and formula.startswith("="):
                problems.append(Problem(
                    "{cell}'s formula has no saved result (open and save the workbook in Excel, then check again)",
                    Location(path, line=row, column=column, part=ws.title), formula,
                    values={"cell": f"{ws.title}!{cell.coordinate}"}))
                return formula
        return cell_text(cell.value, cell.number_format)

    spans = [(m.min_row, m.min_col, m.max_row, m.max_col) for m in ws.merged_cells.ranges]
    hidden_rows = {r for r, d in ws.row_dimensions.items() if d.hidden}
    hidden_columns = {c for c in range(1, ws.max_column + 1)
                      if (d := ws.column_dimensions.get(get_column_letter(c))) is not None and d.hidden}
    return sheet_rows(ws.title, path, ws.max_row, ws.max_column, text, merged_origins(spans), hidden_rows,
                      hidden_columns)


def too_large(name: str, path: str, height: int, width: int) -> Problem | None:
    """The input finding for a sheet spanning more cells than :data:`MAX_SHEET_CELLS`, which is not read."""
    if height * width <= MAX_SHEET_CELLS:
        return None
    return Problem("sheet 「{name}」 spans {height} rows × {width} columns, over {limit} cells: it was not read",
                   Location(path, line=1, column=1, part=name), "sheet too large", unread=True,
                   values={"name": name, "height": height, "width": width, "limit": MAX_SHEET_CELLS})


def _own(row: list[Cell]) -> list[Cell]:
    """The cells that print text of their own (not a merged cell's other positions)."""
    return [c for c in row if c.text and not c.covered]


def sheet_items(rows: list[tuple[int, list[Cell]]]) -> list[RawLine | RawTable]:
    """Lines and table parts of one sheet, top to bottom."""
    items: list[RawLine | RawTable] = []
    table: list[list[Cell]] = []

    def flush() -> None:
        if table:
            used = [i for i in range(len(table[0])) if any(row[i].text for row in table)]
            left, right = used[0], used[-1] + 1
            items.append(RawTable([row[left:right] for row in table], table[0][left].location))
            table.clear()

    for _, row in rows:
        own = _own(row)
        if not own:
            flush()
        elif table and not (len(own) == 1 and _NOTE.match(own[0].text)):
            table.append(row)
        elif len(own) >= 2 and not all(is_caption(c.text) for c in own):
            flush()
            table.append(row)
        else:
            flush()
            items.extend(RawLine(c.text, c.location, [(0, c.location)]) for c in own)
    flush()
    return items


def parse_xlsx(data: bytes, path: str) -> Document:
    """Load a workbook into the document model: its visible sheets in order."""
    from openpyxl import load_workbook

    cells, has_formulas = 0, False
    with open_package(data) as package:
        for name in package.namelist():
            if name.startswith("xl/worksheets/"):
                xml = read_part(package, name)
                cells += xml.count(b"<c ") + xml.count(b"<c>")
                has_formulas = has_formulas or b"<f>" in xml or b"<f " in xml
    try:
        check_cells(cells)
    except LimitExceeded as exc:
        raise LoadError(str(exc)) from None
    try:
        workbook = load_workbook(BytesIO(data), data_only=True)
        formulas = load_workbook(BytesIO(data), data_only=False) if has_formulas else None
    except Exception as exc:  # openpyxl raises many kinds on damaged parts; one line for the user
        raise part_error(exc, "Excel") from None
    items: list[RawLine | RawTable] = []
    problems: list[Problem] = []
    for ws in workbook.worksheets:
        if ws.sheet_state != "visible":
            continue
        large = too_large(ws.title, path, ws.max_row, ws.max_column)
        if large is not None:
            problems.append(large)
            continue
        items.extend(sheet_items(_rows(ws, path, formulas[ws.title] if formulas is not None else None, problems)))
    if not items:  # a sheet too large to read says why; else there was nothing to read
        raise LoadError(problems[0].text if problems else t("no visible sheet holds any text"))
    return Document(path=path, blocks=assemble(items), problems=problems)
