"""Amounts of the narrative that cannot be right whatever the tables say: one written in 元 among
amounts in 万元 (BL344), a part larger than the amount it is listed under (BL345).  The sentences are
real ones of the corpus, shortened; each rule fires on the slip and is quiet once it is put right."""

from __future__ import annotations

import re

import pytest

from conftest import lint_text, sample

HEAD = "2026年部门预算\n\n一、部门预算情况说明\n\n"

# 深圳 生态环境局 2026 p11: the project's parts are in 万元, the project itself in 元
PROJECTS = ("（一）项目支出 {total} 万元，主要用于：\n\n"
            "1.环境监测项目 1,200.00 万元，主要用于空气、水质自动监测站的运行维护。\n\n"
            "2.污染防治项目 18,686.86 {unit}，主要包括：水生态环境管理工作 3,953.30 万元，主要用于水生态调查；"
            "生态、土壤和海洋生态环境管理 3,918.70 万元；核与辐射安全管理 2,900.00 万元；"
            "大气污染防治 2,582.44 万元；基层生态环境专项经费 132.00 万元；其他污染防治工作 5,200.42 万元。\n\n"
            "3.执法项目 300.00 万元，主要用于执法装备购置。\n\n"
            "4.宣传教育项目 86.00 万元，主要用于生态文明宣传活动。\n")


def _found(tmp_path, text: str, rules, rule: str) -> list[tuple[str, str]]:
    return [(v.reported, v.computed) for v in lint_text(tmp_path, HEAD + text, rules).violations if v.rule == rule]


def test_an_amount_in_yuan_among_amounts_in_wan_yuan_is_found(tmp_path, rules):
    text = PROJECTS.format(total="20,272.86", unit="元")
    assert _found(tmp_path, text, rules, "BL344") == [("18,686.86 元", "18,686.86 万元")]
    assert _found(tmp_path, PROJECTS.format(total="20,272.86", unit="万元"), rules, "BL344") == []


@pytest.mark.parametrize("sentence", [
    "离退休人员补助标准为每人每月 800 元，全年 28.80 万元。",  # a rate, not an amount
    "伙食补助费 120 元/人·天。",
    "政府性基金预算拨款收入 0 元。",  # 0 is 0 in every unit (北京 气象局 2026 writes its zeros in 元)
])
def test_a_rate_or_a_zero_in_yuan_is_not_a_slip(tmp_path, rules, sentence):
    text = PROJECTS.format(total="20,272.86", unit="万元") + "\n" + sentence + "\n"
    assert _found(tmp_path, text, rules, "BL344") == []


def test_a_narrative_with_few_amounts_sets_no_unit(tmp_path, rules):
    """Two amounts in 万元 and one in 元 make no rule the narrative keeps."""
    text = "（一）项目支出 20.00 万元，其中：环境监测项目 12.00 万元、执法项目 8,000.00 元。\n"
    assert _found(tmp_path, text, rules, "BL344") == []


# 北京 卫健委 2026 p10: the direction's 35,541.8 万元 is twice the transfer it is part of
TRANSFER = ("2.2026 年，已安排公共卫生及计划生育扶助保障共同事权转移支付资金{whole}万元，其中：安排基本公共卫生"
            "服务方向 35,541.8 万元，主要用于免费向城乡居民提供基本公共卫生服务。\n")


@pytest.mark.parametrize("whole, found", [("18,225.94", [("35,541.8 万元", "18,225.94万元")]), ("48,225.94", [])])
def test_a_part_larger_than_its_whole_is_found(tmp_path, rules, whole, found):
    assert _found(tmp_path, TRANSFER.format(whole=whole), rules, "BL345") == found


@pytest.mark.parametrize("count, found", [("15", [("15 台", "8 台")]), ("3", [])])
def test_a_counted_part_larger_than_its_count_is_found(tmp_path, rules, count, found):
    sentence = f"本部门共有专用设备 8 台，其中单价 100 万元以上的设备 {count} 台。\n"
    assert _found(tmp_path, sentence, rules, "BL345") == found


def test_a_list_after_several_amounts_is_not_read_as_parts_of_the_last(tmp_path, rules):
    """重庆 2026: `总额 A：货物 B、工程 C、服务 D；其中一般公共预算拨款 E` — E is of the total, not of D."""
    sentence = ("所属各预算单位政府采购预算总额6,143.52万元：政府采购货物预算5,242.52万元、政府采购工程预算0万元、"
                "政府采购服务预算901万元；其中一般公共预算拨款政府采购2,521.44万元。\n")
    assert _found(tmp_path, sentence, rules, "BL345") == []


