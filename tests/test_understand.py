"""From tables to facts: kinds, units, column paths, groups, codes and row hierarchy."""

from fractions import Fraction

import pytest

from budgetlint.figures import WAN_YUAN, YUAN
from budgetlint.understand.hierarchy import total_addends
from budgetlint.understand.rows import split_label

from conftest import facts_of, sample


def table(doc, fragment):
    return next(t for t in doc.tables if fragment in (t.table.title or ""))


@pytest.mark.parametrize("name, kinds", [
    ("xixiang-2024.txt", ["contents", "income_expense_summary", "fiscal_summary", "gpb_expense", "gpb_economic",
                          "basic_expense", "basic_expense", "gov_fund", "project_expense", "performance",
                          "performance", "performance"]),
    ("taiqian-2023.txt", ["income_expense_summary", "income_summary", "expense_summary", "fiscal_summary",
                          "gpb_expense", "basic_expense", "three_public", "gov_fund", "project_expense",
                          "performance", "performance"]),
    ("zhangzhou-2024.txt", ["contents", None, "income_expense_summary", "income_summary", "expense_summary",
                            "fiscal_summary", "gpb_expense", "gov_fund", "soe_capital", "gpb_economic",
                            "basic_expense", "three_public"] + ["performance"] * 6),
])
def test_every_standard_table_is_recognised(name, kinds):
    doc = facts_of(sample(name))
    assert [t.kind.id if t.kind else None for t in doc.tables] == kinds


def test_units_from_captions():
    xixiang = facts_of(sample("xixiang-2024.txt"))
    assert table(xixiang, "收支总表").unit == YUAN
    taiqian = facts_of(sample("taiqian-2023.txt"))
    fact = table(taiqian, "部门支出预算表").facts[0]
    assert fact.figure.unit == WAN_YUAN
    assert fact.interval.lo == Fraction("24699350") and fact.interval.hi == Fraction("24699450")


def test_multirow_header_paths():
    doc = facts_of(sample("taiqian-2023.txt"))
    income = table(doc, "部门收入预算表")
    titles = [c.title for c in income.columns]
    assert titles[2] == "总计"
    assert titles[4] == "本年收入/一般公共预算/小计"
    assert titles[5] == "本年收入/一般公共预算/其中：财政拨款"
    assert income.columns[5].partial and income.columns[4].name == "一般公共预算"
    assert titles[6] == "本年收入/政府性基金"


def test_side_by_side_summary_has_a_group_per_label_column():
    doc = facts_of(sample("xixiang-2024.txt"))
    summary = table(doc, "收支总表")
    assert len(summary.groups) == 4
    function = summary.groups[1]
    health = next(e for e in function.entries if e.key == "卫生健康支出")
    assert health.code.digits == "210" and health.code.inferred
    assert health.cells[3].figure.value == 1944113


def test_split_codes_joined_and_padded():
    doc = facts_of(sample("taiqian-2023.txt"))
    gpb = table(doc, "一般公共预算支出预算表")
    codes = [(e.code.digits, e.code.padded) for e in gpb.groups[0].entries if e.code]
    assert ("2080505", True) in codes and ("2210201", False) in codes  # `221 | 2 | 1`


def test_code_hierarchy_and_total_scope():
    doc = facts_of(sample("xixiang-2024.txt"))
    t5 = table(doc, "按支出功能分类科目")
    group = t5.groups[0]
    assert group.mode == "code"
    by_code = {e.code.digits: e for e in group.entries if e.code}
    assert by_code["2101506"].parent is by_code["21015"] and by_code["21015"].parent is by_code["210"]
    total = group.entries[0]
    assert [e.code.digits for e in total_addends(group, total)] == ["208", "210", "221"]


def test_outline_hierarchy_and_grand_total():
    doc = facts_of(sample("xixiang-2024.txt"))
    income = table(doc, "收支总表").groups[0]
    assert income.mode == "outline"
    by_key = {e.key: e for e in income.entries}
    assert by_key["一般公共预算拨款"].parent is by_key["财政拨款"]
    assert by_key["专项资金列入部门预算的项目"].partial
    grand = by_key["收入总计"]
    assert [e.key for e in total_addends(income, grand)] == ["本年收入合计", "使用非财政拨款结余", "上年实户资金余额", "上年结转"]


def test_unit_codes_in_a_name_column():
    doc = facts_of(sample("taiqian-2023.txt"))
    projects = table(doc, "项目支出预算表").groups[0]
    assert projects.mode == "units"  # each project under the unit row above it, which they add up to
    total, unit = projects.entries[0], projects.entries[1]
    assert total.is_total and not total.label  # the unlabelled first row is the total
    assert [e.unit_code for e in total_addends(projects, total)] == ["205"]
    assert unit.unit_code == "205" and projects.entries[2].parent is unit and len(unit.children) == len(projects.entries) - 2


@pytest.mark.parametrize("label, marker, partial, key", [
    ("一、部门预算", "一、", False, "部门预算"),
    ("（一）一般公共预算拨款", "（一）", False, "一般公共预算拨款"),
    ("(1)工资福利支出", "(1)", False, "工资福利支出"),
    ("其中：专项资金列入部门预算的项目", None, True, "专项资金列入部门预算的项目"),
    ("其中：（1）公务用车购置费", "(1)", False, "公务用车购置费"),
    ("2024年度", None, False, "2024年度"),
])
def test_outline_markers(label, marker, partial, key):
    style, is_partial, bare = split_label(label)
    assert (style, is_partial, bare) == (marker, partial, key)
