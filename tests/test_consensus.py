"""Consensus reading: a table's structure is the reading under which its own figures agree, and
only a sum that breaks a confirmed structure is a finding.

Each layout here is one seen in a province's real tables (named in each test), written as a
small text table: the reading that makes its figures agree is kept, the same table with one
figure changed gives exactly that figure's finding (with what confirmed the structure), and a
table whose sums agree under no reading is said once (BL003) and not summed.
"""

from __future__ import annotations

import pytest

from budgetlint.load import load_document
from budgetlint.load.assemble import RawLine, RawTable, assemble
from budgetlint.model import Cell, Location, Table
from budgetlint.understand.reading import understand

from conftest import lint_text

HEAD = "2026年部门预算\n\n"


def _table(title: str, rows: str, unit: str = "万元") -> str:
    return f"{title}\n\n单位：{unit}\n\n{rows}\n"


def _doc(tmp_path, text: str):
    path = tmp_path / "doc.txt"
    path.write_text(text, encoding="utf-8")
    return understand(load_document(path))


def _parents(table) -> dict[str, str | None]:
    """Each row's parent, by label, in the table's first group."""
    return {e.key: e.parent.key if e.parent else None for e in table.groups[0].entries}


def _findings(result, *rules):
    return [(v.rule, v.reported, v.computed) for v in result.violations if v.rule in rules]


# 深圳 收支总表: `一、` numbers the 类 rows, the 款 and 项 rows under them are not numbered at all
SHENZHEN_SUMMARY = _table("收支总表", "收入\t\t支出\t\n项目\t预算数\t项目\t预算数\n"
                          "一、一般公共预算拨款\t400.00\t一、一般公共服务支出\t300.00\n"
                          "\t\t财政事务\t300.00\n"
                          "\t\t行政运行\t200.00\n"
                          "\t\t一般行政管理事务\t100.00\n"
                          "\t\t二、住房保障支出\t100.00\n"
                          "\t\t住房改革支出\t100.00\n"
                          "\t\t住房公积金\t100.00\n"
                          "本年收入合计\t400.00\t本年支出合计\t400.00")


def test_rows_whose_level_nothing_prints_are_nested_by_their_figures(tmp_path, rules):
    doc = _doc(tmp_path, HEAD + SHENZHEN_SUMMARY)
    expense = doc.tables[0].groups[1]
    by_key = {e.key: e for e in expense.entries}
    assert expense.mode == "outline+nested"
    assert by_key["行政运行"].parent is by_key["财政事务"] and by_key["财政事务"].parent is by_key["一般公共服务支出"]
    assert doc.tables[0].understood
    assert _findings(lint_text(tmp_path, HEAD + SHENZHEN_SUMMARY, rules), "BL101", "BL104", "BL003") == []


def test_a_changed_figure_under_the_nested_reading_is_found_and_says_what_confirmed_it(tmp_path, rules):
    changed = HEAD + SHENZHEN_SUMMARY.replace("本年支出合计\t400.00", "本年支出合计\t410.00")
    result = lint_text(tmp_path, changed, rules)
    found = [v for v in result.violations if v.rule == "BL101"]
    assert [(v.reported, v.computed) for v in found] == [("410.00", "400.00")]
    assert found[0].basis.startswith("本表其余") and found[0].basis.endswith("处行合计相符")


# 江苏 政府采购预算表: the level of a row is the label column it prints in, and the first of them
# (专项名称) is printed on the row of the first 经济科目 under it
PROCUREMENT = _table("政府采购支出预算表", "采购品目大类\t专项名称\t经济科目\t采购物品名称\t采购组织形式\t总计\n"
                     "合计\t\t\t\t\t100.00\n"
                     "一、货物A\t\t\t\t\t100.00\n"
                     "\t网络运行维护费\t信息网络购置\t\t\t60.00\n"
                     "\t\t\tPC服务器\t部门集中采购\t40.00\n"
                     "\t\t\t交换设备\t分散自行组织\t20.00\n"
                     "\t\t专用设备购置\t\t\t40.00\n"
                     "\t\t\t专用设备\t分散自行组织\t20.00\n"
                     "\t\t\t其他专用设备\t分散自行组织\t20.00")


