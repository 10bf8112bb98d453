"""``--format xlsx``: the 检查结果 workbook an auditor files and hands back to each agency.

A summary sheet (汇总) has one row per disclosure — agency, 预算/决算, 部门/单位, year,
files, pages, tables found, findings by severity, the verdict — each linking to that
disclosure's sheet.  A disclosure's sheet is its 检查表 (:mod:`budgetlint.report.checklist`)
as a district writes it: a header (agency, kind, files, a 公开网址 to fill in), then a row per
part of the document and per required table with 符合要求 是/否, every problem of the row in
one cell (rule, page, message, 列示/应为/差) and a picture of the first one's place.  In 宋体,
fit to the page's width for printing; headings are frozen and filtered, so 否 rows can be
picked out in Excel or WPS.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import PurePath
from datetime import datetime

from budgetlint import __version__
from budgetlint.checks.base import where
from budgetlint.i18n import t
from budgetlint.engine.pack import RuleSet
from budgetlint.report.checklist import (FAILED, PASSED, REVIEW, UNREAD, Disclosure, Item, compared_note, disclosures,
                                         verdict_text, worded)
from budgetlint.report.formats import Rendering
from budgetlint.report.pictures import PagePictures
from budgetlint.report.result import Violation
from budgetlint.report.text import percent, series_labels

_SUMMARY_HEADINGS = ("no.", "agency", "disclosure", "year", "file", "pages", "tables recognised", "errors", "warnings",
                     "notes", "verdict", "checklist", "note", "tables understood", "checked", "compared in")
_ITEM_HEADINGS = ("no.", "item", "meets requirements", "state", "problems", "rule", "picture")
_PICTURE_WIDTH = 420  # pixels: a page's band beside its item, legible when printed
_WIDEST = 60  # characters: longer text wraps
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\']")
_TYPEFACE = "宋体"
_FIXED_TIME = datetime(2000, 1, 1)  # the workbook's dates when timings are off: byte-stable metadata
_VERDICT_FILLS = {PASSED: "DCFCE7", REVIEW: "FEF3C7", FAILED: "FEE2E2", UNREAD: "E5E7EB"}


def _width(text: object) -> int:
    """Columns a text takes in a spreadsheet: CJK characters count twice."""
    return sum(2 if ord(c) > 0x2E7F else 1 for c in str(text))


def _sheet_names(items: list[Disclosure]) -> list[str]:
    """A sheet name per disclosure that tells it from the others: its agency and kind
    (`上海市普陀区司法局-部门预算`, `…-单位预算`), with the year where one agency's kinds repeat, else its
    file's name; as Excel allows (31 characters, no []:*?/\\, each once)."""

    def label(d: Disclosure, with_year: bool) -> str:
        what = d.identity.what(with_year=with_year)
        agency = d.identity.agency or PurePath(d.paths[0]).name
        return f"{agency}-{what}" if what else agency

    plain = [label(d, False) for d in items]
    names: list[str] = [t("summary")]
    for d, name in zip(items, plain):
        name = _SHEET_NAME_FORBIDDEN.sub("_", label(d, True) if plain.count(name) > 1 else name)[:31]
        unique, n = name, 2
        while unique in names:
            unique, n = f"{name[:27]} ({n})", n + 1
        names.append(unique)
    return names[1:]


class _Styles:
    def __init__(self) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Side

        thin = Side(style="thin", color="D1D5DB")
        self.border = Border(left=thin, right=thin, top=thin, bottom=thin)
        self.heading = Font(bold=True, color="FFFFFF")
        self.heading_fill = PatternFill("solid", fgColor="374151")
        self.title = Font(bold=True, size=14)
        self.label = Font(bold=True)
        self.link = Font(color="2563EB", underline="single")
        self.wrap = Alignment(wrap_text=True, vertical="top")
        self.top = Alignment(vertical="top")
        self.no = Font(bold=True, color="B91C1C")
        self.fill = PatternFill

    def verdict(self, cell, verdict: str) -> None:
        cell.fill = self.fill("solid", fgColor=_VERDICT_FILLS.get(verdict, "FFFFFF"))


def _link(cell, sheet: str, styles: _Styles) -> None:
    """Make ``cell`` a link to the top of another sheet of the workbook (an internal location, which
    Excel and WPS follow without asking)."""
    from openpyxl.worksheet.hyperlink import Hyperlink

    cell.hyperlink = Hyperlink(ref=cell.coordinate, location=f"'{sheet}'!A1")
    cell.font = styles.link


