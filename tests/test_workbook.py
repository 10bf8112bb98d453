"""The 检查结果 workbook (--format xlsx) and the CSV, read back as a person's spreadsheet reads them."""

from __future__ import annotations

import csv
import io
import subprocess
import sys

import openpyxl
import pytest

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
    assert broken["文件"] == BROKEN and broken["结论"] == "无法检查" and broken["说明"]


def test_summary_links_each_disclosure_to_its_sheet(workbook):
    sheet = workbook["汇总"]
    rows = list(sheet.iter_rows(min_row=5))
    link = rows[0][11]
    target = link.value
    assert link.hyperlink.location == f"'{target}'!A1" and target in workbook.sheetnames
    assert sheet.freeze_panes == "A5" and sheet.auto_filter.ref.startswith("A4:")


def test_a_finding_sits_under_its_table_with_reported_computed_and_difference(workbook):
    sheet = workbook[workbook.sheetnames[1]]
    items = _rows(sheet, "序号")
    bl101 = [r for r in items if r["规则"] == "BL101" and r["列示"] == "584.50"]
    assert len(bl101) == 1
    row = bl101[0]
    assert row["检查项"] == "公开的表：一般公共预算支出表" and row["符合要求"] == "否"
    assert (row["应为"], row["差"], row["级别"]) == ("605.50", "-21.00", "错误")
    assert row["位置"].startswith("第") and "行" in row["位置"]


def test_each_required_table_is_an_item_and_each_finding_is_listed_once(workbook, report):
    items = _rows(workbook[workbook.sheetnames[1]], "序号")
    tables = {r["检查项"] for r in items if r["检查项"].startswith("公开的表：")}
    assert len(tables) == 8  # the 规程's eight tables of a 部门预算
    assert {r["检查项"]: r["符合要求"] for r in items}["公开的表：部门收入总表"] == "是"
    listed = [(r["规则"], r["问题"]) for r in items if r["规则"]]
    found = [(v.rule, v.message) for v in report.violations if v.file == TEXT]
    assert sorted(listed) == sorted(found)


def test_csv_is_one_row_a_finding_that_excel_reads_as_utf8(report, rules):
    text = renderer("csv")(Rendering(report, rules))
    assert text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text[1:])))
    assert len(rows) == len(report.violations)
    row = next(r for r in rows if r["rule"] == "BL101" and r["reported"] == "584.50")
    assert (row["file"], row["agency"], row["computed"]) == (TEXT, "台前县医疗保障局", "605.50")
    assert row["line"] and row["page"] == ""


def test_the_workbook_is_not_written_to_a_terminal_but_to_a_file(tmp_path):
    target = tmp_path / "检查结果.xlsx"
    done = subprocess.run([sys.executable, "-m", "budgetlint", "check", TEXT, "--format", "xlsx", "-o", str(target)],
                          cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 1 and not done.stdout
    assert openpyxl.load_workbook(target).sheetnames[0] == "汇总"
