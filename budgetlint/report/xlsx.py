"""``--format xlsx``: the 检查结果 workbook an auditor files and hands back to each agency.

A summary sheet (汇总) has one row per disclosure — agency, 预算/决算, 部门/单位, year,
files, pages, tables found, findings by severity, the verdict — each linking to that
disclosure's sheet.  A disclosure's sheet is its 检查表 (:mod:`budgetlint.report.checklist`):
each required table and each area of checks with 符合要求 是/否, and under each 否 one
row per finding (rule, level, where, message, 列示, 应为, 差).  Headings are frozen and
filtered, so 否 rows can be picked out in Excel or WPS.
"""

from __future__ import annotations

import io
import re
from datetime import datetime

from budgetlint import __version__
from budgetlint.checks.base import where
from budgetlint.report.checklist import Disclosure, Item, disclosures, severity_name
from budgetlint.report.formats import Rendering
from budgetlint.understand.identity import KIND_NAMES, LEVEL_NAMES

_SUMMARY = "汇总"
_SUMMARY_HEADINGS = ("序号", "单位", "公开类型", "年度", "文件", "页数", "识别的表", "错误", "警告", "提示",
                     "结论", "检查表", "说明")
_ITEM_HEADINGS = ("序号", "检查项", "符合要求", "情况", "规则", "级别", "位置", "问题", "列示", "应为", "差")
_WIDEST = 60  # characters: longer text wraps
_SHEET_NAME_FORBIDDEN = re.compile(r"[\[\]:*?/\\']")
_FIXED_TIME = datetime(2000, 1, 1)  # the workbook's dates when timings are off: byte-stable metadata
_VERDICT_FILLS = {"通过": "DCFCE7", "需复核": "FEF3C7", "未通过": "FEE2E2", "无法检查": "E5E7EB"}


def _width(text: object) -> int:
    """Columns a text takes in a spreadsheet: CJK characters count twice."""
    return sum(2 if ord(c) > 0x2E7F else 1 for c in str(text))


def _sheet_names(items: list[Disclosure]) -> list[str]:
    """A sheet name per disclosure: its number and agency (or file), as Excel allows (31 characters,
    no []:*?/\\)."""
    names = []
    for n, d in enumerate(items, 1):
        label = d.identity.agency or d.paths[0].rsplit("/", 1)[-1]
        names.append(_SHEET_NAME_FORBIDDEN.sub("_", f"{n} {label}")[:31])
    return names


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


def _table(ws, first_row: int, headings: tuple[str, ...], rows: list[list[object]], styles: _Styles,
           wrapped: tuple[str, ...]) -> None:
    """Write a headed table with borders, a frozen filtered heading and fitted column widths."""
    from openpyxl.utils import get_column_letter

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


def _summary_rows(items: list[Disclosure], names: list[str]) -> list[list[object]]:
    rows = []
    for n, (d, name) in enumerate(zip(items, names), 1):
        identity = d.identity
        what = LEVEL_NAMES.get(identity.level or "", "") + KIND_NAMES.get(identity.kind or "", "")
        recognised = sum(t.kind is not None for t in d.tables)
        rows.append([
            n, identity.agency or "（未能识别）" if d.files else "", what or ("（未能识别）" if d.files else ""),
            identity.year, "\n".join(d.paths), d.pages, f"{recognised}/{len(d.tables)}" if d.files else None,
            d.count("error"), d.count("warning"), d.count("info"), d.verdict, name,
            d.error.message if d.error else None,
        ])
    return rows


def _item_rows(items: list[Item]) -> list[list[object]]:
    rows: list[list[object]] = []
    for n, item in enumerate(items, 1):
        head = [n, f"{item.section}：{item.name}", item.answer, item.note]
        if not item.findings:
            rows.append(head + [None] * 7)
        for v in item.findings:
            rows.append(head + [v.rule, severity_name(v.severity), where(v.subject.location), v.message,
                                v.reported or None, v.computed or None, v.difference])
    return rows


def _checklist_sheet(wb, d: Disclosure, name: str, styles: _Styles) -> None:
    ws = wb.create_sheet(name)
    ws.cell(row=1, column=1, value=f"{d.identity.label} 检查表").font = styles.title
    facts = [("文件", "；".join(d.paths)), ("页数", d.pages), ("结论", d.verdict),
             ("问题", f"错误 {d.count('error')} 处，警告 {d.count('warning')} 处，提示 {d.count('info')} 处")]
    if d.error is not None:
        facts.append(("说明", d.error.message))
    for r, (label, value) in enumerate(facts, 2):
        ws.cell(row=r, column=1, value=label).font = styles.label
        ws.cell(row=r, column=2, value=value)
    styles.verdict(ws.cell(row=4, column=2), d.verdict)
    back = ws.cell(row=len(facts) + 2, column=1, value=f"← 返回{_SUMMARY}")
    _link(back, _SUMMARY, styles)
    first = len(facts) + 4
    rows = _item_rows(d.items)
    _table(ws, first, _ITEM_HEADINGS, rows, styles, wrapped=("情况", "问题", "列示", "应为"))
    for r, row in enumerate(rows, first + 1):
        if row[2] != "是":
            ws.cell(row=r, column=3).font = styles.no


def render(rendering: Rendering) -> bytes:
    from openpyxl import Workbook

    items = disclosures(rendering.report, rendering.rules)
    names = _sheet_names(items)
    styles = _Styles()
    wb = Workbook()
    ws = wb.active
    ws.title = _SUMMARY
    ws.cell(row=1, column=1, value="budgetlint 检查结果").font = styles.title
    ws.cell(row=2, column=1, value=f"budgetlint {__version__}：{len(items)} 份公开文件，"
                                   f"{sum(d.verdict == '通过' for d in items)} 份通过")
    rows = _summary_rows(items, names)
    _table(ws, 4, _SUMMARY_HEADINGS, rows, styles, wrapped=("文件", "说明"))
    for r, (d, name) in enumerate(zip(items, names), 5):
        styles.verdict(ws.cell(row=r, column=11), d.verdict)
        _link(ws.cell(row=r, column=12), name, styles)
    for d, name in zip(items, names):
        _checklist_sheet(wb, d, name, styles)
    wb.properties.creator = f"budgetlint {__version__}"
    if not rendering.timing:
        wb.properties.created = wb.properties.modified = _FIXED_TIME
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()
