"""Narrative rules on the real samples, and narrative figures changed one at a time."""

from __future__ import annotations

import pytest

import re

from budgetlint.figures import render_value
from budgetlint.lint import check_file
from budgetlint.understand.statements import Printed

from conftest import checked_narrative_figures, facts_of, lint, lint_text, sample


def narrative_violations(result):
    return [v for v in result.violations if v.rule.startswith("BL3")]


def test_taiqian_shares_and_growth_claims(rules):
    found = {(v.rule, v.subject.location.line, v.reported): v for v in narrative_violations(lint(sample("taiqian-2023.txt"), rules))}
    assert found[("BL311", 94, "23.70%")].computed == "23.66%"
    assert found[("BL311", 94, "96.3%")].computed == "76.34%"
    partition = found[("BL312", 94, "120.00%")]
    assert partition.computed == "100.00%"
    for line in (86, 98):
        assert found[("BL321", line, "8%")].computed == "17.09%"
    personnel = found[("BL302", 138, "567万元")]  # the same 人员经费 stated as 560 and 567 万元
    assert personnel.computed == "560万元" and personnel.related[0].table == "一般公共预算基本支出表"


@pytest.mark.parametrize("name", ["xixiang-2024.txt", "zhangzhou-2024.txt", "tongcheng-2024.txt",
                                  "caizheng-2024-final-corrected.txt"])
def test_consistent_narratives_give_no_narrative_violation(name, rules):
    assert narrative_violations(lint(sample(name), rules)) == []


def _mutated(text: str, printed: Printed) -> str:
    """The document with ``printed`` made larger by 37 units of its last digit, printed alike."""
    fig = printed.figure
    number = render_value(fig.value + 37, fig.decimals, fig.grouped)
    digits = re.match(r"[\d,]+(\.\d+)?", printed.text).group(0)  # its unit may be on the next line
    lines = text.split("\n")
    loc = printed.location
    line = lines[loc.line - 1]
    start = loc.column - 1
    assert line[start : start + len(digits)] == digits
    lines[loc.line - 1] = line[:start] + number + line[start + len(digits):]
    return "\n".join(lines)


def _signature(v):
    return (v.rule, v.subject.location.line, v.subject.location.column, v.computed)


@pytest.mark.parametrize("name, at_least", [
    ("xixiang-2024.txt", 30), ("zhangzhou-2024.txt", 45), ("tongcheng-2024.txt", 8), ("taiqian-2023.txt", 10),
    ("caizheng-2024-final-corrected.txt", 20)])
def test_each_changed_narrative_figure_is_reported_at_its_line(name, at_least, rules, tmp_path):
    original = sample(name).read_text(encoding="utf-8")
    baseline = check_file(sample(name), rules).violations
    already = {(v.subject.location.line, v.subject.location.column) for v in baseline}
    figures = [(w, p) for w, p in checked_narrative_figures(facts_of(sample(name)), rules)
               if (p.location.line, p.location.column) not in already]  # 台前's wrong shares are reported already
    assert len(figures) >= at_least
    missed = []
    for i, (what, printed) in enumerate(figures):
        path = tmp_path / f"{i}.txt"
        path.write_text(_mutated(original, printed), encoding="utf-8")
        new = [v for v in check_file(path, rules).violations if _signature(v) not in {_signature(b) for b in baseline}]
        here = [v for v in new if v.subject.location.line == printed.location.line and v.related]
        if what == "amount":  # against the tables: at the figure itself, the table cells under related
            here = [v for v in here if v.subject.location.column == printed.location.column
                    and any(r.table for r in v.related)]
        elif what == "part":  # a breakdown is reported at its total, the changed part under related
            here += [v for v in new if any((r.location.line, r.location.column) ==
                                           (printed.location.line, printed.location.column) for r in v.related)]
        if not here:
            missed.append(f"{what} {printed.text} at {printed.location.line}:{printed.location.column}")
    assert missed == []


SHANGHAI_THREE_PUBLIC = """\
2025年部门“三公”经费和机关运行经费预算表

单位：万元

“三公”经费预算数\t“三公”经费预算数\t“三公”经费预算数\t“三公”经费预算数\t“三公”经费预算数\t“三公”经费预算数\t机关运行经费预算数
合计\t因公出国(境)费\t公务接待费\t公务用车购置及运行费\t公务用车购置及运行费\t公务用车购置及运行费\t
\t\t\t小计\t购置费\t运行费\t
1.00\t\t1.00\t\t\t\t464.64
"""


