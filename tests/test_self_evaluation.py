"""The 决算 narrative's 绩效自评 against its own grades (BL346): the graded projects add up to those
evaluated, the average lies where the grades allow, a score lies in its grade's band.  The sentence is
the real one of 普陀 财政局 2024 决算 p23; each slip is planted in it and taken out again."""

from __future__ import annotations

import pytest

from conftest import lint_text

HEAD = "2024年度部门决算\n\n一、部门决算情况说明\n\n"

# 普陀 财政局 2024 决算 p23, as printed
PERFORMANCE = ("上海市普陀区财政局2024年度预算绩效管理工作开展情况如下：绩效自评的2024年度项目{evaluated}个，"
               "涉及预算金额598.42万元，平均得分{average}分（其中，绩效评级为“优”的项目{excellent}个；"
               "绩效评级为“良”的项目{good}个；绩效评级为“合格”的项目0个；绩效评级为“不合格”的项目0个。"
               "绩效自评中共发现问题0个，已经完成整改的0个，正在整改的0个）。\n")
PRINTED = {"evaluated": "4", "average": "99.43", "excellent": "4", "good": "0"}


def _found(tmp_path, rules, **changed) -> list[tuple[str, str]]:
    text = HEAD + PERFORMANCE.format(**{**PRINTED, **changed})
    return [(v.reported, v.computed) for v in lint_text(tmp_path, text, rules).violations if v.rule == "BL346"]


def test_the_printed_self_evaluation_is_consistent(tmp_path, rules):
    assert _found(tmp_path, rules) == []


def test_graded_projects_that_do_not_add_up_are_found(tmp_path, rules):
    assert _found(tmp_path, rules, good="1") == [("4 个", "5 个")]


@pytest.mark.parametrize("changed, found", [
    ({"average": "78.5"}, [("78.5 分", "90–100 分")]),  # four 优 cannot average below 90
    ({"average": "89.95"}, [("89.95 分", "90–100 分")]),  # at most 89.955
    ({"average": "90"}, []),  # the band's edge is in the band
])
def test_an_average_the_grades_do_not_allow_is_found(tmp_path, rules, changed, found):
    assert _found(tmp_path, rules, **changed) == found


def test_the_average_of_mixed_grades_has_their_range(tmp_path, rules):
    """Three 优 and one 良 average at least (3·90 + 80)/4 = 87.5."""
    assert _found(tmp_path, rules, excellent="3", good="1", average="86") == [("86 分", "87.5–97.5 分")]
    assert _found(tmp_path, rules, excellent="3", good="1", average="88") == []


@pytest.mark.parametrize("sentence, found", [
    ("该项目自评得分86分，评价等级为“优”。", [("86 分", "90–100 分")]),
    ("该项目自评得分96分，评价等级为“优”。", []),
    ("该项目评价等级为“良”，自评得分92.5分。", [("92.5 分", "80–90 分")]),
    ("该项目评价等级为“不合格”，自评得分55分。", []),  # 不合格, not its tail 合格
])
def test_a_score_outside_its_grade_is_found(tmp_path, rules, sentence, found):
    violations = lint_text(tmp_path, HEAD + sentence + "\n", rules).violations
    assert [(v.reported, v.computed) for v in violations if v.rule == "BL346"] == found


def test_grades_of_another_sentence_are_not_added_in(tmp_path, rules):
    """The grades after the sentence's end are another evaluation's (部门评价 of 3 projects)."""
    text = HEAD + PERFORMANCE.format(**PRINTED).rstrip("\n") + (
        "部门评价的项目3个，其中评价等级为“优”的项目2个，评价等级为“良”的项目1个。\n")
    assert [v.rule for v in lint_text(tmp_path, text, rules).violations if v.rule == "BL346"] == []
