"""The 检查表 of real disclosures, as a district writes it: a row per part of the document and per
required table, read back from the workbook.  Skipped where ../shared/real is not beside the checkout."""

from __future__ import annotations

import io
from pathlib import Path

import openpyxl
import pytest

from budgetlint.lint import check_paths
from budgetlint.report.formats import Rendering, renderer

REAL = Path(__file__).resolve().parent.parent.parent / "shared" / "real"
pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason="the real corpus (../shared/real) is not beside the checkout")
PUTUO = REAL / "shanghai"
SECTIONS = ["及时性", "封面", "目录", "{level}主要职能", "{level}机构设置", "名词解释", "{level}预算编制说明"]
TABLES = ["收支总表", "收入总表", "支出总表", "财政拨款收支总表", "一般公共预算支出表", "一般公共预算基本支出表",
          "“三公”经费支出表", "政府性基金预算支出表", "国有资本经营预算支出表"]


@pytest.fixture(scope="module")
def workbook(rules):
    paths = [str(PUTUO / "putuo-shangwu-2025-dept-budget.pdf"), str(PUTUO / "putuo-shangwu-2025-unit-budget.pdf")]
    report = check_paths(paths, rules)
    return openpyxl.load_workbook(io.BytesIO(renderer("xlsx")(Rendering(report, rules, timing=False))))


def _items(sheet) -> dict[str, dict]:
    rows = list(sheet.iter_rows(values_only=True))
    start = next(i for i, row in enumerate(rows) if row[0] == "序号")
    return {row[1]: dict(zip(rows[start], row)) for row in rows[start + 1:] if row[1]}


@pytest.mark.parametrize("sheet, level", [("上海市普陀区商务委员会-部门预算", "部门"), ("上海市普陀区商务委员会-单位预算", "单位")])
def test_putuo_shangwu_has_a_row_per_part_and_per_required_table_in_its_own_wording(workbook, sheet, level):
    items = _items(workbook[sheet])
    names = list(items)
    parts = [s.format(level=level) for s in SECTIONS]
    tables = [f"{level}预算表：" + (level + name if name.startswith("收") or name.startswith("支") else name)
              for name in TABLES]
    assert names[:len(parts)] == parts
    assert names[len(parts):len(parts) + 9] == tables  # nine tables, 国有资本经营预算支出表 as 上海's template prints it
    assert names[len(parts) + 9] == "其他相关情况说明"
    answers = {name: row["符合要求"] for name, row in items.items()}
    assert answers["及时性"] == "无法判断"  # the publishing date is not in the document
    assert all(answers[name] == "是" for name in parts[1:] + tables)  # both are clean: every part found
    assert items[f"{level}预算编制说明"]["情况"] == f"第7页「2025年{level}预算编制说明」"
    assert items[tables[8]]["情况"].startswith("第18页《2025年")
    if level == "单位":  # the 单位 prints no project; the 部门 four (p23–26)
        assert answers["项目经费情况说明"] == "无法判断"
    else:
        assert items["项目经费情况说明"]["情况"] == "第23页「科技创新专项经费情况说明」"


def test_a_finding_is_listed_under_the_part_it_is_printed_in_with_a_picture_of_its_page(rules):
    """西安 宣传部 2021: BL340 (p5) and BL301 (p7) are in 第二部分 收支情况 (p4), BL325 (p11) in 第三部分 其他说明
    情况 (p11); the contents' titles (BL506) are the 目录's."""
    path = str(REAL / "national/xian/xian-xuanchuan-2021-dept-budget.pdf")
    report = check_paths([path], rules)
    book = openpyxl.load_workbook(io.BytesIO(renderer("xlsx")(Rendering(report, rules, timing=False))))
    sheet = book[book.sheetnames[1]]
    items = _items(sheet)
    assert set(items["部门预算编制说明"]["规则"].split()) == {"BL301", "BL340"}
    assert items["部门预算编制说明"]["情况"] == "第4页「第二部分 收支情况」"
    assert items["其他相关情况说明"]["规则"] == "BL325"
    assert items["目录"]["规则"] == "BL506" and items["目录"]["符合要求"] == "否"
    rows = {row[1]: n for n, row in enumerate(sheet.iter_rows(values_only=True), 1) if row[1]}
    pictured = {image.anchor._from.row + 1 for image in sheet._images}  # 0-based in the drawing
    assert {rows["部门预算编制说明"], rows["其他相关情况说明"], rows["目录"]} <= pictured
    assert rows["封面"] not in pictured  # no finding, no picture