def test_rows_nested_by_the_label_column_they_print_in(tmp_path):
    table = _doc(tmp_path, HEAD + PROCUREMENT).tables[0]
    group = table.groups[0]
    by_key = {e.key: e for e in group.entries}
    assert group.mode == "columns-last"
    assert by_key["专用设备购置"].parent is by_key["货物A"] and by_key["其他专用设备"].parent is by_key["专用设备购置"]
    assert table.support["rows"].fails == 0 and table.understood


# 台前 一般公共预算支出表: the 合计 column adds up over the rows, three of the other columns do not
TAIQIAN = _table("2026年一般公共预算支出表", "科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
                 "\t合计\t300.00\t110.00\t190.00\n"
                 "2080505\t机关事业单位基本养老保险缴费支出\t100.00\t100.00\t\n"
                 "2101301\t城乡医疗救助\t200.00\t30.00\t170.00")


def test_where_the_total_column_adds_up_over_the_rows_a_column_that_does_not_is_the_error(tmp_path, rules):
    result = lint_text(tmp_path, HEAD + TAIQIAN, rules)
    found = [v for v in result.violations if v.rule == "BL101"]
    assert [(v.subject.col, v.reported, v.computed) for v in found] == [("基本支出", "110.00", "130.00"),
                                                                       ("项目支出", "190.00", "170.00")]
    assert {v.basis for v in found} == {"同样各行在「合计」列相加相符"}


def test_a_table_whose_sums_agree_under_no_reading_is_said_once_and_not_summed(tmp_path, rules):
    """A 类 row and its 项 rows with no code and no numbering, the 合计 their sum counted twice —
    and the 款 row off by an amount no row prints, so no reading makes the rows add up."""
    broken = _table("2026年一般公共预算支出表", "科目名称\t合计\n合计\t500.00\n一般公共服务支出\t290.00\n"
                    "行政运行\t200.00\n机关服务\t100.00")
    result = lint_text(tmp_path, HEAD + broken, rules)
    assert [v.rule for v in result.violations if v.rule.startswith(("BL1", "BL003"))] == ["BL003"]
    assert "未能读懂" in next(v.reported for v in result.violations if v.rule == "BL003")
    table = result.tables_seen[0]
    assert (table.understood, table.checked) == (False, 0)


def test_a_failing_sum_off_by_rows_of_the_table_is_a_misreading_not_an_error(tmp_path, rules):
    """合计 300.00 while the rows add to 599.00: off by exactly 行政运行 + 机关服务 (299.00), the sign of a
    parent counted with its children — and 一般公共服务支出 is not their sum, so no reading nests them.
    The table is not understood (BL003); it is not reported as a 合计 error."""
    doubled = _table("2026年一般公共预算支出表", "科目名称\t合计\n合计\t300.00\n一般公共服务支出\t300.00\n"
                     "行政运行\t200.00\n机关服务\t99.00")
    result = lint_text(tmp_path, HEAD + doubled, rules)
    assert [v.rule for v in result.violations if v.rule.startswith(("BL1", "BL003"))] == ["BL003"]
    table = _doc(tmp_path, HEAD + doubled).tables[0]
    assert table.support["rows"].misread == 1


def test_one_figure_that_breaks_its_row_and_its_column_locates_the_error(tmp_path, rules):
    consistent = TAIQIAN.replace("\t合计\t300.00\t110.00\t190.00", "\t合计\t300.00\t130.00\t170.00")
    assert _findings(lint_text(tmp_path, HEAD + consistent, rules), "BL101", "BL102", "BL111") == []
    changed = consistent.replace("城乡医疗救助\t200.00\t30.00", "城乡医疗救助\t200.00\t20.00")
    found = [v for v in lint_text(tmp_path, HEAD + changed, rules).violations if v.rule in ("BL101", "BL102", "BL111")]
    # the 基本支出 column's total and the row's 合计 are both off by 10.00: the 20.00 where they cross
    assert sorted((v.reported, v.computed) for v in found) == [("130.00", "120.00"), ("200.00", "190.00")]
    assert all("20.00" in v.basis for v in found)


