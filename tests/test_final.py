"""决算公开: the nine tables' identities and the narrative's completion rates, one rule at a time,
on a small 决算 in the shape of 上海市普陀区's (each rule: the consistent text passes, one changed
figure or word is reported with the figures it was checked against), and the sample made from
the published 财政局 决算."""

from __future__ import annotations

import pytest

from conftest import lint, lint_text, sample

FINAL = """\
某某局2024年度部门决算

收入支出决算总表

单位：万元

收入\t\t支出\t
项目\t决算数\t项目\t决算数
一、一般公共预算财政拨款收入\t100.00\t一、一般公共服务支出\t90.00
二、其他收入\t10.00\t二、社会保障和就业支出\t20.00
本年收入合计\t110.00\t本年支出合计\t110.00
年初结转和结余\t5.00\t年末结转和结余\t5.00
总计\t115.00\t总计\t115.00

收入决算表

单位：万元

科目编码\t科目名称\t本年收入合计\t财政拨款收入\t其他收入
\t合计\t110.00\t100.00\t10.00
201\t一般公共服务支出\t90.00\t80.00\t10.00
2010601\t行政运行\t90.00\t80.00\t10.00
208\t社会保障和就业支出\t20.00\t20.00\t
2080505\t机关事业单位基本养老保险缴费支出\t20.00\t20.00\t

支出决算表

单位：万元

科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出
\t合计\t110.00\t70.00\t40.00
201\t一般公共服务支出\t90.00\t50.00\t40.00
2010601\t行政运行\t90.00\t50.00\t40.00
208\t社会保障和就业支出\t20.00\t20.00\t
2080505\t机关事业单位基本养老保险缴费支出\t20.00\t20.00\t

财政拨款收入支出决算总表

单位：万元

收入\t\t支出\t\t\t
项目\t决算数\t项目\t合计\t一般公共预算财政拨款\t政府性基金预算财政拨款
一、一般公共预算财政拨款\t100.00\t一、一般公共服务支出\t80.00\t80.00\t
\t\t二、社会保障和就业支出\t20.00\t20.00\t
本年收入合计\t100.00\t本年支出合计\t100.00\t100.00\t
总计\t100.00\t总计\t100.00\t100.00\t

一般公共预算财政拨款支出决算表

单位：万元

科目编码\t科目名称\t合计\t基本支出\t项目支出
\t合计\t100.00\t60.00\t40.00
201\t一般公共服务支出\t80.00\t40.00\t40.00
2010601\t行政运行\t80.00\t40.00\t40.00
208\t社会保障和就业支出\t20.00\t20.00\t
2080505\t机关事业单位基本养老保险缴费支出\t20.00\t20.00\t

一般公共预算财政拨款基本支出决算表

单位：万元

科目编码\t科目名称\t决算数\t科目编码\t科目名称\t决算数
301\t工资福利支出\t50.00\t302\t商品和服务支出\t10.00
30101\t基本工资\t50.00\t30201\t办公费\t10.00
人员经费合计\t\t50.00\t公用经费合计\t\t10.00

财政拨款“三公”经费支出决算表

单位：万元

合计\t合计\t因公出国（境）费\t因公出国（境）费\t公务用车购置及运行费\t公务用车购置及运行费\t公务用车购置及运行费\t\
公务用车购置及运行费\t公务用车购置及运行费\t公务用车购置及运行费\t公务接待费\t公务接待费
合计\t合计\t因公出国（境）费\t因公出国（境）费\t小计\t小计\t公务用车购置费\t公务用车购置费\t公务用车运行费\t\
公务用车运行费\t公务接待费\t公务接待费
预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t预算数\t决算数\t预算数\t决算数
3.00\t2.00\t\t\t2.00\t1.50\t0.50\t0.50\t1.50\t1.00\t1.00\t0.50

政府性基金预算财政拨款收入支出决算表

单位：万元

科目编码\t科目名称\t年初结转和结余\t本年收入\t本年支出
\t合计\t0.00\t0.00\t0.00
注：本单位无政府性基金预算财政拨款收入和支出，故本表无数据。

国有资本经营预算财政拨款收入支出决算表

单位：万元

科目编码\t科目名称\t年初结转和结余\t本年收入\t本年支出
\t合计\t0.00\t0.00\t0.00
注：本单位无国有资本经营预算财政拨款收入和支出，故本表无数据。

一般公共预算财政拨款支出年初预算为125.00万元，支出决算为100.00万元，完成年初预算的80.00%。决算数小于预算数的主要原因：项目调减。

1、一般公共服务支出（类）财政事务（款）行政运行（项）。年初预算为80.00万元，支出决算为80.00万元。决算数与预算数持平。
"""


