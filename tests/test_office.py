"""Word and Excel disclosures: read as a reader sees them, and checked as the text and PDF are."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest

from budgetlint.i18n import set_language
from budgetlint.lint import check_paths
from budgetlint.load import LoadError, load_document
from budgetlint.load.xlsx import number_text
from conftest import ROOT, lint

OFFICE = {  # text sample -> its Office files (samples/docx, samples/xlsx; scripts/make_sample_pdfs.py --office)
    "xixiang-2024": ["samples/docx/xixiang-2024.docx"],
    "zhangzhou-2024": ["samples/docx/zhangzhou-2024.docx"],
    "caizheng-2024-final": ["samples/docx/caizheng-2024-final.docx"],
    "shapotou-2023": ["samples/docx/shapotou-2023.docx"],
    "tongcheng-2024": ["samples/docx/tongcheng-2024.docx"],
    "taiqian-2023": ["samples/docx/taiqian-2023-text.docx", "samples/xlsx/taiqian-2023-tables.xlsx"],
    # the same workbook saved by LibreOffice as Excel 97-2003
    "taiqian-2023 as .xls": ["samples/docx/taiqian-2023-text.docx", "samples/xls/taiqian-2023-tables.xls"],
}
_POINTER = re.compile(r"（首见[^）]*）")  # BL401 names where the first listing is: a line, a page or a cell


def _findings(paths: list[str], rules, tmp_path: Path) -> set[tuple[str, str, str]]:
    """(rule, reported, computed) of checking ``paths`` copied into one folder (so that a 说明 file
    and a tables file are grouped as one disclosure, as an agency's folder would be)."""
    folder = tmp_path / "in"
    folder.mkdir(exist_ok=True)
    copies = []
    for path in paths:
        copies.append(folder / Path(path).name)
        shutil.copy(ROOT / path, copies[-1])
    report = check_paths([str(c) for c in copies], rules)
    assert not report.errors
    return {(v.rule, v.reported, _POINTER.sub("", v.computed)) for v in report.violations}


@pytest.mark.parametrize("name", sorted(OFFICE))
def test_the_office_files_give_the_findings_of_the_text(name, rules, tmp_path):
    source = ROOT / f"samples/text/{name.split()[0]}.txt"
    text = {(v.rule, v.reported, _POINTER.sub("", v.computed)) for v in lint(source, rules).violations}
    assert _findings(OFFICE[name], rules, tmp_path) == text


def test_a_docx_narrative_and_xlsx_tables_are_one_disclosure_each_finding_in_its_own_file(rules, tmp_path):
    _findings(OFFICE["taiqian-2023"], rules, tmp_path)
    report = check_paths([str(tmp_path / "in")], rules)
    assert len(report.files) == 2 and len({f.disclosure for f in report.files}) == 1
    bl101 = next(v for v in report.violations if v.rule == "BL101" and v.reported == "584.50")
    assert bl101.file.endswith("taiqian-2023-tables.xlsx") and bl101.computed == "605.50"
    assert bl101.subject.location.cell_name() == "一般公共预算支出预算表!G5"
    bl311 = next(v for v in report.violations if v.rule == "BL311" and v.reported == "96.3%")
    assert bl311.file.endswith("taiqian-2023-text.docx") and bl311.computed == "76.34%"
    assert (bl311.subject.location.line, bl311.subject.location.part) == (51, None)  # the 51st paragraph


@pytest.mark.parametrize("fmt, value, shown", [
    ("#,##0.00", 2393.6, "2,393.60"),
    ("0.00", 9.9, "9.90"),
    ("0.00%", 0.237, "23.70%"),
    ("0.0%", -0.0849, "-8.5%"),
    ("General", 2393.6100000000001, "2393.61"),
    ("General", 236.0, "236"),
    ("0.00_ ", 1.5, "1.50"),
    ('#,##0.00;[Red]\\-#,##0.00', -3.2, "-3.20"),
    ('#,##0.00"万元"', 18.2, "18.20"),
    ("#,##0,", 1234567, "1,235"),
    ("0", 12.4, "12"),
    ("0.00", -0.001, "0.00"),
])
def test_a_number_reads_as_its_format_shows_it(fmt, value, shown):
    assert number_text(value, fmt) == shown


def _gpb_workbook(path: Path, total, rows: list[tuple[str, str, float]], hidden: tuple[str, str, float] | None = None):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "表5"
    ws.append(["2024年一般公共预算支出表"])
    ws.merge_cells("A1:C1")
    ws.append(["部门名称：测试局", None, "单位：万元"])
    ws.append(["科目编码", "科目名称", "合计"])
    ws.append(["合计", None, total])
    for row in rows + ([hidden] if hidden else []):
        ws.append(list(row))
    if hidden:
        ws.row_dimensions[ws.max_row].hidden = True
    for cells in ws.iter_rows(min_row=4, min_col=3, max_col=3):
        cells[0].number_format = "#,##0.00"
    secret = wb.create_sheet("底稿")
    secret.append(["合计", 1, 2])
    secret.sheet_state = "hidden"
    wb.save(path)


def test_an_xlsx_table_is_read_with_its_caption_merged_title_and_formats(rules, tmp_path):
    path = tmp_path / "gpb.xlsx"
    _gpb_workbook(path, 1334.5, [("2101101", "行政单位医疗", 1234.5), ("2101501", "行政运行", 100.04)])
    document = load_document(path)
    (table,) = document.tables
    assert (table.title, table.unit_text, table.meta) == ("2024年一般公共预算支出表", "单位：万元", "部门名称：测试局")
    assert [c.text for c in table.body[1]] == ["2101101", "行政单位医疗", "1,234.50"]
    (v,) = [v for v in lint(path, rules).violations if v.rule == "BL101"]
    assert (v.reported, v.computed, v.subject.location.cell_name()) == ("1,334.50", "1,334.54", "表5!C4")


def test_hidden_rows_and_sheets_are_not_read(rules, tmp_path):
    path = tmp_path / "gpb.xlsx"
    _gpb_workbook(path, 1334.5, [("2101101", "行政单位医疗", 1234.5), ("2101501", "行政运行", 100)],
                  hidden=("2101599", "其他", 50))
    document = load_document(path)
    assert len(document.tables) == 1 and len(document.tables[0].body) == 3
    assert not [v for v in lint(path, rules).violations if v.rule == "BL101"]


def test_a_formula_excel_never_computed_is_an_input_finding_not_a_figure(rules, tmp_path):
    path = tmp_path / "gpb.xlsx"
    _gpb_workbook(path, "=SUM(C5:C6)", [("2101101", "行政单位医疗", 1234.5), ("2101501", "行政运行", 100)])
    found = lint(path, rules).violations
    assert not [v for v in found if v.rule == "BL101"]
    (problem,) = [v for v in found if v.rule == "BL001"]
    assert "表5!C4" in problem.message and "公式" in problem.message


_W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def _docx(path: Path, body: str) -> Path:
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", f'<w:document xmlns:w="{_W}"><w:body>{body}</w:body></w:document>')
    return path


def _p(*runs: str) -> str:
    return "<w:p>" + "".join(runs) + "</w:p>"


def _r(text: str) -> str:
    return f"<w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r>"


def test_a_docx_reads_what_a_reader_sees_of_tracked_changes_and_line_breaks(tmp_path):
    body = (_p(_r("本单位当年预算收入 "), "<w:del><w:r><w:delText>999</w:delText></w:r></w:del>",
               "<w:ins><w:r><w:t>236.88</w:t></w:r></w:ins>", _r(" 万元。"))
            + _p(_r("第一行"), "<w:r><w:br/></w:r>", _r("第二行")))
    document = load_document(_docx(tmp_path / "x.docx", body))
    texts = [p.text for p in document.paragraphs]
    assert texts == ["本单位当年预算收入 236.88 万元。", "第一行", "第二行"]
    assert (document.paragraphs[2].location.line, document.paragraphs[2].location.column) == (2, 5)


def test_a_docx_table_spans_repeat_across_and_are_blank_down(tmp_path):
    def tc(text: str, props: str = "") -> str:
        return f"<w:tc><w:tcPr>{props}</w:tcPr>{_p(_r(text))}</w:tc>"

    rows = [
        tc("科目", '<w:gridSpan w:val="2"/>') + tc("金额", '<w:vMerge w:val="restart"/>'),
        tc("编码") + tc("名称") + tc("", "<w:vMerge/>"),
        tc("210") + tc("卫生健康支出") + tc("100.00"),
    ]
    body = _p(_r("表1")) + "<w:tbl>" + "".join(f"<w:tr>{r}</w:tr>" for r in rows) + "</w:tbl>"
    (table,) = load_document(_docx(tmp_path / "t.docx", body)).tables
    first, second = table.header
    assert [(c.text, c.covered) for c in first] == [("科目", False), ("科目", True), ("金额", False)]
    assert (second[2].text, second[2].covered, second[2].location.cell_name()) == ("", True, "表格1!C1")
    assert table.body[0][2].location.cell_name() == "表格1!C3"


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


@pytest.mark.parametrize("content, message", [
    (OLE + b"\0" * 600 + "WordDocument".encode("utf-16-le"), "a Word 97-2003 file"),
    (OLE + b"\0" * 600 + "EncryptedPackage".encode("utf-16-le"), "password-protected"),
    (OLE + b"\0" * 600, "cut-off Office 97-2003 file"),  # an .xls cut off before its directory
    ((ROOT / "samples/xls/taiqian-2023-tables.xls").read_bytes()[:20_000], "cut-off Office 97-2003 file"),
    (b"PK\x03\x04 not really a zip", "damaged Office file"),
])
def test_old_encrypted_or_damaged_office_files_are_one_clear_error(content, message, tmp_path):
    set_language("en")
    path = tmp_path / "报表.xlsx"
    path.write_bytes(content)
    with pytest.raises(LoadError, match=message):
        load_document(path)


def test_a_zip_whose_parts_inflate_past_the_bound_is_not_read(tmp_path):
    path = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
        for i in range(5):
            z.writestr(f"xl/worksheets/sheet{i}.xml", b"0" * (60 * 2**20))
    assert path.stat().st_size < 2**20
    done = subprocess.run([sys.executable, "-m", "budgetlint", "check", "--lang", "en", str(path)], capture_output=True,
                          text=True)
    assert done.returncode == 2 and "decompression bomb" in done.stderr and "Traceback" not in done.stderr


def test_a_folder_checks_its_office_files(tmp_path):
    for path in OFFICE["taiqian-2023"]:
        shutil.copy(ROOT / path, tmp_path / Path(path).name)
    done = subprocess.run([sys.executable, "-m", "budgetlint", "check", "--format", "json", str(tmp_path)],
                          capture_output=True, text=True, cwd=ROOT)
    data = json.loads(done.stdout)
    assert sorted(Path(f["path"]).suffix for f in data["files"]) == [".docx", ".xlsx"] and not data["skipped"]


def test_a_docx_with_entity_expansion_is_refused_in_one_line(tmp_path):
    bomb = ('<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">'
            '<!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;">]>'
            f'<w:document xmlns:w="{_W}"><w:body><w:p><w:r><w:t>&c;</w:t></w:r></w:p></w:body></w:document>')
    path = tmp_path / "laughs.docx"
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("word/document.xml", bomb)
    set_language("en")
    with pytest.raises(LoadError, match="damaged Word file: EntitiesForbidden"):
        load_document(path)


def test_a_sheet_spanning_a_million_cells_is_not_read_and_says_so(rules, tmp_path):
    path = tmp_path / "wide.xlsx"
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.title = "表1"
    ws["A1"] = "2024年一般公共预算支出表"
    ws["XFD1048576"] = 1
    wb.create_sheet("说明")["A1"] = "本部门2024年预算说明。"
    wb.save(path)
    (problem,) = [v for v in lint(path, rules).violations if v.rule == "BL001"]
    assert "表1" in problem.message and "未读取" in problem.message
    del wb["说明"]
    wb.save(path)
    with pytest.raises(LoadError, match="超过 1000000 格，未读取"):  # the only sheet: why nothing was read
        load_document(path)


def test_findings_in_a_word_documents_tables_come_in_the_tables_order():
    from budgetlint.model import Location

    places = [Location("d.docx", line=1, part="表格10"), Location("d.docx", line=9, part="表格2"),
              Location("d.docx", line=40, column=3), Location("d.docx", line=2, part="表格2")]
    assert [(p.part, p.line) for p in sorted(places, key=Location.sort_key)] == \
        [(None, 40), ("表格2", 2), ("表格2", 9), ("表格10", 1)]
