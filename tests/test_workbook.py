"""The 检查结果 workbook (--format xlsx) and the CSV, read back as a person's spreadsheet reads them."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

import openpyxl
import pytest

from budgetlint.i18n import set_language
from budgetlint.lint import check_paths
from budgetlint.report.formats import Rendering, renderer
from conftest import ROOT

TEXT = "samples/text/taiqian-2023.txt"
BROKEN = "tests/data/empty.pdf"


@pytest.fixture(scope="module")
def report(rules):
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)
        return check_paths([TEXT, BROKEN], rules)


@pytest.fixture(scope="module")
def workbook(report, rules):
    data = renderer("xlsx")(Rendering(report, rules, timing=False))
    return openpyxl.load_workbook(io.BytesIO(data))


def _rows(sheet, heading: str) -> list[dict]:
    """The rows under the heading row that starts with ``heading``, as dicts by heading."""
    rows = list(sheet.iter_rows(values_only=True))
    start = next(i for i, row in enumerate(rows) if row[0] == heading)
    names = rows[start]
    return [dict(zip(names, row)) for row in rows[start + 1:]]


def test_summary_has_a_row_per_disclosure_with_identity_counts_and_verdict(workbook, report):
    summary = _rows(workbook["汇总"], "序号")
    taiqian, broken = summary
    assert (taiqian["单位"], taiqian["公开类型"], taiqian["年度"]) == ("台前县医疗保障局", "部门预算", 2023)
    errors = sum(v.severity == "error" for v in report.violations if v.file == TEXT)
    assert errors > 0 and taiqian["错误"] == errors
    assert taiqian["结论"] == "未通过"
    assert broken["文件"] == "empty.pdf" and broken["结论"] == "无法检查" and broken["说明"]  # a name, not a path


def test_summary_links_each_disclosure_to_its_sheet(workbook):
    sheet = workbook["汇总"]
    rows = list(sheet.iter_rows(min_row=5))
    link = rows[0][11]
    target = link.value
    assert link.hyperlink.location == f"'{target}'!A1" and target in workbook.sheetnames
    assert sheet.freeze_panes == "A5" and sheet.auto_filter.ref.startswith("A4:")


def test_a_finding_sits_in_its_tables_row_with_reported_computed_and_difference(workbook):
    sheet = workbook[workbook.sheetnames[1]]
    items = {r["检查项"]: r for r in _rows(sheet, "序号") if r["检查项"]}
    row = items["部门预算表：一般公共预算支出表"]
    assert row["符合要求"] == "否" and "BL101" in row["规则"].split()
    problem = next(line for line in row["问题"].splitlines() if "BL101" in line and "584.50" in line)
    assert problem.startswith("[错误] BL101 第317行：") and problem.endswith("（列示 584.50，应为 605.50，差 -21.00）")


def test_each_item_is_one_row_and_each_finding_is_listed_once(workbook, report):
    items = _rows(workbook[workbook.sheetnames[1]], "序号")
    names = [r["检查项"] for r in items if r["检查项"]]
    assert len(names) == len(set(names))  # no item repeated on several rows
    assert sum(n.startswith("部门预算表：") for n in names) == 8  # the 规程's eight tables of a 部门预算
    answers = {r["检查项"]: r["符合要求"] for r in items if r["检查项"]}
    assert answers["部门预算表：部门收入总表"] == "是" and answers["及时性"] == "无法判断"
    assert answers["目录"] == "否"  # BL503: the contents lists 支出经济分类汇总表, which is not printed
    listed = sorted(line.split("：")[0] for r in items if r["问题"] for line in r["问题"].splitlines())
    found = sorted(f"[错误] {v.rule} 第{v.subject.location.line}行" for v in report.violations if v.file == TEXT)
    assert listed == found


def test_the_header_names_the_agency_and_leaves_the_web_address_to_fill_in(workbook):
    sheet = workbook[workbook.sheetnames[1]]
    header = {row[0]: row[1] for row in sheet.iter_rows(min_row=2, max_row=12, values_only=True) if row[0]}
    assert header["部门名称"] == "台前县医疗保障局" and header["公开类型"] == "2023年部门预算"
    assert "公开网址" in header and header["公开网址"] is None
    assert header["文件"] == "taiqian-2023.txt"
    assert sheet.page_setup.orientation == "landscape" and sheet.page_setup.fitToWidth == 1
    assert sheet["A1"].font.name == "宋体"


def test_csv_is_one_row_a_finding_that_excel_reads_as_utf8(report, rules):
    """In the run's language, headings and severities included (an auditor's spreadsheet)."""
    text = renderer("csv")(Rendering(report, rules))
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert len(rows) == len(report.violations)
    row = next(r for r in rows if r["规则"] == "BL101" and r["列示"] == "584.50")
    assert (row["文件"], row["单位"], row["计算值"], row["级别"]) == (TEXT, "台前县医疗保障局", "605.50", "错误")
    assert row["行号"] and row["页码"] == ""
    set_language("en")
    try:
        english = list(csv.DictReader(io.StringIO(renderer("csv")(Rendering(report, rules))[1:])))
    finally:
        set_language("zh")
    assert any(r["rule"] == "BL101" and r["reported"] == "584.50" and r["severity"] == "error" for r in english)


def test_the_workbook_is_not_written_to_a_terminal_but_to_a_file(tmp_path):
    target = tmp_path / "检查结果.xlsx"
    done = subprocess.run([sys.executable, "-m", "budgetlint", "check", TEXT, "--format", "xlsx", "-o", str(target)],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 1 and not done.stdout
    assert openpyxl.load_workbook(target).sheetnames[0] == "汇总"


@pytest.fixture(scope="module")
def formula_named(rules, tmp_path_factory):
    """The sample under file names a spreadsheet would run (`=1+1`, `+…`, `@…`), named as typed."""
    folder = tmp_path_factory.mktemp("formulas")
    text = (ROOT / TEXT).read_text(encoding="utf-8")
    for name in FORMULA_NAMES:
        (folder / name).write_text(text, encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(folder)
        return check_paths(list(FORMULA_NAMES), rules)


FORMULA_NAMES = ("=1+1.txt", "+SUM(A1).txt", "@cmd.txt")


def test_no_workbook_cell_is_a_formula_whatever_the_file_is_called(formula_named, rules):
    book = openpyxl.load_workbook(io.BytesIO(renderer("xlsx")(Rendering(formula_named, rules, timing=False))))
    cells = [c for ws in book.worksheets for row in ws.iter_rows() for c in row if c.value is not None]
    assert not [c.coordinate for c in cells if c.data_type == "f"]
    assert {c.value for c in cells} >= set(FORMULA_NAMES)  # the names, kept as text


def test_no_csv_field_begins_like_a_formula(formula_named, rules):
    rows = list(csv.reader(io.StringIO(renderer("csv")(Rendering(formula_named, rules))[1:])))[1:]
    assert {row[0] for row in rows} == {"'" + name for name in FORMULA_NAMES}
    assert all(field[:1] not in ("=", "+", "@") for row in rows for field in row)
    differences = [row[15] for row in rows if row[15].startswith("-")]
    assert differences and all(d[1].isdigit() for d in differences)  # a negative number stays a number


def test_the_workbook_without_timings_is_the_same_bytes_on_every_run(report, rules, monkeypatch):
    """openpyxl dates the zip's members and the document's `modified` when it saves: a second later
    the same findings must still give the same file."""
    import time
    first = renderer("xlsx")(Rendering(report, rules, timing=False))
    clock = time.time()
    monkeypatch.setattr(time, "time", lambda: clock + 3600)
    monkeypatch.setattr(time, "localtime", lambda secs=None: time.gmtime(clock + 3600))
    assert renderer("xlsx")(Rendering(report, rules, timing=False)) == first