# 广州 表5: codes printed in the names, and 其中 heading a complete breakdown
GUANGZHOU = _table("一般公共预算支出情况表（按功能分类科目）", "功能科目名称\t一般公共预算支出\t\t\n"
                   "\t小计\t其中：基本支出\t项目支出\n"
                   "合计\t60.00\t40.00\t20.00\n"
                   "[208]社会保障和就业支出\t60.00\t40.00\t20.00\n"
                   "[20805]行政事业单位养老支出\t60.00\t40.00\t20.00\n"
                   "[2080501]行政单位离退休\t35.00\t35.00\t0.00\n"
                   "[2080505]机关事业单位基本养老保险缴费支出\t25.00\t5.00\t20.00")


def test_codes_printed_in_the_names_nest_the_rows(tmp_path):
    table = _doc(tmp_path, HEAD + GUANGZHOU).tables[0]
    group = table.groups[0]
    assert group.mode == "code"
    assert [e.code.digits for e in group.entries if e.code] == ["208", "20805", "2080501", "2080505"]
    assert [e.key for e in group.entries if e.code] == ["社会保障和就业支出", "行政事业单位养老支出", "行政单位离退休",
                                                       "机关事业单位基本养老保险缴费支出"]


def test_a_total_column_adds_up_its_qizhong_columns_where_they_make_it_up(tmp_path):
    table = _doc(tmp_path, HEAD + GUANGZHOU).tables[0]
    group = table.groups[0]
    assert [c.title for c in group.column_parts[group.value_columns[0].index]] == \
        ["一般公共预算支出/其中：基本支出", "一般公共预算支出/项目支出"]
    assert table.support["columns"].holds == 5 and table.support["columns"].fails == 0


def test_coverage_counts_the_figures_in_a_relation_that_holds(tmp_path, rules):
    result = lint_text(tmp_path, HEAD + GUANGZHOU, rules)
    assert (result.coverage.figures, result.coverage.checked) == (15, 15)
    unknown = lint_text(tmp_path, HEAD + _table("某某资金安排情况表", "项目\t金额\n合计\t10.00\n甲\t10.00"), rules)
    assert (unknown.coverage.figures, unknown.coverage.checked, unknown.coverage.understood) == (2, 0, 0)


# -- the narrative and the other tables ---------------------------------------------------------

def test_a_quantity_stated_per_unit_in_turn_is_no_restatement(tmp_path, rules):
    """深圳: each unit's section gives its own 公用经费; none of them restates the department's."""
    text = (HEAD + "一、部门预算\n\n本部门公用经费 751.34 万元。\n\n二、甲中心\n\n（二）公用经费 389.50 万元，主要用于办公。\n\n"
            "三、乙中心\n\n（二）公用经费 148.67 万元，主要用于办公。\n")
    assert _findings(lint_text(tmp_path, text, rules), "BL341") == []
    twice = HEAD + "一、部门预算\n\n本部门机关运行经费 75.00 万元。主要用于办公。本部门机关运行经费 57.00 万元。\n"
    assert _findings(lint_text(tmp_path, twice, rules), "BL341") == [("BL341", "57.00 万元", "75.00 万元")]


def test_a_code_listed_again_for_each_unit_is_no_duplicate(tmp_path, rules):
    per_unit = _table("2026年一般公共预算支出表", "科目编码\t科目名称\t合计\n\t合计\t30.00\n"
                      "\t甲单位\t20.00\n2010601\t行政运行\t20.00\n\t乙单位\t10.00\n2010601\t行政运行\t10.00")
    assert _findings(lint_text(tmp_path, HEAD + per_unit, rules), "BL401") == []
    twice = per_unit.replace("\t乙单位\t10.00\n", "")
    assert [r for r, *_ in _findings(lint_text(tmp_path, HEAD + twice, rules), "BL401")] == ["BL401"]


