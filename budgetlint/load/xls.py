"""Excel 97-2003 workbooks (.xls), still common in budget offices, read with python-calamine.

The sheets are read as :mod:`budgetlint.load.xlsx` reads a workbook — visible sheets, merged
cells, the same lines and table parts — with one difference: calamine gives a cell's value but
not its number format, so a number reads as Excel's General format shows it (`2444.5` for a
cell printed `2,444.50`).  Its interval is then the wider one of the digits given, which can
hide a difference in the last printed digit but never makes one up.
"""

from __future__ import annotations

from io import BytesIO

from budgetlint.i18n import t
from budgetlint.load import LoadError
from budgetlint.load.assemble import RawLine, RawTable, assemble
from budgetlint.load.xlsx import cell_text, merged_origins, sheet_items, sheet_rows, too_large
from budgetlint.model import Document, Problem


def parse_xls(data: bytes, path: str) -> Document:
    import python_calamine

    try:
        workbook = python_calamine.CalamineWorkbook.from_filelike(BytesIO(data))
        visible = [m.name for m in workbook.sheets_metadata
                   if m.visible == python_calamine.SheetVisibleEnum.Visible
                   and m.typ == python_calamine.SheetTypeEnum.WorkSheet]
        items: list[RawLine | RawTable] = []
        problems: list[Problem] = []
        for name in visible:
            sheet = workbook.get_sheet_by_name(name)
            height, width = sheet.end[0] + 1 if sheet.end else 0, sheet.end[1] + 1 if sheet.end else 0
            large = too_large(name, path, height, width)
            if large is not None:
                problems.append(large)
                continue
            values = sheet.to_python(skip_empty_area=False)
            spans = [(top + 1, left + 1, bottom + 1, right + 1) for (top, left), (bottom, right)
                     in sheet.merged_cell_ranges or []]

            def text(row: int, column: int, values=values) -> str:
                line = values[row - 1] if row <= len(values) else []
                return cell_text(line[column - 1] if column <= len(line) else None, "General")

            items.extend(sheet_items(sheet_rows(name, path, height, width, text, merged_origins(spans))))
    except python_calamine.PasswordError:
        raise LoadError(t("a password-protected Excel file: save it without a password and check that")) from None
    except (python_calamine.CalamineError, python_calamine.XmlError, python_calamine.ZipError, ValueError) as exc:
        raise LoadError(t("a damaged Excel 97-2003 file: {reason}", reason=str(exc)[:200])) from None
    if not items:  # a sheet too large to read says why; else there was nothing to read
        raise LoadError(problems[0].text if problems else t("no visible sheet holds any text"))
    return Document(path=path, blocks=assemble(items), problems=problems)