def _table(ws, first_row: int, keys: tuple[str, ...], rows: list[list[object]], styles: _Styles,
           wrapped: tuple[str, ...]) -> None:
    """Write a headed table with borders, a frozen filtered heading and fitted column widths;
    ``keys`` are the headings before translation, ``wrapped`` the keys of columns whose text wraps."""
    from openpyxl.utils import get_column_letter

    headings = tuple(t(k) for k in keys)
    wrapped = tuple(t(k) for k in wrapped)
    for col, heading in enumerate(headings, 1):
        cell = ws.cell(row=first_row, column=col, value=heading)
        cell.font, cell.fill, cell.border = styles.heading, styles.heading_fill, styles.border
    for r, row in enumerate(rows, first_row + 1):
        for col, value in enumerate(row, 1):
            cell = ws.cell(row=r, column=col, value=value)
            cell.border = styles.border
            cell.alignment = styles.wrap if headings[col - 1] in wrapped else styles.top
    last = get_column_letter(len(headings))
    ws.freeze_panes = ws.cell(row=first_row + 1, column=1)
    ws.auto_filter.ref = f"A{first_row}:{last}{first_row + max(len(rows), 1)}"
    for col, heading in enumerate(headings, 1):
        widest = max([_width(heading)] + [_width(row[col - 1]) for row in rows if row[col - 1] is not None])
        ws.column_dimensions[get_column_letter(col)].width = min(widest, _WIDEST) + 2


def _as_text(wb) -> None:
    """Keep every cell text that openpyxl would store as a formula: budgetlint writes none, so a
    value beginning with `=` is a document's or a file name's (`=HYPERLINK(…)`, `=1+1.txt`) and
    must not run when the auditor opens the workbook (OWASP, CSV/formula injection)."""
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                if cell.data_type == "f":
                    cell.data_type = "s"


def _typeface(wb) -> None:
    """Every cell in 宋体, the typeface of the district's printed forms."""
    from openpyxl.styles import Font

    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for cell in row:
                font = cell.font
                cell.font = Font(name=_TYPEFACE, b=font.b, sz=font.sz, color=font.color, u=font.u)


def _summary_rows(items: list[Disclosure], names: list[str], series: dict[str, str]) -> list[list[object]]:
    """A row per disclosure; ``series``: the series each file is compared in (budgetlint.series)."""
    rows = []
    for n, (d, name) in enumerate(zip(items, names), 1):
        identity = d.identity
        unknown = t("(not recognised)") if d.files else ""
        recognised = sum(table.kind is not None for table in d.tables)
        rows.append([
            n, identity.agency or unknown, identity.what() or unknown,
            identity.year, "\n".join(d.names), d.pages, f"{recognised}/{len(d.tables)}" if d.files else None,
            d.count("error"), d.count("warning"), d.count("info"), verdict_text(d.verdict), name,
            d.error.message if d.error else None,
            f"{d.coverage.understood}/{d.coverage.tables}" if d.coverage.tables else None,
            percent(d.coverage.ratio) or None,
            series.get(d.paths[0]),
        ])
    return rows


def _problem(v: Violation) -> str:
    """One finding as a line of its item's cell: level, rule, place, message, and for arithmetic the
    figures (`（列示 584.50，应为 605.50，差 -21.00）`)."""
    figures = ""
    if v.difference is not None:
        parts = [t("{label} {value}", label=t(label), value=value)
                 for label, value in (("reported", v.reported), ("should be", v.computed), ("difference", v.difference))]
        figures = t(" ({parts})", parts=t(", ").join(parts))
    return f"[{t(v.severity)}] {v.rule} {where(v.subject.location)}{t(': ')}{v.message}{figures}"


def _item_rows(items: list[Item]) -> list[list[object]]:
    """A row per item: 符合要求, where it is, and every problem of the item in one cell."""
    return [[n, item.name, item.answer, item.note, "\n".join(_problem(v) for v in item.findings) or None,
             " ".join(dict.fromkeys(v.rule for v in item.findings)) or None, None]
            for n, item in enumerate(items, 1)]


def _picture(ws, row: int, column: int, item: Item, pictures: PagePictures) -> None:
    """The page of the item's first finding on a PDF page, in the row (which grows to hold it)."""
    from openpyxl.drawing.image import Image

    v = next((v for v in item.findings if v.subject.location.page and v.subject.location.bbox
              and v.subject.location.file.lower().endswith(".pdf")), None)
    if v is None:
        return
    related = [r for r in v.related if r.location.file == v.subject.location.file and r.location.page == v.subject.location.page]
    data = pictures.png(v.subject.location.file, v.subject.location.page, v.subject, related)
    if data is None:
        return
    image = Image(io.BytesIO(data))
    scale = min(1.0, _PICTURE_WIDTH / image.width)
    image.width, image.height = round(image.width * scale), round(image.height * scale)
    ws.add_image(image, ws.cell(row=row, column=column).coordinate)
    ws.row_dimensions[row].height = max(ws.row_dimensions[row].height or 15, image.height * 0.75 + 4)
    ws.column_dimensions[ws.cell(row=row, column=column).column_letter].width = _PICTURE_WIDTH / 7 + 2