# 苏州/无锡 “三公”经费表 in columns, 会议费 and 培训费 beside them
THREE_PUBLIC = _table("一般公共预算“三公”经费、会议费、培训费支出表", "“三公”经费合计\t因公出国（境）费\t公务用车购置及运行维护费\t\t\t公务接待费\t会议费\t培训费\n"
                      "\t\t小计\t公务用车购置费\t公务用车运行维护费\t\t\t\n"
                      "10.00\t0.00\t0.00\t0.00\t0.00\t10.00\t10.00\t43.00")


def test_a_total_column_may_add_up_only_the_first_of_the_columns_after_it(tmp_path, rules):
    table = _doc(tmp_path, HEAD + THREE_PUBLIC).tables[0]
    group = table.groups[0]
    assert [c.title for c in group.column_parts[0]] == ["因公出国（境）费", "公务用车购置及运行维护费/小计", "公务接待费"]
    assert _findings(lint_text(tmp_path, HEAD + THREE_PUBLIC, rules), "BL102", "BL116", "BL003") == []
    wrong = THREE_PUBLIC.replace("10.00\t0.00\t0.00", "12.00\t0.00\t0.00", 1)
    found = [v for v in lint_text(tmp_path, HEAD + wrong, rules).violations if v.rule in ("BL102", "BL116", "BL003")]
    assert [(v.rule, v.reported, v.computed, v.basis) for v in found] == [("BL116", "12.00", "10.00", "此关系即该列的定义")]


# 无锡 发改委: 21999 其他支出, a 款 of 219 援助其他地区支出 with no 项, printed again as its own leaf
WUXI_UNDIVIDED = _table("公开07表 一般公共预算支出表", "科目编码\t科目名称\t合计\n\t合计\t602.00\n"
                        "201\t一般公共服务支出\t100.00\n20101\t人大事务\t100.00\n2010101\t行政运行\t100.00\n"
                        "219\t援助其他地区支出\t502.00\n21999\t其他支出\t502.00\n21999\t其他支出\t502.00")


def test_a_subject_printed_again_beneath_itself_is_its_only_item(tmp_path, rules):
    found = _findings(lint_text(tmp_path, HEAD + WUXI_UNDIVIDED, rules), "BL003", "BL101", "BL103", "BL401", "BL507")
    assert found == []
    wrong = WUXI_UNDIVIDED.replace("219\t援助其他地区支出\t502.00", "219\t援助其他地区支出\t520.00")
    assert [r for r, *_ in _findings(lint_text(tmp_path, HEAD + wrong, rules), "BL103", "BL104")] == ["BL103"]


# 广州 项目支出表: the department's row over its projects, two of which happen to add up to a third
GUANGZHOU_PROJECTS = _table("部门预算项目支出及其他支出预算表", "支出项目类别（资金使用单位）\t总计\n合计\t5,023.00\n"
                            "甲委员会\t5,000.00\n增加地铁集团资本金\t2,000.00\n增加公交集团资本金\t1,000.00\n"
                            "增加轻工集团资本金\t500.00\n增加岭南集团资本金\t500.00\n巡察经费\t1,000.00\n"
                            "乙中心\t23.00\n巡察和财务监督经费\t23.00")


def test_a_unit_row_takes_its_projects_before_two_of_them_add_up_to_a_third(tmp_path, rules):
    table = _doc(tmp_path, HEAD + GUANGZHOU_PROJECTS).tables[0]
    parents = _parents(table)
    assert parents["增加公交集团资本金"] == parents["增加轻工集团资本金"] == "甲委员会"
    assert _findings(lint_text(tmp_path, HEAD + GUANGZHOU_PROJECTS, rules), "BL003", "BL101", "BL104") == []


