"""Subjects the narrative names by name and level (real sentences of the corpus): the path resolves to
the tables' code, its amount is checked against that code's figure (BL301), and a name or level the
tables give otherwise is reported (BL403).  From 2026 on an item also states last year's execution and
the change on it (BL321, BL323)."""

from __future__ import annotations

import pytest

from budgetlint.understand.subjects import subject_refs

from conftest import lint_text

TABLE = """\
2025年部门一般公共预算支出功能分类预算表

单位：元

功能分类科目编码\t\t\t功能分类科目名称\t合计\t基本支出\t项目支出
类\t款\t项\t\t\t\t
201\t\t\t一般公共服务支出\t9,389,913.00\t9,389,913.00\t
201\t13\t\t商贸事务\t9,389,913.00\t9,389,913.00\t
201\t13\t01\t行政运行\t9,389,913.00\t9,389,913.00\t
210\t\t\t卫生健康支出\t200,000.00\t\t200,000.00
210\t07\t\t计划生育事务\t200,000.00\t\t200,000.00
210\t07\t99\t其他计划生育事务支出\t200,000.00\t\t200,000.00
221\t\t\t住房保障支出\t1,802,000.00\t1,802,000.00\t
221\t02\t\t住房改革支出\t1,802,000.00\t1,802,000.00\t
221\t02\t01\t住房公积金\t1,802,000.00\t1,802,000.00\t
\t\t\t合计\t11,391,913.00\t11,191,913.00\t200,000.00
"""


def check(tmp_path, rules, narrative: str, year: int = 2025, about=("BL301", "BL403")):
    text = f"某某委员会{year}年部门预算\n\n二、支出说明\n\n" + narrative + "\n\n" + TABLE.replace("2025", str(year))
    return [(v.rule, v.reported, v.computed) for v in lint_text(tmp_path, text, rules).violations
            if v.rule in about]


def test_names_with_levels_are_read_from_a_sentence():
    refs = subject_refs("1. “一般公共服务支出（类）商贸事务（款）行政运行（项）”938.99万元，主要用于机关行政运行。")
    assert [(r.name, r.level, r.code) for r in refs] == [("一般公共服务支出", "类", None), ("商贸事务", "款", None),
                                                        ("行政运行", "项", None)]
    assert [(r.name, r.code) for r in subject_refs("医疗卫生与计划生育支出（210类）60.99万元")] == [
        ("医疗卫生与计划生育支出", "210")]


@pytest.mark.parametrize("sentence, found", [
    # 上海: the path in quotes before the amount
    ("1. “一般公共服务支出（类）商贸事务（款）行政运行（项）”938.99万元，主要用于机关行政运行和机关人员经费支出。", []),
    ("1. “一般公共服务支出（类）商贸事务（款）行政运行（项）”948.99万元，主要用于机关行政运行和机关人员经费支出。",
     [("BL301", "948.99万元", "938.9913万元")]),
    # 江苏: the 类 in the heading above, 款 and 项 in the item
    ("（一）一般公共服务（类）\n\n1．商贸事务（款）行政运行（项）支出 938.99 万元，与上年相比增加 10 万元，增长 1.08%。", []),
    # a 决算's item: the path in its first sentence, the figure in `支出决算为`
    ("1、一般公共服务支出（类）商贸事务（款）行政运行（项）。主要用于：局本部人员经费。年初预算为950.00万元，"
     "支出决算为928.99万元。决算数小于预算数的主要原因：人员变化。", [("BL301", "928.99万元", "938.9913万元")]),
    # 普陀区万里街道 2025: a 类 written as a 款, a 款 as a 项
    ("21. “卫生健康支出（类）卫生健康支出（款）计划生育事务（项）”科目20.00万元，主要用于计划生育事务。",
     [("BL403", "卫生健康支出（款）", "卫生健康支出（类）"), ("BL403", "计划生育事务（项）", "计划生育事务（款）")]),
    # the name before the 2019 catalogue, with the code printed
    ("医疗卫生与计划生育支出（210类）20.00万元。", [("BL403", "医疗卫生与计划生育支出（210类）", "卫生健康支出（类）")]),
])
def test_a_named_subject_is_checked_against_its_code(tmp_path, rules, sentence, found):
    assert check(tmp_path, rules, sentence) == found