@pytest.mark.parametrize("rate, note", [("22", "；所印的是占财政拨款支出的比例"), ("25", "")])
def test_a_share_of_another_total_says_which(tmp_path, rules, rate, note):
    """110 of 1,000 is 11%; the 22% printed is 110 of the 财政拨款 500 — the message says so."""
    text = ("2026年财政拨款支出预算 500.00 万元。\n\n"
            f"2026年支出预算 1000.00 万元，其中：基本支出 890.00 万元，占 89%；项目支出 110.00 万元，占 {rate}%。\n")
    (finding,) = [v for v in lint_text(tmp_path, HEAD + text, rules).violations if v.rule == "BL311"]
    assert finding.computed == "11.00%" and finding.message.endswith(note or "11.00%")


@pytest.mark.parametrize("reception, found", [("公务接待费费", []), ("公务接待费", [("6.51 万元", "6.61 万元")])])
def test_a_list_is_added_up_only_where_its_parts_are_read(tmp_path, rules, reception, found):
    """西安 宣传部 2021 p11: after `因公出国（境）经费 0 万元` the list goes on with `公务接待费费` (sic), a part
    not recognised: one part read is no list to add up.  Named right, the parts are added up (and here
    0.00 + 6.61 + 0.00 is not 6.51; the real `0 万元` may stand for up to 0.5 万元)."""
    sentence = ("本部门当年一般公共预算“三公”经费预算支出 6.51 万元，较上年减少 1.49 万元。其中：因公出国（境）经费 0.00 万元，"
                f"较上年没有变化；{reception} 6.61万元，较上年减少 1.49 万元；公务用车运行维护费 0.00 万元，较上年没有变化。\n")
    assert _found(tmp_path, sentence, rules, "BL335") == found


@pytest.mark.parametrize("sentence", [
    # 台前 2023: 个 counts units here and 股室 there
    "本部门预算编制范围的单位共 1 个，包括：2 个行政股室（办公室、待遇保障股），以及 1 个事业单位。\n",
    "本单位共有专用车辆 1 辆，其中：单价 100 万元以上设备 18 台（套）。\n",  # 苏州 2026: 辆 are not 台（套）
])
def test_parts_counting_other_things_are_not_compared_with_the_whole(tmp_path, rules, sentence):
    assert _found(tmp_path, sentence, rules, "BL345") == []


# 江苏 人大 2017 p24 says `本年收入预算合计 13649.07万元，全部为公共财政拨款资金`; here the claim is put
# into 漳州 医保 2024, whose 16,506.19 万元 is all 一般公共预算拨款 (15,954.19 this year, 552.00 carried over)
ZHANGZHOU = sample("zhangzhou-2024.txt").read_text(encoding="utf-8")
INCOME = re.compile(r"2024年，漳州市医疗保障局（汇总）部门收入预算为16,506.19万元[^\n]*")
CLAIMED = "2024年，漳州市医疗保障局（汇总）部门收入预算为{total}万元，全部为公共财政拨款资金。"


def _sole_source(tmp_path, rules, text: str) -> list[tuple[str, str]]:
    result = lint_text(tmp_path, text, rules)
    return [(v.reported, v.computed) for v in result.violations if v.rule == "BL347"]


def test_an_income_said_to_be_all_appropriation_agrees_with_the_tables(tmp_path, rules):
    text = INCOME.sub(CLAIMED.format(total="16,506.19"), ZHANGZHOU)
    assert _sole_source(tmp_path, rules, text) == []


def test_an_income_said_to_be_all_appropriation_beside_other_sources_is_found(tmp_path, rules):
    """The 收支总表 gets 1,000 万元 of 事业收入, spent on 卫生健康: the income is 17,506.19, of which
    16,506.19 is appropriation."""
    text = (INCOME.sub(CLAIMED.format(total="17,506.19"), ZHANGZHOU)
            .replace("五、事业收入\t0.00", "五、事业收入\t1000.00")
            .replace("九、卫生健康支出\t15349.33", "九、卫生健康支出\t16349.33")
            .replace("收入合计\t16506.19\t支出合计\t16506.19", "收入合计\t17506.19\t支出合计\t17506.19", 1))
    assert _sole_source(tmp_path, rules, text) == [("17,506.19万元", "16,506.19万元")]
    assert _sole_source(tmp_path, rules, text.replace("，全部为公共财政拨款资金", "")) == []