def _checklist_sheet(wb, d: Disclosure, name: str, styles: _Styles, sheets: dict[str, str], rules: RuleSet,
                     pictures: PagePictures) -> None:
    """The disclosure's 检查表: a header naming it (and a 公开网址 to fill in), then a row per item;
    a problem that rests on another disclosure's figures (a series') links to that disclosure's sheet
    (``sheets``: each file's)."""
    ws = wb.create_sheet(name)
    ws.cell(row=1, column=1, value=t("{label} checklist", label=d.identity.label)).font = styles.title
    facts = [(worded(t("department name"), d.identity), d.identity.agency or t("(not recognised)")),
             (t("disclosure"), d.identity.what(with_year=True) or t("(not recognised)")),
             (t("file"), t("; ").join(d.names)), (t("web address"), None), (t("pages"), d.pages),
             (t("verdict"), verdict_text(d.verdict)),
             (t("problems"), t("{errors} errors, {warnings} warnings, {notes} notes", errors=d.count("error"),
                               warnings=d.count("warning"), notes=d.count("info")))]
    if d.coverage.figures:
        facts.append((t("checked"), t("{checked} of {figures} table figures ({percent}), {understood} of {tables} "
                                      "tables understood", checked=d.coverage.checked, figures=d.coverage.figures,
                                      percent=percent(d.coverage.ratio), understood=d.coverage.understood,
                                      tables=d.coverage.tables)))
    if compared_note(d, rules):
        facts.append((t("cross-document checks"), compared_note(d, rules)))
    if d.error is not None:
        facts.append((t("note"), d.error.message))
    for r, (label, value) in enumerate(facts, 2):
        ws.cell(row=r, column=1, value=label).font = styles.label
        ws.cell(row=r, column=2, value=value)
        if label == t("web address"):
            ws.cell(row=r, column=2).fill = styles.fill("solid", fgColor="FFFBEB")  # to be filled in
        if label == t("verdict"):
            styles.verdict(ws.cell(row=r, column=2), d.verdict)
    summary = t("summary")
    _link(ws.cell(row=len(facts) + 2, column=1, value=t("← back to {sheet}", sheet=summary)), summary, styles)
    first = len(facts) + 4
    _table(ws, first, _ITEM_HEADINGS, _item_rows(d.items), styles, wrapped=("item", "state", "problems"))
    picture = _ITEM_HEADINGS.index("picture") + 1
    for r, item in enumerate(d.items, first + 1):
        if item.verdict is not True:
            ws.cell(row=r, column=3).font = styles.no
        other = next((sheets[ref.location.file] for v in item.findings for ref in v.related
                      if ref.location.file in sheets and sheets[ref.location.file] != name), None)
        if other is not None:
            _link(ws.cell(row=r, column=_ITEM_HEADINGS.index("problems") + 1), other, styles)
        _picture(ws, r, picture, item, pictures)
    ws.print_title_rows = f"{first}:{first}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth, ws.page_setup.fitToHeight = 1, 0
    ws.sheet_properties.pageSetUpPr.fitToPage = True


def render(rendering: Rendering) -> bytes:
    from openpyxl import Workbook

    items = disclosures(rendering.report, rendering.rules)
    names = _sheet_names(items)
    styles = _Styles()
    wb = Workbook()
    ws = wb.active
    ws.title = t("summary")
    ws.cell(row=1, column=1, value=t("budgetlint results")).font = styles.title
    ws.cell(row=2, column=1, value=t("budgetlint {version}: {n} disclosures, {passed} passed", version=__version__,
                                     n=len(items), passed=sum(d.verdict == PASSED for d in items)))
    rows = _summary_rows(items, names, series_labels(rendering.report))
    _table(ws, 4, _SUMMARY_HEADINGS, rows, styles, wrapped=("file", "note"))
    verdict, checklist = _SUMMARY_HEADINGS.index("verdict") + 1, _SUMMARY_HEADINGS.index("checklist") + 1
    for r, (d, name) in enumerate(zip(items, names), 5):
        styles.verdict(ws.cell(row=r, column=verdict), d.verdict)
        _link(ws.cell(row=r, column=checklist), name, styles)
    sheets = {path: name for d, name in zip(items, names) for path in d.paths}
    pictures = PagePictures()
    try:
        for d, name in zip(items, names):
            _checklist_sheet(wb, d, name, styles, sheets, rendering.rules, pictures)
    finally:
        pictures.close()
    _as_text(wb)
    _typeface(wb)
    wb.properties.creator = f"budgetlint {__version__}"
    if not rendering.timing:
        wb.properties.created = _FIXED_TIME
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue() if rendering.timing else _dated(buffer.getvalue(), _FIXED_TIME)


_MODIFIED = re.compile(rb"(<dcterms:modified[^>]*>)[^<]*(</dcterms:modified>)")


def _dated(data: bytes, when: datetime) -> bytes:
    """The workbook dated ``when`` throughout: openpyxl dates its zip members and the document's
    `modified` when it saves, and a report of the same findings must be the same bytes."""
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode()
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for member in source.infolist():
            content = source.read(member)
            if member.filename == "docProps/core.xml":
                content = _MODIFIED.sub(rb"\g<1>" + stamp + rb"\g<2>", content)
            info = zipfile.ZipInfo(member.filename, date_time=when.timetuple()[:6])
            info.compress_type = zipfile.ZIP_DEFLATED
            target.writestr(info, content)
    return out.getvalue()
