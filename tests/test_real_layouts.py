"""The PDF loader on the layouts of the cities outside 上海 and 江苏 (../shared/real/national/): each
test reads a few real pages (cut out of the published file with pypdf, so that the document is
small) and names the table, title or figure a reader sees there.

Skipped where ../shared/real is not beside the checkout.  Page numbers in the assertions are those
of the cut-out document (1 = the first page taken); the comments give the published page.
"""

from __future__ import annotations

from functools import lru_cache
from io import BytesIO
from pathlib import Path

import pytest

pypdf = pytest.importorskip("pypdf")
from pypdf.generic import ArrayObject, FloatObject, NameObject  # noqa: E402

from budgetlint.load.pdf import parse_pdf  # noqa: E402
from budgetlint.model import Document, Table  # noqa: E402
from budgetlint.textnorm import squash  # noqa: E402

NATIONAL = Path(__file__).resolve().parent.parent.parent / "shared" / "real" / "national"
pytestmark = pytest.mark.skipif(not NATIONAL.is_dir(), reason="the real corpus (../shared/real) is not beside the checkout")


def cut(name: str, first: int, last: int, box: list[float] | None = None) -> bytes:
    """Pages ``first``–``last`` of a published file as a PDF of their own (``box``: a MediaBox to
    give them instead of theirs)."""
    reader = pypdf.PdfReader(NATIONAL / name)
    writer = pypdf.PdfWriter()
    for n in range(first - 1, last):
        page = writer.add_page(reader.pages[n])
        if box is not None:
            page[NameObject("/MediaBox")] = ArrayObject(FloatObject(v) for v in box)
    out = BytesIO()
    writer.write(out)
    return out.getvalue()


@lru_cache(maxsize=None)
def pages(name: str, first: int, last: int) -> Document:
    return parse_pdf(cut(name, first, last), name)


def titled(doc: Document, title: str) -> Table:
    return next(t for t in doc.tables if squash(t.title or "") == squash(title))


def texts(doc: Document) -> list[str]:
    return [squash(p.text) for p in doc.paragraphs]


# 1. page boxes in any orientation --------------------------------------------------------------

def test_an_upside_down_media_box_is_the_same_page():
    """北京 信访办公室 预算01表 (p1), its MediaBox written `[0 595.25 841.6 0]` (y0 > y1): pdfminer
    placed every glyph from the box's first corner, below the page: all of it was `text off the
    page` and no table was read."""
    name = "beijing/beijing-xinfang-2026-dept-budget-tables.pdf"
    upright = parse_pdf(cut(name, 1, 1), name)
    flipped = parse_pdf(cut(name, 1, 1, box=[0, 595.25, 841.6, 0]), name)
    assert not [p for p in flipped.problems if p.kind == "off-page"]
    assert [t.title for t in flipped.tables] == [t.title for t in upright.tables] == ["预算01表 收支总表"]
    assert [[c.text for c in r] for r in flipped.tables[0].body] == [[c.text for c in r] for r in upright.tables[0].body]


def test_text_a_clip_hides_is_not_read_nor_reported_off_the_page():
    """北京 卫生健康委员会 预算12表 (p39–p41): Excel prints a merged cell cut by the page break in
    full on both pages and clips it to the table region; the clipped copy (above the table, and below
    the page) was read as paragraphs between the table's parts and reported as text off the page
    (BL609 on p41).  The table now runs on over the three pages."""
    doc = pages("beijing/beijing-weijian-2026-dept-budget-tables.pdf", 39, 41)
    assert not [p for p in doc.problems if p.kind == "off-page"]
    table = titled(doc, "预算表12项目支出绩效目标表")
    assert [p.page for p in table.parts] == [1, 2, 3]
    assert not any("11000022T00000044" in t for t in texts(doc))  # the clipped 项目名称 cells
    assert any(squash(r[0].text) == "11000022T000000443864-医改管理与政策组织实施工作" for r in table.body)


def test_the_pieces_of_a_row_cut_by_the_page_break_do_not_split_the_table():
    """北京 财政局 预算12表 (p17–p20): under the last rule of p17 the first line of the next row's
    绩效目标 (`有企业财务会计`) shows, and p18 prints the whole cell again; over the first rule of
    p20, the last line of a cell printed at the foot of p19 (`府财务报告编制`)."""
    doc = pages("beijing/beijing-caizheng-2026-dept-budget-tables.pdf", 17, 20)
    table = titled(doc, "预算12表 项目支出绩效目标表")
    assert [p.page for p in table.parts] == [1, 2, 3, 4]
    assert len(doc.tables) == 1 and not {"有企业财务会计", "府财务报告编制"} & set(texts(doc))


def test_a_contents_page_is_read_as_lines_not_as_a_table():
    """福州 公安局文职人员管理中心 单位预算 (p2): each entry runs to its page number over a dot leader.
    pdfminer gave the spaces printed among the dots as glyphs, and the text-alignment fallback read
    the page as a two-column table whose 25 page numbers were figures; PDFium's text leaves them out."""
    doc = pages("fuzhou/fuzhou-gongan-wenzhi-2026-unit-budget.pdf", 2, 2)
    assert not doc.tables
    entries = [t for t in texts(doc) if t.startswith("一、收支预算总表")]
    assert len(entries) == 1 and entries[0].rstrip(".").endswith("5")