@pytest.mark.parametrize("stated, found", [("1,000.00", []), ("1,100.00", [("BL304", "1,100.00 万元", "1,000.00 万元")])])
def test_a_project_the_narrative_lists_has_the_project_table_s_amount(tmp_path, rules, stated, found):
    narrative = f"一、项目支出情况\n\n1.巡察经费 {stated} 万元，主要用于巡察工作。\n\n"
    assert _findings(lint_text(tmp_path, HEAD + narrative + GUANGZHOU_PROJECTS, rules), "BL304") == found


def test_an_item_inside_another_project_s_account_is_not_taken_for_the_project(tmp_path, rules):
    """深圳 2026 p18: `综合管理 371.39 万元` is an item of one unit's project; the table's 综合管理 is another unit's."""
    narrative = ("一、项目支出情况\n\n1.增加地铁集团资本金 2,000.00 万元，主要用于资本金注入。"
                 "巡察经费 100.00 万元，用于集团内部巡察。\n\n")
    assert _findings(lint_text(tmp_path, HEAD + narrative + GUANGZHOU_PROJECTS, rules), "BL304") == []


# 西安 “三公”经费表 (2022): last year's, this year's and the change side by side, 会议费 inside each 合计,
# the 序 column numbering the rows
XIAN_THREE_PUBLIC = _table(
    "2022年部门综合预算一般公共预算拨款“三公”经费、会议费、培训费表",
    "序\t单位名称\t2021年\t\t\t\t2022年\t\t\t\t增减变化情况\t\t\t\n"
    "\t\t合计\t一般公共预算拨款安排的“三公”经费预算\t\t会议费\t合计\t一般公共预算拨款安排的“三公”经费预算\t\t会议费"
    "\t合计\t一般公共预算拨款安排的“三公”经费预算\t\t会议费\n"
    "\t\t\t小计\t公务接待费\t\t\t小计\t公务接待费\t\t\t小计\t公务接待费\t\n"
    "1\t合计\t12.00\t10.00\t10.00\t2.00\t9.00\t6.00\t6.00\t3.00\t-3.00\t-4.00\t-4.00\t1.00")


@pytest.mark.parametrize("stated, found", [
    ("6.00", []),
    ("9.00", [("BL302", "9.00 万元", "6.00 万元", "")]),  # the 合计 with 会议费 is not the 三公 figure
    ("10.00", [("BL302", "10.00 万元", "6.00 万元", "；所印的是表中该行的上年数")]),  # 西安 气象局 2022 p13
])
def test_the_three_public_figure_is_this_year_s_subtotal_not_the_change_nor_the_row_number(tmp_path, rules, stated,
                                                                                           found):
    text = f"2022年部门预算\n\n四、“三公”经费情况说明\n\n一般公共预算“三公”经费预算支出 {stated} 万元。\n\n" + XIAN_THREE_PUBLIC
    result = lint_text(tmp_path, text, rules)
    assert [(v.rule, v.reported, v.computed, v.message.split("）")[-1]) for v in result.violations
            if v.rule == "BL302"] == found


@pytest.mark.parametrize("change, found", [
    ("减少 4.00", []),
    ("减少 3.00", [("BL325", "3.00 万元", "4.00 万元")]),
    ("增加 4.00", [("BL325", "4.00 万元", "减少 4.00 万元")]),  # 西安 宣传部 2021 p11: 增加 where the table falls
])
def test_a_change_on_last_year_is_what_the_table_s_two_years_show(tmp_path, rules, change, found):
    text = (f"2022年部门预算\n\n四、“三公”经费情况说明\n\n一般公共预算“三公”经费预算支出 6.00 万元，较上年{change} 万元。\n\n"
            + XIAN_THREE_PUBLIC)
    assert _findings(lint_text(tmp_path, text, rules), "BL325") == found