def found(result, rule):
    return [(v.reported, v.computed) for v in result.violations if v.rule == rule]


def test_a_consistent_final_gives_no_finding(tmp_path, rules):
    result = lint_text(tmp_path, FINAL, rules)
    assert result.identity.kind == "final"
    assert [t.kind for t in result.tables_seen] == [
        "final_summary", "final_income", "final_expense", "final_fiscal_summary", "final_gpb_expense",
        "final_basic_expense", "final_three_public", "final_gov_fund", "final_soe_capital"]
    assert result.violations == []


@pytest.mark.parametrize("rule, old, new, finding", [
    # 收入支出决算总表: 总计 = 本年收入合计 + 年初结转和结余, and the two sides meet
    ("BL101", "总计\t115.00\t总计\t115.00", "总计\t116.00\t总计\t116.00", ("116.00", "115.00")),
    ("BL115", "年末结转和结余\t5.00\n总计\t115.00\t总计\t115.00", "年末结转和结余\t6.00\n总计\t115.00\t总计\t116.00",
     ("116.00", "115.00")),
    # 收入决算表: 本年收入合计 = 财政拨款收入 + 其他收入
    ("BL121", "2010601\t行政运行\t90.00\t80.00\t10.00", "2010601\t行政运行\t90.00\t80.00\t12.00", ("90.00", "92.00")),
    # 支出决算表: 本年支出合计 = 基本支出 + 项目支出
    ("BL122", "2010601\t行政运行\t90.00\t50.00\t40.00", "2010601\t行政运行\t90.00\t50.00\t41.00", ("90.00", "91.00")),
    # 一般公共预算财政拨款支出决算表: 合计 = 基本支出 + 项目支出
    ("BL123", "2010601\t行政运行\t80.00\t40.00\t40.00", "2010601\t行政运行\t80.00\t40.00\t41.00", ("80.00", "81.00")),
    # 财政拨款收入支出决算总表: 合计 = the funds
    ("BL124", "一、一般公共服务支出\t80.00\t80.00\t", "一、一般公共服务支出\t80.00\t79.00\t", ("80.00", "79.00")),
    # “三公” 决算: 合计 = 因公出国 + 公务用车 + 公务接待, for 预算数 and for 决算数
    ("BL125", "3.00\t2.00\t\t\t2.00", "3.50\t2.00\t\t\t2.00", ("3.50", "3.00")),
    ("BL126", "3.00\t2.00\t\t\t2.00", "3.00\t2.50\t\t\t2.00", ("2.50", "2.00")),
    # across tables
    ("BL221", "本年收入合计\t110.00\t本年支出合计\t110.00\n年初", "本年收入合计\t111.00\t本年支出合计\t110.00\n年初",
     ("111.00", "110.00")),
    ("BL223", "二、社会保障和就业支出\t20.00\n本年收入合计", "二、社会保障和就业支出\t21.00\n本年收入合计", ("21.00", "20.00")),
    ("BL224", "本年支出合计\t100.00\t100.00\t", "本年支出合计\t100.00\t99.00\t", ("99.00", "100.00")),
    # (the basic table changed throughout, so that it adds up in itself: a total its own rows do not add up to
    # is that table's error, BL101, not a disagreement between the tables)
    ("BL226", "商品和服务支出\t10.00\n30101\t基本工资\t50.00\t30201\t办公费\t10.00\n人员经费合计\t\t50.00\t公用经费合计\t\t10.00",
     "商品和服务支出\t9.00\n30101\t基本工资\t50.00\t30201\t办公费\t9.00\n人员经费合计\t\t50.00\t公用经费合计\t\t9.00",
     ("60.00", "59.00")),
    # the narrative
    ("BL351", "完成年初预算的80.00%", "完成年初预算的85.00%", ("85.00%", "80.00%")),
    ("BL353", "决算数与预算数持平", "决算数小于预算数", ("决算数小于预算数", "决算数与预算数持平")),
])
def test_each_final_identity_reports_a_changed_figure(tmp_path, rules, rule, old, new, finding):
    """Each rule on its own (another may catch the same figure first when all run)."""
    assert FINAL.count(old) == 1, old
    result = lint_text(tmp_path, FINAL.replace(old, new), rules.filtered([rule], []))
    assert finding in found(result, rule), [(v.rule, v.reported, v.computed) for v in result.violations]


