"""Lists of names in the narrative against the table rows they name (BL361, BL362), on the sentences
of the 江苏 corpus (jianchayuan-2019 p29, renda-2018 p26) and its 基本支出 tables."""

from __future__ import annotations

import pytest

from budgetlint.model import Location
from budgetlint.understand.lists import named_lists
from budgetlint.understand.passages import Passage

from conftest import lint_text

TABLE = """\
一般公共预算基本支出表

单位：万元

科目编码\t科目名称\t合计\t人员经费\t公用经费
301\t工资福利支出\t2,783.06\t2,783.06\t
30101\t基本工资\t2,171.78\t2,171.78\t
30102\t津贴补贴\t425.79\t425.79\t
30103\t奖金\t180.14\t180.14\t
30199\t其他工资福利支出\t5.35\t5.35\t
302\t商品和服务支出\t62.79\t\t62.79
30201\t办公费\t16.79\t\t16.79
30211\t差旅费\t37.00\t\t37.00
30229\t福利费\t9.00\t\t9.00
30299\t其他商品和服务支出\t0.00\t\t0.00
303\t对个人和家庭的补助\t1.05\t1.05\t
30301\t离休费\t1.05\t1.05\t
30309\t奖励金\t0.00\t0.00\t
\t合计\t2,846.90\t2,784.11\t62.79
"""


def check(tmp_path, rules, sentence: str):
    text = "某某厅2019年部门预算\n\n五、一般公共预算基本支出预算情况说明\n\n" + sentence + "\n\n" + TABLE
    return [(v.rule, v.reported, v.computed) for v in lint_text(tmp_path, text, rules).violations
            if v.rule in ("BL361", "BL362")]


def test_a_list_is_read_name_by_name_where_it_was_printed():
    text = ("（二）公用经费1579.38万元。主要包括：办公费、水费、电费、邮电费、差旅费、工会经费、福利费、公务用车运行维护费、"
            "其他交通费用。（按“部门预算公开06表 财政拨款基本支出预算表”中实际发生经济分类支出事项填写）")
    (found,) = named_lists(Passage(text, [(0, Location("x.txt", None, 1, 1))]))
    assert [n.name for n in found.names][-3:] == ["福利费", "公务用车运行维护费", "其他交通费用"]
    assert found.names[0].location.column == text.index("办公费") + 1
    assert named_lists(Passage("主要用于人员支出、日常公用支出。", [(0, Location("x.txt", None, 1, 1))])) == []


@pytest.mark.parametrize("sentence, found", [
    ("（一）人员经费 2,784.11 万元。主要包括：基本工资、津贴补贴、奖金、其他工资福利支出、离休费。", []),
    # a listed row the table gives 0.00
    ("（一）人员经费 2,784.11 万元。主要包括：基本工资、津贴补贴、奖金、其他工资福利支出、离休费、奖励金。",
     [("BL361", "奖励金", "0.00（一般公共预算基本支出表）")]),
    # 差旅费 37.00 left out while 福利费 9.00 is listed
    # `其他商品和服务支出` is one name, not 其他商品 and 服务支出
    ("（二）公用经费 62.79 万元。主要包括：办公费、差旅费、福利费、其他商品和服务支出。",
     [("BL361", "其他商品和服务支出", "0.00（一般公共预算基本支出表）")]),
    ("（二）公用经费 62.79 万元。主要包括：办公费、福利费、水费和电费。", []),  # two names of four are rows: not a list of rows
    ("（二）公用经费 62.79 万元。主要包括：办公费、福利费、离休费。", [("BL362", "未列「差旅费」", "差旅费 37.00")]),
    # the smaller rows may be left out of a list of the main ones
    ("（一）人员经费 2,784.11 万元。主要包括：基本工资、津贴补贴、奖金。", []),
])
def test_a_list_names_the_rows_that_have_amounts(tmp_path, rules, sentence, found):
    assert check(tmp_path, rules, sentence) == found


def test_a_list_of_names_no_table_prints_is_prose(tmp_path, rules):
    sentence = "本部门包括 27 个内设机构，具体包括：办公室、政治部、研究室、奖励金。"
    assert check(tmp_path, rules, sentence) == []
