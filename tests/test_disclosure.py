"""What a disclosure is and which files make it up: identity, grouping, rules for one kind of disclosure,
and what could not be understood."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from budgetlint.disclosure import group_files, stem
from budgetlint.engine.pack import load_rules
from budgetlint.engine.yamlsource import RuleError
from budgetlint.lint import check_paths

from conftest import facts_of, lint_text, sample

BUDGET_TABLE = """\
{title}

单位：万元

科目编码\t科目名称\t合计\t基本支出\t项目支出
\t合计\t100.00\t60.00\t40.00
2101101\t行政单位医疗\t100.00\t60.00\t40.00
"""


@pytest.mark.parametrize("name, identity", [
    ("taiqian-2023.txt", ("budget", "department", 2023, "台前县医疗保障局")),
    ("xixiang-2024.txt", ("budget", "unit", 2024, "西乡县医疗保险业务经办中心")),
    ("zhangzhou-2024.txt", ("budget", "department", 2024, "漳州市医疗保障局")),
    ("tongcheng-2024.txt", ("budget", "department", 2024, "通城县医疗保障局")),
])
def test_the_seeds_are_identified_from_their_covers(name, identity):
    found = facts_of(sample(name)).identity
    assert (found.kind, found.level, found.year, found.agency) == identity


def test_a_final_accounts_disclosure_is_told_by_its_cover_and_tables(tmp_path, rules):
    text = "上海市普陀区某某局2024年度部门决算\n\n" + BUDGET_TABLE.format(title="一般公共预算财政拨款支出决算表")
    result = lint_text(tmp_path, text, rules)
    assert (result.identity.kind, result.identity.year, result.identity.agency) == ("final", 2024, "上海市普陀区某某局")
    assert result.tables_seen[0].kind == "final_gpb_expense"
    # the budget's eight tables are not asked of a 决算 (BL501); its own nine are (BL515)
    rules_found = {v.rule for v in result.violations}
    assert "BL501" not in rules_found and "BL515" in rules_found


def test_rules_may_be_limited_to_one_kind_of_disclosure(tmp_path):
    pack = tmp_path / "ours.yaml"
    pack.write_text("rules:\n  - id: XY501\n    name: ours\n    kind: required-tables\n    documents: [draft]\n"
                    "    tables: [income_summary]\n    disclosure: 预算表\n    description: d\n", encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        load_rules([pack])
    assert caught.value.line == 5 and "documents" in caught.value.message


@pytest.mark.parametrize("name, shared", [
    ("shengwei-2017-budget-text.pdf", "shengwei-2017-budget"),
    ("shengwei-2017-budget-tables.pdf", "shengwei-2017-budget"),
    ("2025年部门预算说明.pdf", "2025年部门预算"),
    ("2025年部门预算_报表.pdf", "2025年部门预算"),
    ("beijing-xinfang-2026-dept-budget-notes.pdf", "beijing-xinfang-2026-dept-budget"),  # 北京: 附件1 说明 …
    ("beijing-xinfang-2026-dept-budget-tables.pdf", "beijing-xinfang-2026-dept-budget"),  # … and 附件2 报表
    ("taiqian-2023.pdf", None),
    ("tables.pdf", None),
])
def test_a_file_name_says_which_part_of_a_disclosure_it_holds(name, shared):
    assert stem(Path(name)) == shared


def test_parts_in_one_folder_are_grouped_and_groups_can_be_named():
    files = [Path("a/x-text.pdf"), Path("a/x-tables.pdf"), Path("b/x-text.pdf"), Path("a/y.pdf"), Path("a/z.pdf")]
    assert group_files(files, []) == [[Path("a/x-tables.pdf"), Path("a/x-text.pdf")], [Path("b/x-text.pdf")],
                                      [Path("a/y.pdf")], [Path("a/z.pdf")]]
    assert group_files(files, [], automatic=False) == [[f] for f in files]
    assert group_files(files, [[Path("a/y.pdf"), Path("a/z.pdf")]])[2] == [Path("a/y.pdf"), Path("a/z.pdf")]


def test_a_disclosure_in_two_files_is_checked_as_one(tmp_path, rules):
    """The 说明 states a figure the other file prints: checked against it, reported in the 说明."""
    (tmp_path / "d-text.txt").write_text(
        "某某局2024年度部门预算\n\n2024年一般公共预算支出 100.00 万元，其中基本支出 65.00 万元。\n", encoding="utf-8")
    (tmp_path / "d-tables.txt").write_text(BUDGET_TABLE.format(title="2024年一般公共预算支出预算表"), encoding="utf-8")
    report = check_paths([str(tmp_path)], rules)
    assert [f.disclosure for f in report.files] == [(str(tmp_path / "d-tables.txt"), str(tmp_path / "d-text.txt"))] * 2
    basic = [v for v in report.violations if v.reported == "65.00 万元"]
    assert len(basic) == 1 and basic[0].file == str(tmp_path / "d-text.txt")
    assert basic[0].computed == "60.00 万元" and basic[0].related[0].location.file == str(tmp_path / "d-tables.txt")
    alone = check_paths([str(tmp_path)], rules, auto_group=False)
    assert not [v for v in alone.violations if v.reported == "65.00 万元"]


def test_json_carries_the_document_and_the_disclosure(tmp_path):
    import subprocess
    import sys

    (tmp_path / "d-text.txt").write_text("某某局2024年度部门预算\n", encoding="utf-8")
    (tmp_path / "d-tables.txt").write_text(BUDGET_TABLE.format(title="2024年一般公共预算支出预算表"), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "budgetlint", "check", "--format", "json", str(tmp_path)],
                         capture_output=True, text=True, encoding="utf-8")
    files = {Path(f["path"]).name: f for f in json.loads(out.stdout)["files"]}
    tables = files["d-tables.txt"]
    assert tables["disclosure"] == [str(tmp_path / "d-tables.txt"), str(tmp_path / "d-text.txt")]
    assert (tables["document"]["kind"], tables["document"]["year"], tables["document"]["agency"]) == \
        ("budget", 2024, "某某局")
    assert tables["document"]["tables"] == [{"name": "2024年一般公共预算支出预算表", "kind": "gpb_expense", "page": None,
                                           "figures": 6, "checked": 6, "understood": True}]


def test_a_table_that_cannot_be_understood_is_said_once_and_not_summed(tmp_path, rules):
    text = ("2024年部门预算\n\n2024年某某资金安排情况表\n\n单位：万元\n\n项目\t金额\n合计\t10.00\n甲\t4.00\n乙\t5.00\n\n"
            "2024年一般公共预算支出预算表\n\n单位：万元\n\n"
            "科目编码\t科目名称\t合计\t基本支出\t项目支出\t\n"
            "\t合计\t100.00\t60.00\t40.00\t7.00\n"
            "2101101\t行政单位医疗\t100.00\t60.00\t40.00\t8.00\n")
    result = lint_text(tmp_path, text, rules)
    doubts = [v for v in result.violations if v.rule == "BL003"]
    assert [(v.subject.table, v.reported) for v in doubts] == [
        ("2024年某某资金安排情况表", "未能识别是哪一张公开表（标题「2024年某某资金安排情况表」），表中 3 个数字未按任何规则检查"),
        ("2024年一般公共预算支出预算表", "第6列有数字却没有表头，看不出是什么数，未参与计算"),
    ]
    # 合计 10.00 ≠ 4.00 + 5.00 in a table of unknown kind, and the unnamed 7.00: no arithmetic on either
    assert not [v for v in result.violations if v.rule.startswith("BL1")]