# 重庆 科技局 2026 p2: the classes listed under the year's budget, against the 支出总表's classes
CHONGQING_EXPENSE = _table("2026年部门支出总体情况表", "科目编码\t科目名称\t合计\t基本支出\t项目支出\n"
                           "\t合计\t5,190.09\t3,000.00\t2,190.09\n201\t一般公共服务支出\t5,183.00\t3,000.00\t2,183.00\n"
                           "205\t教育支出\t7.09\t0.00\t7.09")


@pytest.mark.parametrize("stated, found", [("5,183", []), ("5,283", [("BL303", "5,283万元", "5,183万元")])])
def test_the_classes_a_complete_list_names_are_the_table_s(tmp_path, rules, stated, found):
    narrative = ("一、支出预算情况\n\n（二）支出预算：2026 年年初预算数 5,190.09 万元。按支出功能分类，"
                 f"包括一般公共服务支出{stated}万元，教育支出7.09万元。\n\n")
    assert _findings(lint_text(tmp_path, HEAD + narrative + CHONGQING_EXPENSE, rules), "BL303") == found


# 重庆 “三公”经费表: last year's and this year's figures side by side, under their year
CHONGQING_THREE_PUBLIC = _table("2026年财政拨款“三公”经费支出情况表",
                                "2025年预算数\t\t\t2026年预算数\t\t\n合计\t因公出国（境）费\t公务接待费\t合计\t因公出国（境）费\t公务接待费\n"
                                "30.00\t10.00\t20.00\t25.00\t10.00\t15.00")


def test_this_year_s_figure_is_never_read_from_last_year_s_columns(tmp_path, rules):
    text = HEAD + "四、“三公”经费情况说明\n\n“三公”经费预算 25.00 万元，比上年减少 5.00 万元。\n\n" + CHONGQING_THREE_PUBLIC
    assert _findings(lint_text(tmp_path, text, rules), "BL302") == []
    wrong = text.replace("预算 25.00 万元", "预算 30.00 万元")
    assert _findings(lint_text(tmp_path, wrong, rules), "BL302") == [("BL302", "30.00 万元", "25.00 万元")]


@pytest.mark.parametrize("stated, note", [("30.00", "；所印的是表中该行的上年数"), ("31.00", "")])
def test_last_year_s_figure_left_in_the_narrative_is_said_to_be(tmp_path, rules, stated, note):
    text = HEAD + f"四、“三公”经费情况说明\n\n“三公”经费预算 {stated} 万元。\n\n" + CHONGQING_THREE_PUBLIC
    (finding,) = [v for v in lint_text(tmp_path, text, rules).violations if v.rule == "BL302"]
    assert finding.message.endswith(f"（2026年财政拨款“三公”经费支出情况表）{note}")


def test_a_comparison_after_a_bracketed_aside_is_about_the_figure_before_it(tmp_path, rules):
    """广州: `公务用车购置及运行维护费 12.64 万元（…；公务用车运行维护费 12.64 万元，比上年减少 4.11 万元。）
    比上年减少 4.11 万元，下降 24.5%`: the rate is of 12.64 against 16.75."""
    text = (HEAD + "“三公”经费 44.94 万元。其中：因公出国（境）费 24 万元，比上年增加 0 万元；公务用车购置及运行维护费"
            "12.64 万元（公务用车购置费 0 万元；公务用车运行维护费 12.64 万元，比上年减少 4.11 万元。）比上年减少 4.11 万元，"
            "下降 24.5%；公务接待费 8.3 万元。\n")
    assert _findings(lint_text(tmp_path, text, rules), "BL321") == []
    wrong = text.replace("下降 24.5%", "下降 42.5%")
    assert [r for r, *_ in _findings(lint_text(tmp_path, wrong, rules), "BL321")] == ["BL321"]