def test_a_figure_in_the_reasons_is_not_the_item_s_amount(tmp_path, rules):
    """江苏 renda-2018: `…其他人大事务（项）支出580万元…主要原因是新增…专项经费280万元`: the 280 is a
    part of the reason, not the 项's amount."""
    sentence = ("1. “一般公共服务支出（类）商贸事务（款）行政运行（项）”938.99万元，主要原因是新增办公用房专项经费"
                "280万元。")
    assert check(tmp_path, rules, sentence) == []


ITEM_2026 = "1. “一般公共服务支出（类）商贸事务（款）行政运行（项）”{a}万元，主要用于机关行政运行和机关人员经费支出。" \
            "2025年当年预算执行数为{b}万元，2026年预算安排{c}万元，{change}。主要原因是人员调整。"


@pytest.mark.parametrize("b, c, change, found", [
    ("1065.20", "938.99", "比2025年预算执行数减少11.85%", []),
    # the issue's shape: a fall written as a rise
    ("1065.20", "938.99", "比2025年预算执行数增加11.85%", [("BL321", "11.85%", "-11.85%")]),
    ("1065.20", "938.99", "比2025年预算执行数减少8%", [("BL321", "8%", "11.85%")]),
    ("938.99", "938.99", "与2025年预算执行数持平", []),
    ("945.00", "938.99", "与2025年预算执行数持平", [("BL323", "持平", "945.00万元 与 938.99万元（减少 6.01万元）")]),
    ("945.00", "938.99", "与2025年预算执行数基本持平", []),
    # one item, two amounts in one paragraph: the one the table does not print is reported
    ("1065.20", "932.99", "比2025年预算执行数减少12.41%", [("BL301", "932.99万元", "938.9913万元")]),
])
def test_a_2026_item_states_last_year_s_execution_and_the_change_on_it(tmp_path, rules, b, c, change, found):
    item = ITEM_2026.format(a="938.99", b=b, c=c, change=change)
    assert check(tmp_path, rules, item, 2026, ("BL301", "BL321", "BL323")) == found


def test_a_change_stated_as_decreased_by_is_the_change_of_its_own_amount(tmp_path, rules):
    """江苏 jianchayuan-2019 p26: `项目支出预算数为4335.3万元。与上年相比减少了1237.7万元，减少 13.22 %` — 减少了 X
    is the change (13.22% is the 基本支出's rate a line above, copied); 1237.7 is not last year's figure."""
    sentence = "项目支出预算数为4335.3万元。与上年相比减少了1237.7万元，减少 13.22 %。"
    assert check(tmp_path, rules, sentence, about=("BL321",)) == [("BL321", "13.22 %", "22.21%")]


def test_last_year_s_carry_over_is_this_year_s_income_not_last_year_s_figure(tmp_path, rules):
    """江苏 shengwei-2019 p7: `上年结转资金预算为0万元，与上年相比无变化` is not a change from 0."""
    sentence = "收入、支出预算总计27664.22万元。4．上年结转资金预算为0万元，与上年相比无变化。"
    assert check(tmp_path, rules, sentence, about=("BL321", "BL323")) == []


@pytest.mark.parametrize("head, found", [
    ("180.20", []),
    # the issue's case: one item, two amounts in one paragraph; the table says 180.20
    ("186.4", [("BL301", "186.4万元", "180.2万元")]),
])
def test_an_item_named_by_its_own_two_digits_is_its_code(tmp_path, rules, head, found):
    item = (f"住房公积金（01项）{head}万元，主要用于按规定缴纳的住房公积金。2025年当年预算执行数为170.00万元，"
            "2026年预算安排180.20万元，比2025年预算执行数增加6%。")
    assert check(tmp_path, rules, item, 2026, ("BL301", "BL321", "BL403")) == found


def test_the_issue_s_2026_sentence_a_fall_written_as_a_rise(tmp_path, rules):
    """普陀区 checklist shape: 4326.93 → 3845.49 is a fall of 11.13%, not `增加17.62%` (no table prints this
    item, so the narrative's own C is used)."""
    item = ("“教育支出（类）普通教育（款）小学教育（项）”3845.49万元，主要用于小学教育。2025年当年预算执行数为4326.93万元，"
            "2026年预算安排3845.49万元，比2025年预算执行数增加17.62%。")
    assert check(tmp_path, rules, item, 2026, ("BL301", "BL321", "BL323")) == [("BL321", "17.62%", "-11.13%")]