def test_a_page_number_printed_off_the_page_is_not_reported():
    """重庆 气象局 (p2): `— 2489 —` printed under the page; the 单位：万元 printed right of 重庆 水利局's
    p33 still is (a reader does not see the unit of that table)."""
    assert not pages("chongqing/chongqing-qixiang-2026-dept-budget.pdf", 2, 2).problems
    shuili = pages("chongqing/chongqing-shuili-2026-dept-budget.pdf", 33, 33)
    assert [(p.kind, p.found) for p in shuili.problems] == [("off-page", "单位:万元")]


# 2. 栏次 -------------------------------------------------------------------------------------------

def test_the_column_numbers_of_an_empty_table_are_header_never_figures():
    """苏州 审计局 公开11表 (p20): no figures, so the header stopped after one row and
    `栏次 | 1 | 2 | 3` became a body row of figures (本年支出合计 1 = 基本支出 2 + 项目支出 3?)."""
    doc = pages("suzhou/suzhou-shenji-2026-dept-budget.pdf", 20, 20)
    table = titled(doc, "国有资本经营预算支出预算表")
    assert [squash(c.text) for c in table.header[-1]] == ["栏次", "栏次", "1", "2", "3"]
    assert [squash(c.text) for c in table.body[0]][:2] == ["合计", "合计"]
    assert not any(squash(c.text) in ("1", "2", "3") for row in table.body for c in row)


# 3. titles and continued tables ----------------------------------------------------------------

def test_a_running_head_does_not_stand_between_a_table_and_its_next_page():
    """苏州 交通运输局 公开03表 支出总表 (p10–p11, read with p9 and p12): `苏州市交通运输局2026年度部门
    预算公开` atop each page made p11 an untitled table of its own; the head is kept once."""
    doc = pages("suzhou/suzhou-jiaotong-2026-dept-budget.pdf", 9, 12)
    table = titled(doc, "支出总表")
    assert table.number == "公开03表" and [p.page for p in table.parts] == [2, 3]
    assert any(r[0].text == "2149901" for r in table.body)
    assert [t.number for t in doc.tables] == ["公开02表", "公开03表", "公开04表"]
    assert texts(doc).count("苏州市交通运输局2026年度部门预算公开") == 1


def test_a_title_printed_in_the_first_row_of_the_grid():
    """福州 公安局交通管理支队 (p23–p24): each 项目 绩效目标表 has its title in a cell across the
    grid's first row; p24's table had none and took p25–p27 with it."""
    doc = pages("fuzhou/fuzhou-gongan-jiaoguan-2026-unit-budget.pdf", 23, 24)
    first = titled(doc, "车驾管所及办案经费项目绩效目标表")
    second = titled(doc, "城市交通设施项目绩效目标表")
    assert first is not second and [p.page for p in second.parts] == [2]
    assert second.header[0][0].text == "项目名称" and second.header[0][1].text == "城市交通设施"


def test_chinese_numbered_tables_and_titles_off_their_baseline():
    """重庆 规划和自然资源局 表一 (p11): the number printed alone above the title."""
    doc = pages("chongqing/chongqing-guihua-2026-dept-budget.pdf", 11, 11)
    table = titled(doc, "2026年部门收支总体情况表")
    assert table.number == "表一" and table.unit_text == "单位：万元"


def test_a_number_printed_against_the_title():
    """西安 安监局 2019 (p10): `表62019年部门综合预算…` with no space between number and year."""
    doc = pages("xian/xian-anjian-2019-dept-budget-tables.pdf", 10, 10)
    table = doc.tables[0]
    assert table.number == "表6"
    assert table.title == "2019年部门综合预算一般公共预算支出明细表（按支出经济分类科目）"


def test_a_title_repeated_on_the_next_page_without_its_number_continues_the_table():
    """西安 自然资源和规划局 表2 (p42–p43): p43 repeats the title and the header, not `表2`."""
    doc = pages("xian/xian-ziranziyuan-2022-dept-budget.pdf", 42, 43)
    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert table.number == "表2" and [p.page for p in table.parts] == [1, 2]
    assert table.body[-1][2].text != "单位名称"
    assert any(r[2].text == "西安市小王涧国有生态林场" for r in table.body)


def test_a_sentence_introducing_a_table_is_not_its_title():
    """西安 气象局 2022 (p6): `…共有 2 个，详细情况见下表：` introduces the 单位 table."""
    doc = pages("xian/xian-qixiang-2022-dept-budget.pdf", 6, 6)
    assert [t.title for t in doc.tables] == [None]
    assert any(t.endswith(squash("详细情况见下表：")) for t in texts(doc))