@pytest.mark.parametrize("stated, found", [("464.64", []), ("446.64", [("BL302", "446.64万元", "464.64万元")])])
def test_agency_running_costs_are_the_figure_beside_the_three_public(tmp_path, rules, stated, found):
    """上海 wanli-2025 p30: `…下属1家机关和1家参公事业单位财政拨款的机关运行经费预算为464.64万元` — the
    counts before it do not take the amount's place; the 三公 table prints it in its last column."""
    text = (f"万里街道办事处2025年部门预算\n\n二、机关运行经费预算\n\n2025年万里街道办事处（部门）下属1家机关和1家"
            f"参公事业单位财政拨款的机关运行经费预算为{stated}万元。\n\n" + SHANGHAI_THREE_PUBLIC)
    violations = lint_text(tmp_path, text, rules).violations
    assert [(v.rule, v.reported, v.computed) for v in violations if v.rule.startswith("BL3")] == found


VEHICLES = ("2025年部门预算安排购置车辆1辆，其中：部级领导干部用车0辆、主要领导干部用车0辆、机要通信用车0辆、"
            "应急保障用车0辆、执法执勤用车0辆、特种专业技术用车0辆、离退休干部用车0辆、其他用车{other}辆。"
            "截至2024年12月31日，本部门共有车辆8辆，其中：执法执勤用车0辆、其他用车8辆。")


@pytest.mark.parametrize("other, found", [("1", []), ("0", [("BL342", "1辆", "0")])])
def test_vehicles_by_use_add_up_to_the_count_exactly(tmp_path, rules, other, found):
    """上海 wanli-2025 p30: vehicles to buy and vehicles held, each broken down by use.  A count is whole:
    eight parts printed as 0 cannot add up to 1 (with rounding intervals they could, ±0.5 each); and
    `其他用车` of the vehicles to buy is not `其他用车` of those held (no restatement between them)."""
    text = "万里街道办事处2025年部门预算\n\n二、国有资产占有使用情况\n\n" + VEHICLES.format(other=other) + "\n"
    violations = lint_text(tmp_path, text, rules).violations
    assert [(v.rule, v.reported, v.computed) for v in violations if v.rule.startswith("BL3")] == found


@pytest.mark.parametrize("whole, gov_fund, found", [
    ("预算支出", "303.00", []),  # 事业单位经营支出 and other sources are not named
    ("预算支出", "313.00", [("BL333", "372.00 万元", "377.00 万元")]),  # the sources named exceed it
    ("财政拨款支出", "303.00", [("BL333", "372.00 万元", "367.00 万元")]),  # the fiscal funds are all of it
])
def test_expenditure_by_fiscal_fund_may_leave_other_sources_out(tmp_path, rules, whole, gov_fund, found):
    """西安 自然资源 2022 p24: `预算支出 372001.19 万元，其中一般公共预算拨款支出 64022.47 万元、政府性基金拨款
    支出 303177.96 万元` — the rest, 4,800.76, is 事业单位经营支出."""
    text = (f"2022年部门预算\n\n一、收支预算情况\n\n2022 年本部门{whole} 372.00 万元，其中一般公共预算拨款支出 64.00 万元、"
            f"政府性基金拨款支出 {gov_fund} 万元。\n")
    violations = lint_text(tmp_path, text, rules).violations
    assert [(v.rule, v.reported, v.computed) for v in violations if v.rule == "BL333"] == found


ECONOMIC = ("一般公共预算支出表（按经济分类）\n\n单位：万元\n\n科目编码\t科目名称\t支出总计\t基本支出\t项目支出\n"
            "\t合计\t273.72\t139.63\t134.09\n30209\t物业管理费\t139.63\t139.63\t0.00\n30214\t租赁费\t134.09\t0.00\t134.09\n")
PROJECTS = ("项目支出总表\n\n单位：万元\n\n支出项目类别\t总计\n合计\t134.09\n物业管理费\t134.09\n")


@pytest.mark.parametrize("tables, found", [(ECONOMIC + "\n" + PROJECTS, []),
                                           (ECONOMIC, [("BL303", "134.09 万元", "139.63 万元")])])
def test_a_project_named_like_a_subject_is_the_project(tmp_path, rules, tables, found):
    """深圳 生态环境 2026 p30: `2.物业管理费 134.09 万元，用于物业租赁` lists a project of that name (项目支出总表),
    not the subject 30209 物业管理费 (139.63 万元)."""
    text = "2026年部门预算\n\n三、项目支出情况\n\n2.物业管理费 134.09 万元，用于物业租赁，保障机构正常运转。\n\n" + tables
    violations = lint_text(tmp_path, text, rules).violations
    assert [(v.rule, v.reported, v.computed) for v in violations if v.rule == "BL303"] == found


def test_a_wrong_rate_of_a_decline_is_called_a_rate_of_decline(tmp_path, rules):
    """普陀 财政局 2024 决算: `减少56.95万元，下降1.87%`, the rate changed to 2.87%."""
    text = sample("caizheng-2024-final-corrected.txt").read_text(encoding="utf-8")
    (finding,) = [v for v in lint_text(tmp_path, text.replace("下降1.87%", "下降2.87%"), rules).violations
                  if v.rule == "BL321"]
    assert "下降率应为 1.87%" in finding.message and "增长率" not in finding.message
