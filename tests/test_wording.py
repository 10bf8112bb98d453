"""Words of the narrative a careful reviewer reads for: typing left in, amounts written wrong, dates of
another year, template choices.  Each rule fires on the sentence as a reviewer found it and stays
quiet on the same sentence put right."""

from __future__ import annotations

import pytest

from conftest import lint_text

HEAD = "2026年部门预算\n\n一、部门预算情况说明\n\n"


def _found(tmp_path, rules, sentence: str, rule: str) -> list[str]:
    result = lint_text(tmp_path, HEAD + sentence + "\n", rules)
    return [v.reported for v in result.violations if v.rule == rule]


@pytest.mark.parametrize("rule, wrong, right, reported", [
    ("BL605", "主要用于用于日常办公。", "主要用于日常办公。", "用于用于"),
    ("BL605", "共有项目项目 3 个。", "共有项目 3 个。", "项目项目"),
    ("BL605", "（一）（一）收入预算情况", "（一）收入预算情况", "（一）（一）"),
    ("BL605", "本年支出合计 20.00 万元，。", "本年支出合计 20.00 万元。", "，。"),
    ("BL605", "办公费、，印刷费", "办公费、印刷费", "、，"),
    ("BL610", "比上年增加 1,541.50.00 万元。", "比上年增加 1,541.50 万元。", "1,541.50.00 万元"),
    ("BL610", "政府性基金支出预算 万元。", "政府性基金支出预算 0.00 万元。", "预算 万元"),
    ("BL610", "比上年增加万元，主要原因是项目调整。", "比上年增加 3.00 万元，主要原因是项目调整。", "增加万元"),
    ("BL611", "截至 2024 年 12 月 31 日，本部门共有车辆 8 辆。", "截至 2025 年 12 月 31 日，本部门共有车辆 8 辆。",
     "截至 2024 年 12 月"),
    ("BL611", "截止2023年底，本部门共有车辆 8 辆。", "截止2026年1月，本部门共有车辆 8 辆。", "截止2023年底"),
    ("BL612", "一般共公预算拨款收入 236.88 万元。", "一般公共预算拨款收入 236.88 万元。", "共公预算"),
    ("BL612", "本年收人合计 236.88 万元。", "本年收入合计 236.88 万元。", "本年收人"),  # one slip, not two
    ("BL612", "财政拔款收入 236.88 万元。", "财政拨款收入 236.88 万元。", "拔款"),
    # 西安 商务局 2022 p25
    ("BL613", "住房公积金（2210201）348.92 万元，较上年减少 19.93 万元，原因是 2022 年住房公积金缴费增加；",
     "住房公积金（2210201）348.92 万元，较上年减少 19.93 万元，原因是 2022 年住房公积金缴费减少；",
     "减少 19.93 万元，原因是 2022 年住房公积金缴费增加"),
    ("BL613", "公务接待费 8 万元，比上年增加 2 万元，主要原因是接待任务减少。",
     "公务接待费 8 万元，比上年增加 2 万元，主要原因是接待任务增加。", "增加 2 万元，主要原因是接待任务减少"),
    # the district's 决算 template (上海 putuo-final-template p13), left under a table
    ("BL602", "无政府性基金预算财政拨款收入支出的，仍保留该表格式，并在本表下方作下述说明：",
     "本部门无政府性基金预算财政拨款收入支出，故本表为空表。",
     "无政府性基金预算财政拨款收入支出的，仍保留该表格式，并在本表下方作下述说明"),
])
def test_a_narrative_slip_is_found_and_its_correction_is_quiet(tmp_path, rules, rule, wrong, right, reported):
    assert _found(tmp_path, rules, wrong, rule) == [reported]
    assert _found(tmp_path, rules, right, rule) == []


@pytest.mark.parametrize("sentence", [
    "（单位：万元）",  # the unit of a table, not an amount left blank
    "金额单位为万元。",
    "单价 100 万元以上的设备 0 台。",
    "“三公”经费指部门（单位）使用财政拨款安排的因公出国（境）费。",  # a definition, not a template's choice
    "截至 2025 年底，结转结余较 2024 年底有所下降。",  # a comparison in the clause, not the date
    "长期目标（截止 2026 年）",  # a target's horizon (通城 2024), not the date of a statement
    "本部门共公开 9 张预算表。",  # 共 + 公开, not 共公
    # 广州 气象局 2026: a reason in two clauses, with a negation
    "委托业务费比上年减少 12 万元，主要原因是上年度的阶段性项目已完成，本年度无新增阶段性项目。",
    "公务用车购置及运行费比上年减少 10 万元，主要原因是新增1辆公务用车购置，但车辆类型不同。",  # 上海 万里 2025
])
def test_what_only_looks_like_a_slip_is_quiet(tmp_path, rules, sentence):
    result = lint_text(tmp_path, HEAD + sentence + "\n", rules)
    assert [v.rule for v in result.violations if v.rule in ("BL601", "BL605", "BL610", "BL611", "BL612", "BL613")] == []