def test_a_merged_label_row_and_a_target_value_do_not_start_a_new_table():
    """西安 安监局 附表14 (p33–p34): p34 opens with `目标12：…` merged across the row; 福州 仓山生态
    环境局 (p25–p26): p26 opens with `物业成本控制率 | ≤100%`.  Neither is a header of its own."""
    xian = pages("xian/xian-anjian-2019-dept-budget-tables.pdf", 33, 34)
    assert len(xian.tables) == 1 and [p.page for p in xian.tables[0].parts] == [1, 2]
    assert xian.tables[0].number == "附表14"
    fuzhou = pages("fuzhou/fuzhou-cangshan-shengtai-2026-unit-budget.pdf", 25, 26)
    table = titled(fuzhou, "环境管理监察监测经费项目绩效目标表")
    assert [p.page for p in table.parts] == [1, 2]
    assert any(r[3].text == "物业成本控制率" for r in table.body)


def test_a_table_continued_on_a_finer_grid_and_a_caption_row_without_a_colon():
    """重庆 规划和自然资源局 表十一 (p29–p30): p30's grid splits p29's merged cells in seven columns
    (`绩效指标 | 指标名称 | 指标性质 | …`); 西安 气象局 表15 (p32): `部门（单位）名称  西安市气象局`
    printed between the title and the rules, without a colon."""
    doc = pages("chongqing/chongqing-guihua-2026-dept-budget.pdf", 29, 30)
    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert (table.number, table.title) == ("表十一", "2026年市级重点专项资金绩效目标表（一级项目）")
    assert [p.page for p in table.parts] == [1, 2] and table.width == 7
    assert [c.text for c in table.body[0][:2]] == ["当年预算", "88,197.35"]
    assert any([c.text for c in r[:4]] == ["", "提交找矿靶区数量", "≥", "7"] for r in table.body)
    xian = pages("xian/xian-qixiang-2022-dept-budget.pdf", 32, 32).tables[0]
    assert (xian.number, squash(xian.title)) == ("表15", "2022年部门整体支出绩效目标表")
    assert squash(xian.meta) == "部门(单位)名称西安市气象局"


def test_a_first_row_holding_the_values_of_the_table_s_rows_is_not_a_header():
    """北京 卫生健康委员会 预算12表 (p53–p54): p54 opens with `效益指标 | 社会效益指标 | … | 定性 |
    较上年提高`, text over the 指标值 column of figures, as the rows above it; 重庆 经济和信息化委员会
    表十一 (p29–p30): p30 repeats the `绩效指标 | 指标名称 | 指标性质 | …` row of p29's rows."""
    weijian = pages("beijing/beijing-weijian-2026-dept-budget-tables.pdf", 53, 54)
    assert len(weijian.tables) == 1 and [p.page for p in weijian.tables[0].parts] == [1, 2]
    assert any(r[9].text == "较上年提高" for r in weijian.tables[0].body)
    jingxin = pages("chongqing/chongqing-jingxin-2026-dept-budget.pdf", 29, 30)
    assert [(t.number, [p.page for p in t.parts]) for t in jingxin.tables] == [("表十一", [1, 2])]


def test_the_last_row_of_the_header_repeated_on_the_next_page():
    """重庆 气象局 表十 (p19–p20): p20 repeats `绩效指标 | 指标名称 | …`, the last of p19's three
    header rows, not the two above it."""
    doc = pages("chongqing/chongqing-qixiang-2026-dept-budget.pdf", 19, 20)
    assert [(t.number, [p.page for p in t.parts]) for t in doc.tables] == [("表十", [1, 2])]
    table = doc.tables[0]
    assert [squash(r[0].text) for r in table.header + table.body].count("绩效指标") == 1
    assert any(r[1].text.startswith("观测系统业务可用性") for r in table.body)


def test_a_chart_s_gridlines_are_not_a_table():
    """西安 气象局 2022 (p7): a bar chart of the staff; its gridlines hold no text."""
    assert pages("xian/xian-qixiang-2022-dept-budget.pdf", 7, 7).tables == []


# 4. text layers ----------------------------------------------------------------------------------

def test_punctuation_and_figures_set_in_a_font_with_a_bogus_descent_stay_on_their_line():
    """重庆 商务委员会 (p3): the figures and punctuation, in a font whose boxes hang a whole em below
    the baseline, were read as lines of their own (`部门本级内设 个 各机构…` / `34, : 、 、`)."""
    doc = pages("chongqing/chongqing-shangwu-2026-dept-budget.pdf", 3, 3)
    text = "".join(texts(doc))
    assert squash("部门本级内设34个,各机构规范简称依次为:办公室、组织人事处、综合处") in text
    assert squash("2026年年初预算数174,900.64万元,其中:一般公共预算拨款101,833.84万元") in text


def test_a_title_printed_several_times_over_is_read_once():
    """西安 商务局 2022 (p36): each character of the titles is printed 5–9 times in the text layer."""
    doc = pages("xian/xian-shangwu-2022-dept-budget.pdf", 36, 36)
    table = doc.tables[0]
    assert (table.number, table.title, table.unit_text) == ("表1", "2022年部门综合预算收支总表", "金额单位：元")