def test_a_narrative_code_amount_may_be_one_column_of_the_subject_s_row(tmp_path, rules):
    """西安: `（3）专项业务经费：②培训支出（2050803）107.6 万元` is the row's 专项 figure, not its total."""
    table = _table("一般公共预算支出明细表（按支出功能分类科目）", "科目编码\t科目名称\t合计\t人员经费支出\t专项业务经费支出\n"
                   "\t合计\t109.60\t2.00\t107.60\n2050803\t培训支出\t109.60\t2.00\t107.60")
    text = HEAD + "专项业务经费：培训支出（2050803）107.6 万元。\n\n" + table
    assert _findings(lint_text(tmp_path, text, rules), "BL301") == []
    wrong = text.replace("107.6 万元", "170.6 万元")
    assert [r for r, *_ in _findings(lint_text(tmp_path, wrong, rules), "BL301")] == ["BL301"]


# 西安 政府采购表: a `全额` row over its units (`116001` under `单位编码`), each unit over its items, all
# printing the function code, and each item its economic 类 | 款 as well
XIAN_PROCUREMENT = _table("政府采购预算表",
                          "科目编码\t\t\t单位编码\t采购项目\t采购目录\t数量\t部门预算支出经济科目编码\t\t预算金额\n"
                          "类\t款\t项\t\t\t\t\t类\t款\t\n"
                          "合计\t\t\t\t\t\t4\t\t\t1,250.00\n"
                          "201\t06\t02\t1\t全额\t\t3\t\t\t1,050.00\n"
                          "201\t06\t02\t116001\t甲局\t\t2\t\t\t750.00\n"
                          "201\t06\t02\t\t财政管理\tA02多功能一体机\t1\t310\t02\t495.00\n"
                          "201\t06\t02\t\t财政检查\tC23审计服务\t1\t302\t27\t255.00\n"
                          "201\t06\t02\t116004\t乙中心\t\t1\t\t\t300.00\n"
                          "201\t06\t02\t\t库房租赁\tC15仓储服务\t1\t302\t14\t300.00\n"
                          "205\t08\t03\t2\t差额\t\t1\t\t\t200.00\n"
                          "205\t08\t03\t116007\t丙中心\t\t1\t\t\t200.00\n"
                          "205\t08\t03\t\t培训业务\tC02培训服务\t1\t302\t16\t200.00")


# 西安 医保 政府采购表: the department `245` over its units, which print different function codes
XIAN_DEPARTMENT_PROCUREMENT = _table("政府采购预算表",
                                     "科目编码\t\t\t单位编码\t采购项目\t预算金额\n类\t款\t项\t\t\t\n"
                                     "\t\t\t\t合计\t300.00\n210\t15\t05\t245\t医疗保障局\t300.00\n"
                                     "210\t15\t05\t245001\t医疗保障局本级\t100.00\n210\t15\t05\t\t系统运行维护\t100.00\n"
                                     "210\t15\t06\t245002\t经办服务中心\t200.00\n210\t15\t06\t\t工装费\t200.00")


@pytest.mark.parametrize("text, parents", [
    (XIAN_PROCUREMENT, {"财政管理": "甲局", "财政检查": "甲局", "库房租赁": "乙中心", "甲局": "全额", "乙中心": "全额",
                        "丙中心": "差额"}),
    (XIAN_DEPARTMENT_PROCUREMENT, {"医疗保障局本级": "医疗保障局", "经办服务中心": "医疗保障局", "工装费": "经办服务中心"}),
])
def test_rows_nest_by_the_unit_codes_they_print_whatever_their_subject_codes(tmp_path, rules, text, parents):
    table = _doc(tmp_path, HEAD + text).tables[0]
    read = _parents(table)
    assert {row: read[row] for row in parents} == parents and table.understood
    assert _findings(lint_text(tmp_path, HEAD + text, rules), "BL003", "BL101", "BL103") == []


def test_a_changed_item_breaks_its_unit_s_sum_and_its_economic_code_is_no_part_of_its_subject(tmp_path, rules):
    table = _doc(tmp_path, HEAD + XIAN_PROCUREMENT).tables[0]
    assert table.groups[0].entries[1].code.digits == "2010602"  # the item's economic 310 | 02 is not joined to it
    wrong = XIAN_PROCUREMENT.replace("495.00", "459.00")
    assert _findings(lint_text(tmp_path, HEAD + wrong, rules), "BL003", "BL101", "BL103") == [("BL103", "750.00", "714.00")]