def test_a_final_account_speaks_of_its_own_year_end(tmp_path, rules):
    text = "2024年部门决算\n\n一、情况说明\n\n截至 2023 年 12 月 31 日，本部门共有车辆 8 辆。\n"
    (finding,) = [v for v in lint_text(tmp_path, text, rules).violations if v.rule == "BL611"]
    assert (finding.reported, finding.computed) == ("截至 2023 年 12 月", "截至 2024 年 12 月")
    assert [v for v in lint_text(tmp_path, text.replace("2023 年 12", "2024 年 12"), rules).violations
            if v.rule == "BL611"] == []


@pytest.mark.parametrize("retired, found", [("75", []), ("72", [("78 人", "75")])])
def test_retirees_add_up_to_their_count(tmp_path, rules, retired, found):
    sentence = f"本部门离退休人员 78 人，其中离休 3 人、退休 {retired} 人。"
    result = lint_text(tmp_path, HEAD + sentence + "\n", rules)
    assert [(v.reported, v.computed) for v in result.violations if v.rule == "BL343"] == found


def test_a_rate_printed_as_this_year_over_last_year_is_said_to_be(tmp_path, rules):
    """`24.5 万元，比上年减少 18.6 万元，下降 56.8%`: the fall is 43.16%; 56.8% is 24.5 / 43.1."""
    sentence = "“三公”经费预算 24.5 万元，比上年减少 18.6 万元，下降 {rate}%。"
    (finding,) = [v for v in lint_text(tmp_path, HEAD + sentence.format(rate="56.8") + "\n", rules).violations
                  if v.rule == "BL321"]
    assert finding.computed == "43.16%" and finding.message.endswith("；所印的是本年数与上年数之比")
    (other,) = [v for v in lint_text(tmp_path, HEAD + sentence.format(rate="50.0") + "\n", rules).violations
                if v.rule == "BL321"]
    assert "本年数与上年数之比" not in other.message


@pytest.mark.parametrize("written, found", [("教育与体育局", ["通城县教育与体育局"]), ("教育和体育局", [])])
def test_the_agency_is_named_as_on_its_cover(tmp_path, rules, written, found):
    text = (f"预算单位：通城县教育和体育局\n\n2026年部门预算\n\n一、部门预算情况说明\n\n"
            f"通城县{written}2026年收入预算 236.88 万元。\n")
    assert [v.reported for v in lint_text(tmp_path, text, rules).violations if v.rule == "BL614"] == found


@pytest.mark.parametrize("title, found", [
    ("上海市财政局2024年度部门决算", ["上海市财政局"]),  # the city's agency, not the district's
    ("上海市普陀区财政局2024年度部门决算", []),
    ("财政局2024年度部门决算", []),  # a short name leaves both places out: no other agency
])
def test_a_title_that_leaves_the_district_out_of_the_name_is_found(tmp_path, rules, title, found):
    text = (f"预算单位：上海市普陀区财政局\n\n{title}\n\n一、部门决算情况说明\n\n"
            "根据上海市财政局要求，本部门2024年度收入决算 236.88 万元。\n")  # the city's agency, named in the text
    assert [v.reported for v in lint_text(tmp_path, text, rules).violations if v.rule == "BL614"] == found


@pytest.mark.parametrize("period, found", [
    ("2025.1.1-2025.12.31", ["2025.1.1-2025.12.31"]),  # 上海 普陀 商务委 2025 p23's layout, a year late
    ("2026.1.1-2026.12.31", []),
    ("2026年1月至2028年12月", []),  # a project of several years
])
def test_a_project_s_period_includes_the_disclosure_s_year(tmp_path, rules, period, found):
    text = HEAD + "（一）促进消费专项\n\n五、实施周期\n\n" + period + "\n\n六、年度预算安排\n\n2026年度项目总预算1410.00万元。\n"
    assert [v.reported for v in lint_text(tmp_path, text, rules).violations if v.rule == "BL615"] == found


def test_a_period_in_the_sentence_that_names_it_is_checked_and_other_ranges_are_not(tmp_path, rules):
    text = HEAD + "项目实施周期：2024年1月至2024年12月。“十四五”规划期为2021年-2025年。\n"
    (finding,) = [v for v in lint_text(tmp_path, text, rules).violations if v.rule == "BL615"]
    assert (finding.reported, finding.computed) == ("2024年1月至2024年12月", "2024年1月至2026年12月")