def test_a_completion_rate_of_a_zero_budget_is_wrong(tmp_path, rules):
    text = FINAL.replace("年初预算为80.00万元，支出决算为80.00万元。决算数与预算数持平。",
                         "年初预算为0.00万元，支出决算为80.00万元，完成年初预算的100%。")
    assert found(lint_text(tmp_path, text, rules), "BL352") == [("100%", "年初预算为零，不应有完成率")]


def test_a_budget_and_its_outturn_are_never_one_quantity(tmp_path, rules):
    """`年初预算为 125.00 万元，支出决算为 100.00 万元`: not a figure stated twice (BL341), and the
    年初预算 is not compared with the tables' 决算 (BL302)."""
    result = lint_text(tmp_path, FINAL, rules)
    assert not [v for v in result.violations if v.rule in ("BL341", "BL302")]


def test_a_budget_disclosure_is_not_asked_for_the_final_tables(tmp_path, rules):
    text = FINAL.replace("某某局2024年度部门决算", "某某局2024年度部门预算").replace("决算表", "预算表")
    assert not [v for v in lint_text(tmp_path, text, rules).violations if v.rule == "BL515"]


@pytest.mark.parametrize("name", ["caizheng-2024-final.txt", "../pdf/caizheng-2024-final.pdf"])
def test_the_published_final_keeps_its_two_mistakes(name, rules):
    """上海市普陀区财政局 2024 决算: `财政拨款收入支出总计0.3万元` (the table prints 2,961.68) and
    一般公共服务支出 2106.66 万元 `占71.73%` of 2940.05 (71.65%); nothing else."""
    result = lint(sample(name), rules)
    assert [(v.rule, v.reported, v.computed) for v in result.violations] == [
        ("BL302", "0.3万元", "2961.68万元"), ("BL311", "71.73%", "71.65%")]


def test_a_final_s_heading_of_another_year_is_reported(tmp_path, rules):
    """The issue's case: `2022年度部门决算情况说明` in a 2023 决算 (here the 财政局's 2024 one): the
    heading of the 情况说明 names last year, a template not updated."""
    text = sample("caizheng-2024-final-corrected.txt").read_text(encoding="utf-8")
    text = text.replace("第三部分上海市普陀区财政局2024年度部门决算情况说明", "第三部分上海市普陀区财政局2023年度部门决算情况说明")
    (v,) = [v for v in lint_text(tmp_path, text, rules).violations if v.rule == "BL512"]
    assert (v.subject.location.line, v.reported) == (341, "2023年度部门决算情况说明")


@pytest.mark.parametrize("rate, note", [("94.84%", "；所印的是决算数与另一预算数 3100.00万元 之比"), ("98.20%", None)])
def test_a_rate_of_the_initial_budget_is_worked_out_on_it_whatever_else_is_stated(tmp_path, rules, rate, note):
    """上海 普陀 财政局 2024 p21, with a 全年预算 added: `完成年初预算的` is of 2993.92, not of 3100.00."""
    text = ("2024年部门决算\n\n一、部门决算情况说明\n\n一般公共预算财政拨款支出年初预算为2993.92万元，全年预算为3100.00万元，"
            f"支出决算为2940.05万元，完成年初预算的{rate}。决算数小于预算数的主要原因：项目调减。\n")
    findings = [v for v in lint_text(tmp_path, text, rules).violations if v.rule == "BL351"]
    assert [v.message.endswith(note) for v in findings] == ([True] if note else [])