# 西安 2019: the sheet's name printed above the grid, the table's number, title and unit in its first rows
def test_a_title_printed_in_the_grid_is_the_table_s_title_not_the_sheet_name_above():
    here = Location("t.pdf", page=29)
    title = "2019年部门综合预算财政拨款结转资金支出表"
    rows = [[Cell("表11", here), Cell("", here), Cell("", here)],
            [Cell(title, here), Cell(title, here, covered=True), Cell(title, here, covered=True)],
            [Cell("", here), Cell("", here), Cell("单位：万元", here)],
            [Cell("预算单位代码", here), Cell("预算项目名称", here), Cell("金额", here)],
            [Cell("125001", here), Cell("省级安全生产专项", here), Cell("2.61", here)]]
    blocks = assemble([RawLine("表11-财拨结转支出表", here), RawTable(rows, here)])
    table = next(b for b in blocks if isinstance(b, Table))
    assert (table.number, table.title, table.unit_text) == ("表11", title, "单位：万元")
    assert [c.text for c in table.header[0]] == ["预算单位代码", "预算项目名称", "金额"]


# 西安 2019: a 支出总表 by source of funds, 上年结转 among them, totals the 收支总表's 支出总计
XIAN_SUMMARY = _table("收支总表", "收入\t\t支出\t\n项目\t预算数\t项目\t预算数\n"
                      "一、一般公共预算拨款收入\t100.00\t一、一般公共服务支出\t100.00\n"
                      "本年收入合计\t100.00\t本年支出合计\t100.00\n上年结转\t10.00\t结转下年\t10.00\n"
                      "收入总计\t110.00\t支出总计\t110.00")
XIAN_EXPENSE = _table("支出总表", "单位编码\t单位名称\t合计\t公共预算拨款\t上年结转\n"
                      "\t合计\t110.00\t100.00\t10.00\n125001\t甲局\t110.00\t100.00\t10.00")


def test_an_expense_table_that_counts_the_money_carried_over_may_total_the_summary_s_grand_total(tmp_path, rules):
    assert _findings(lint_text(tmp_path, HEAD + XIAN_SUMMARY + XIAN_EXPENSE, rules), "BL202") == []
    wrong = XIAN_EXPENSE.replace("110.00\t100.00\t10.00", "120.00\t110.00\t10.00")
    assert _findings(lint_text(tmp_path, HEAD + XIAN_SUMMARY + wrong, rules), "BL202") == [("BL202", "100.00", "120.00")]


# 深圳 财政拨款收支总表: `政府性基金预算收入 380.00 万元` in the narrative counts the 80.00 carried over
SHENZHEN_FISCAL = _table("财政拨款收支总表", "收入\t\t支出\t\n项目\t预算数\t项目\t预算数\n"
                         "一、本年收入\t400.00\t一、一般公共服务支出\t480.00\n1.一般公共预算拨款\t100.00\t\t\n"
                         "2.政府性基金预算拨款\t300.00\t\t\n本年收入合计\t400.00\t本年支出合计\t480.00\n"
                         "上年结余、结转\t80.00\t结转下年\t0.00\n1.一般公共预算拨款结余、结转\t0.00\t\t\n"
                         "2.政府性基金预算拨款结余、结转\t80.00\t\t\n收入总计\t480.00\t支出总计\t480.00")


def test_a_fund_s_income_in_the_narrative_may_count_its_money_carried_over(tmp_path, rules):
    text = HEAD + "三、其他\n\n政府性基金预算收入 380.00 万元。\n\n" + SHENZHEN_FISCAL
    assert _findings(lint_text(tmp_path, text, rules), "BL302") == []
    assert _findings(lint_text(tmp_path, text.replace("380.00 万元", "390.00 万元"), rules), "BL302") == [
        ("BL302", "390.00 万元", "380.00 万元")]
