"""Completeness and form (BL5xx): the seeds' findings, one by one, and each rule kind on small documents."""

from __future__ import annotations

import pytest

from budgetlint.checks import CHECKS
from budgetlint.engine.pack import load_pack, load_rules
from budgetlint.engine.yamlsource import RuleError
from budgetlint.model import Cell, Document, Location, Paragraph, Table
from budgetlint.understand.contents import same_title
from budgetlint.understand.reading import understand

from conftest import facts_of, lint, lint_text, sample

# A complete disclosure in the shape of 漳州's: the eight tables of the 规程, 万元, one empty table with its note.
COMPLETE = """\
2024 年度部门预算

列入 2024 年部门预算编制范围的单位为本部门本级。

第二部分 2024 年度部门预算表

2024 年度收支预算总表

单位：万元

收入	预算数	支出	预算数
一、一般公共预算拨款收入	100.00	一、卫生健康支出	100.00
二、政府性基金预算拨款收入	0.00	二、住房保障支出	0.00
收入合计	100.00	支出合计	100.00

2024 年度收入预算总表

单位：万元

科目编码	科目名称	合计	一般公共预算拨款收入
合计		100.00	100.00
2101101	行政单位医疗	20.00	20.00
2101501	行政运行	80.00	80.00

2024 年度支出预算总表

单位：万元

科目编码	科目名称	合计	基本支出	项目支出
合计		100.00	90.00	10.00
2101101	行政单位医疗	20.00	20.00	0.00
2101501	行政运行	80.00	70.00	10.00

2024 年度财政拨款收支预算总表

单位：万元

收入	预算数	支出	预算数
一、一般公共预算拨款收入	100.00	一、卫生健康支出	100.00
二、政府性基金预算拨款收入	0.00	二、住房保障支出	0.00
收入合计	100.00	支出合计	100.00

2024 年度一般公共预算拨款支出预算表

单位：万元

科目编码	科目名称	合计	基本支出	项目支出
合计		100.00	90.00	10.00
210	卫生健康支出	100.00	90.00	10.00
21011	行政事业单位医疗	20.00	20.00	0.00
2101101	行政单位医疗	20.00	20.00	0.00
21015	医疗保障管理事务	80.00	70.00	10.00
2101501	行政运行	80.00	70.00	10.00

2024 年度一般公共预算基本支出经济分类情况表

单位：万元

科目编码	科目名称	预算数
合计		90.00
301	工资福利支出	80.00
30101	基本工资	80.00
302	商品和服务支出	10.00
30201	办公费	8.00
30217	公务接待费	2.00

2024 年度一般公共预算“三公”经费支出预算表

单位：万元

项目	预算数
合计	2.00
1、因公出国（境）费用	0.00
2、公务接待费	2.00
3、公务用车购置及运行费	0.00
其中：（1）公务用车购置费	0.00
（2）公务用车运行费	0.00

2024 年度政府性基金预算拨款支出预算表

单位：万元

科目编码	科目名称	合计	基本支出	项目支出
	合计	0.00	0.00	0.00

备注：本部门 2024 年没有使用政府性基金预算拨款安排的支出。
"""

CONTENTS = """\
目 录

第二部分 2024 年度部门预算表
- 一、收支预算总表
- 二、收入预算总表
- 三、支出预算总表
- 四、财政拨款收支预算总表
- 五、一般公共预算拨款支出预算表
- 六、一般公共预算基本支出经济分类情况表
- 七、一般公共预算“三公”经费支出预算表
- 八、政府性基金预算拨款支出预算表

"""

THREE_PUBLIC = COMPLETE[COMPLETE.index("2024 年度一般公共预算“三公”经费支出预算表"):COMPLETE.index("2024 年度政府性基金")]


def bl5(result):
    return [v for v in result.violations if v.rule.startswith("BL5")]


def found(result):
    return sorted((v.rule, v.subject.location.line) for v in bl5(result))


def check(tmp_path, rules, text):
    return lint_text(tmp_path, text, rules)


def changed(old: str, new: str, text: str = COMPLETE) -> str:
    assert old in text
    return text.replace(old, new)


def with_contents(text: str = COMPLETE, contents: str = CONTENTS) -> str:
    return changed("列入 2024 年", contents + "列入 2024 年", text)


# -- the seeds ----------------------------------------------------------------------------------

EXPECTED = {
    "xixiang-2024.txt": [("BL503", 178), ("BL503", 179), ("BL503", 187), ("BL503", 188),
                         ("BL506", 357), ("BL506", 424)],
    "taiqian-2023.txt": [("BL503", 27), ("BL510", 321), ("BL512", 66)],
    "zhangzhou-2024.txt": [],
    "tongcheng-2024.txt": [("BL501", 1574)],
    "shapotou-2023.txt": [],
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_seed_gives_exactly_the_findings_an_auditor_confirms(name, rules):
    assert found(lint(sample(name), rules)) == EXPECTED[name]


def test_xixiang_tables_listed_but_not_printed_and_empty_tables_with_reasons(rules):
    result = bl5(lint(sample("xixiang-2024.txt"), rules))
    listed = {v.subject.location.line: v.message for v in result if v.rule == "BL503"}
    assert listed[178] == "目录列有「表2 部门综合预算收入总表」，正文未见此表"
    assert listed[179] == "目录列有「表3 部门综合预算支出总表」，正文未见此表"
    for line, number in ((187, "表11"), (188, "表12")):
        assert number in listed[line] and "目录注明为空表：不涉及" in listed[line]
    # 表9 and 表15 are marked empty with a reason and are empty: no note needed, 表15's blanks are not reported
    assert not [v for v in result if v.rule in ("BL502", "BL514")]


def test_xixiang_titles_that_differ_from_the_contents(rules):
    titles = {v.subject.table: v for v in bl5(lint(sample("xixiang-2024.txt"), rules)) if v.rule == "BL506"}
    table8 = titles["表8 部门综合预算一般公共预算基本支出明细表（支出经济分类科目）"]
    assert (table8.reported, table8.computed) == ("部门综合预算一般公共预算基本支出明细表（支出经济分类科目）",
                                                  "部门综合预算一般公共预算基本支出明细表（按支出经济分类科目）")
    assert table8.related[0].location.line == 184
    table13 = titles["部门预算专项业务经费绩效目标表"]
    assert table13.computed == "部门专项业务经费绩效目标表" and table13.severity == "warning"


def test_taiqian_unpadded_code_wrong_year_and_missing_economic_table(rules):
    result = {v.rule: v for v in bl5(lint(sample("taiqian-2023.txt"), rules))}
    padding = result["BL510"]
    assert (padding.reported, padding.computed) == ("221 | 2 | 1", "221 | 02 | 01")
    assert padding.subject.table == "2023 年一般公共预算支出预算表"
    year = result["BL512"]
    assert (year.reported, year.computed) == ("2022 年部门预算编制范围", "2023 年部门预算编制范围")
    assert year.subject.location.column == 10  # at the year
    assert "七、2023 年支出经济分类汇总表" in result["BL503"].message


def test_zhangzhou_contents_lists_its_ten_tables_all_printed(rules):
    doc = facts_of(sample("zhangzhou-2024.txt"))
    contents = doc.contents
    assert len(contents.entries) == 10 and contents.entries[0].title == "一、收支预算总表"
    tables = contents.printed
    assert [t.table.title for t in tables][0] == "2024 年度收支预算总表"
    assert [t.kind.id for t in tables] == [
        "income_expense_summary", "income_summary", "expense_summary", "fiscal_summary", "gpb_expense",
        "gov_fund", "soe_capital", "gpb_economic", "basic_expense", "three_public"]


def test_tongcheng_tables_attached_separately_give_one_finding(rules):
    (v,) = bl5(lint(sample("tongcheng-2024.txt"), rules))
    assert v.rule == "BL501" and v.subject.text == "第四部分 2024年部门预算公开表（另附）"
    assert v.reported == "已印：无"
    assert v.message.startswith("缺少全部 8 张预算公开表：部门收支总表、部门收入总表")


# -- required-tables ----------------------------------------------------------------------------

def test_a_complete_disclosure_gives_no_finding(tmp_path, rules):
    assert check(tmp_path, rules, COMPLETE).violations == []
    assert check(tmp_path, rules, with_contents()).violations == []


def test_a_missing_table_is_named_with_the_tables_found(tmp_path, rules):
    (v,) = bl5(check(tmp_path, rules, changed(THREE_PUBLIC, "")))
    assert v.rule == "BL501" and v.computed == "应有：“三公”经费支出表"
    assert v.reported.startswith("已印：2024 年度收支预算总表、2024 年度收入预算总表")


def test_a_table_listed_but_not_printed_is_reported_once_by_the_contents_rule(tmp_path, rules):
    result = bl5(check(tmp_path, rules, with_contents(changed(THREE_PUBLIC, ""))))
    assert [(v.rule, v.subject.row) for v in result] == [("BL503", "七、一般公共预算“三公”经费支出预算表")]


def test_a_province_template_names_its_own_tables(tmp_path):
    pack = tmp_path / "shaanxi.yaml"
    pack.write_text(
        "rules:\n"
        "  - id: XY501\n"
        "    name: shaanxi-tables\n"
        "    kind: required-tables\n"
        "    tables: [income_expense_summary, {kind: basic_expense, title: 功能分类},\n"
        "             {kind: basic_expense, title: 经济分类}, procurement]\n"
        "    disclosure: '预算公开报表'\n"
        "    description: 陕西模板的部分表。\n", encoding="utf-8")
    (rule,) = load_pack(pack).rules
    findings = list(CHECKS["required-tables"].run(rule, facts_of(sample("xixiang-2024.txt"))))
    # 表7 (功能分类) and 表8 (经济分类) are both printed; 表11 政府采购 is listed in the contents, left to BL503
    assert findings == []
    findings = list(CHECKS["required-tables"].run(rule, facts_of(sample("zhangzhou-2024.txt"))))
    assert sorted(f.computed for f in findings) == ["应有：一般公共预算基本支出表（标题含“功能分类”）",
                                                    "应有：政府采购预算表"]


def test_performance_forms_alone_are_not_taken_for_a_budget_disclosure(tmp_path, rules):
    assert bl5(lint(sample("shapotou-2023.txt"), rules)) == []


# -- empty-table-note ---------------------------------------------------------------------------

def test_an_empty_table_without_note_is_reported(tmp_path, rules):
    text = changed("备注：本部门 2024 年没有使用政府性基金预算拨款安排的支出。\n", "")
    (v,) = bl5(check(tmp_path, rules, text))
    assert v.rule == "BL502" and v.subject.table == "2024 年度政府性基金预算拨款支出预算表"
    assert v.reported == "表中没有数字（全为空白或零），也无空表说明"


def test_a_sentence_of_the_narrative_saying_the_fund_spends_nothing_counts(tmp_path, rules):
    """上海 市级单位预算: no note under the empty 政府性基金 table, the 说明 says `政府性基金拨款支出预算0万元`."""
    text = changed("备注：本部门 2024 年没有使用政府性基金预算拨款安排的支出。\n", "")
    said = text.replace("列入 2024 年部门预算编制范围", "政府性基金拨款支出预算0万元，与上年持平。\n\n列入 2024 年部门预算编制范围", 1)
    assert said != text
    assert bl5(check(tmp_path, rules, said)) == []
    other = text.replace("列入 2024 年部门预算编制范围", "国有资本经营预算拨款支出预算0万元。\n\n列入 2024 年部门预算编制范围", 1)
    assert [v.rule for v in bl5(check(tmp_path, rules, other))] == ["BL502"]  # it says nothing of 政府性基金


def test_an_unlabelled_note_right_under_the_table_counts(tmp_path, rules):
    text = changed("备注：本部门 2024 年没有使用政府性基金预算拨款安排的支出。", "本表无数据。")
    assert bl5(check(tmp_path, rules, text)) == []


XIXIANG_STYLE = """\
目录

报表	报表名称	是否空表	公开空表理由
表1	收支预算总表	否	
表2	收入预算总表	是	不涉及
表8	政府性基金预算拨款支出预算表	是	

"""


def test_contents_flags_empty_against_the_table(tmp_path, rules):
    text = with_contents(changed("备注：本部门 2024 年没有使用政府性基金预算拨款安排的支出。\n", ""),
                         XIXIANG_STYLE)
    result = {v.subject.table: v for v in bl5(check(tmp_path, rules, text)) if v.rule == "BL502"}
    income = result["2024 年度收入预算总表"]
    assert income.reported == "目录标为空表，表中却有数字 100.00" and income.related[0].row == "表2 收入预算总表"
    fund = result["2024 年度政府性基金预算拨款支出预算表"]
    assert fund.reported == "目录标为空表但未写理由，表下也无说明"


# -- contents-vs-body ---------------------------------------------------------------------------

def test_a_narrative_whose_tables_were_published_apart_gets_one_finding(tmp_path, rules):
    """北京 publishes the 说明 and the 报表 as two files: the 说明 alone lists 13 tables it does not print."""
    narrative = with_contents(COMPLETE[: COMPLETE.index("第二部分 2024 年度部门预算表\n\n2024 年度收支预算总表")])
    listed = [v for v in bl5(check(tmp_path, rules, narrative)) if v.rule == "BL503"]
    assert [v.message for v in listed] == ["目录列有「一、收支预算总表至八、政府性基金预算拨款支出预算表（共 8 张表）」，正文未见此表"]


def test_contents_order_titles_and_unlisted_tables(tmp_path, rules):
    contents = (CONTENTS.replace("- 二、收入预算总表\n- 三、支出预算总表", "- 二、支出预算总表\n- 三、收入预算总表")
                .replace("五、一般公共预算拨款支出预算表", "五、一般公共预算支出表")
                .replace("- 七、一般公共预算“三公”经费支出预算表\n", ""))
    result = {v.rule: v for v in bl5(check(tmp_path, rules, with_contents(contents=contents)))}
    assert sorted(result) == ["BL504", "BL505", "BL506"]
    assert result["BL504"].subject.table == "2024 年度一般公共预算“三公”经费支出预算表"
    order = result["BL505"]
    assert order.message.startswith("「2024 年度") and "按目录应在" in order.computed
    titles = result["BL506"]
    assert (titles.reported, titles.computed) == ("2024 年度一般公共预算拨款支出预算表", "五、一般公共预算支出表")


def test_a_contents_title_naming_alternatives_names_each_table_of_its_family():
    """北京 卫健: `十四、专项或共同事权转移支付绩效目标表` listed once, one table per transfer payment printed."""
    listed = "十四、专项或共同事权转移支付绩效目标表"
    assert same_title(listed, "预算14表医药卫生体制改革专项转移支付绩效目标表")
    assert same_title(listed, "预算14表公共卫生及计划生育扶助保障共同事权转移支付绩效目标表")
    assert not same_title(listed, "预算12表项目支出绩效目标表")
    assert not same_title("十四、专项转移支付绩效目标表", "预算14表共同事权转移支付绩效目标表")


def test_a_contents_of_sections_is_no_list_of_the_budget_tables(tmp_path, rules):
    # it names one table, which is not printed; the eight printed tables are not "unlisted"
    sections = "目录\n\n第一部分 部门概况\n- 一、主要职责\n- 二、项目绩效目标表\n\n"
    assert found(check(tmp_path, rules, with_contents(contents=sections))) == [("BL503", 7)]


# -- detail-level -------------------------------------------------------------------------------

def test_a_class_without_its_items_is_reported_but_not_a_zero_one(tmp_path, rules):
    gpb = ("210	卫生健康支出	100.00	90.00	10.00\n21011	行政事业单位医疗	20.00	20.00	0.00\n"
           "2101101	行政单位医疗	20.00	20.00	0.00\n21015	医疗保障管理事务	80.00	70.00	10.00\n"
           "2101501	行政运行	80.00	70.00	10.00\n")
    text = changed(gpb, "210	卫生健康支出	100.00	90.00	10.00\n221	住房保障支出	0.00	0.00	0.00\n")
    (v,) = [v for v in bl5(check(tmp_path, rules, text)) if v.rule == "BL507"]
    assert v.subject.row == "210 卫生健康支出" and v.message.endswith("只列到类，应细化到项（7 位功能分类编码）")


def test_basic_expense_reaches_the_economic_section(tmp_path, rules):
    (v,) = bl5(check(tmp_path, rules, changed("30101	基本工资	80.00\n", "")))
    assert v.rule == "BL508" and v.reported == "301 工资福利支出 只列到类"


def test_three_public_items_and_the_vehicle_split(tmp_path, rules):
    text = changed("其中：（1）公务用车购置费	0.00\n（2）公务用车运行费	0.00\n", "")
    (v,) = bl5(check(tmp_path, rules, text))
    assert v.rule == "BL509" and v.computed == "另列公务用车购置费、公务用车运行费"
    assert v.reported == "列有因公出国（境）费、公务接待费"


# -- code-format --------------------------------------------------------------------------------

SPLIT = """\
2024 年度一般公共预算拨款支出预算表

单位：万元

科目编码			科目名称	合计
类	款	项		
			合计	100.00
210	11	01	行政单位医疗	20.00
210	15	1	行政运行	80.00
"""


def test_split_codes_are_zero_padded(tmp_path, rules):
    (v,) = [v for v in bl5(check(tmp_path, rules, SPLIT)) if v.rule == "BL510"]
    assert (v.reported, v.computed, v.subject.location.line) == ("210 | 15 | 1", "210 | 15 | 01", 9)
    assert not [v for v in bl5(check(tmp_path, rules, SPLIT.replace("15	1	", "15	01	"))) if v.rule == "BL510"]


@pytest.mark.parametrize("old, new, reported", [
    ("30201	办公费", "30401	办公费", "304 不是部门经济分类的类"),
    ("2101101	行政单位医疗	20.00	20.00	0.00\n21015", "2101100	行政单位医疗	20.00	20.00	0.00\n21015",
     "2101100 含 00 段"),
    ("21015	医疗保障管理事务", "21105	医疗保障管理事务", "21105 的上级 211 未列示（同表其他科目都列在上级之下）"),
])
def test_codes_exist_and_sit_under_their_class(tmp_path, rules, old, new, reported):
    result = [v for v in bl5(check(tmp_path, rules, changed(old, new))) if v.rule == "BL511"]
    assert result and result[0].reported == reported


def test_codes_without_printed_parents_are_not_misplaced(rules):
    # 台前's 基本支出表 lists 30113 and 3011202 without their 类 or 款: a flat list, not a misplaced code
    assert not [v for v in bl5(lint(sample("taiqian-2023.txt"), rules)) if v.rule == "BL511"]


# -- budget-year, table-unit, placeholder ---------------------------------------------------------

def test_the_disclosure_speaks_of_one_year_and_comparisons_are_not_statements(tmp_path, rules):
    text = changed("列入 2024 年部门预算编制范围的单位为本部门本级。",
                   "列入 2023 年部门预算编制范围的单位为本部门本级。与 2023 年预算相比，支出增加 10 万元。")
    (v,) = bl5(check(tmp_path, rules, text))
    assert v.rule == "BL512" and v.message == "本公开的年度为 2024 年，此处却写「2023 年部门预算编制范围」"
    assert v.subject.location.line == 3


def test_a_money_table_states_its_unit(tmp_path, rules):
    text = changed("2024 年度支出预算总表\n\n单位：万元\n", "2024 年度支出预算总表\n\n")
    (v,) = bl5(check(tmp_path, rules, text))
    assert v.rule == "BL513" and v.message == "2024 年度支出预算总表未注明金额单位（按其他表推定为万元）"
    in_header = changed("科目编码	科目名称	合计	基本支出	项目支出\n合计		100.00	90.00	10.00\n2101101",
                        "科目编码	科目名称	合计（万元）	基本支出（万元）	项目支出（万元）\n合计		100.00	90.00	10.00\n2101101",
                        text)
    assert bl5(check(tmp_path, rules, in_header)) == []


def test_a_unit_printed_above_a_wide_table_s_overflow_columns_is_the_table_s_unit():
    """上海 数据局 2026 p8: the 收入预算总表's rows on pp. 8–9 without a unit, its last column on p10
    under `单位：元`."""
    def page(n):
        return Location("t.pdf", page=n)

    def table(n, title, unit=None):
        return Table(header=[[Cell("项目", page(n)), Cell("合计", page(n))]],
                     body=[[Cell("合计", page(n)), Cell("100", page(n))]], location=page(n), title=title,
                     unit_text=unit, parts=[page(n)])

    overflow = [Paragraph("单位：元", page(10)), Paragraph("其他收入", page(10))]
    income, expense = table(8, "收入预算总表"), table(12, "支出预算总表", "单位：万元")
    read = understand(Document("t.pdf", [income, *overflow, expense])).tables[0]
    assert read.unit_stated and read.unit.name == "元"
    alone = understand(Document("t.pdf", [income, expense])).tables[0]
    assert not alone.unit_stated and alone.unit.name == "万元"


PERFORMANCE = """\
项目绩效目标表

项目名称	医保经办	
资金金额	8	
产出指标	指标1:	召开培训	≥3次
效益指标	指标1:		

长期目标1：
机关党建廉政管理事务
"""


def test_template_text_left_in_the_text_and_in_a_table_with_figures(tmp_path, rules):
    text = COMPLETE + "\n" + PERFORMANCE + "\n本单位XX年无政府采购预算。\n"
    result = [v for v in bl5(check(tmp_path, rules, text)) if v.rule == "BL514"]
    assert [(v.subject.table, v.reported) for v in result] == [("项目绩效目标表", "指标1:"),
                                                                (None, "本单位XX年无政府采购预算。")]
    table = result[0]
    assert table.subject.location.line == COMPLETE.count("\n") + 7 and table.subject.location.column == 6
    # the same form with no figure is a template published empty: its blanks are not reported
    empty = COMPLETE + "\n" + PERFORMANCE.replace("资金金额	8", "资金金额	")
    assert not [v for v in bl5(check(tmp_path, rules, empty)) if v.rule == "BL514"]


# -- rule files ---------------------------------------------------------------------------------

@pytest.mark.parametrize("kind, body, line, words", [
    ("detail-level", "    tables: gpb_expense\n    require: {codes: function}\n", 6, "key 'require'"),
    ("budget-year", "    statements: '\\d{4}年'\n", 5, "needs a (?P<year>…) group"),
    ("required-tables", "    tables: []\n    disclosure: 预算表\n", 5, "list the required tables"),
    ("contents-vs-body", "    check: listd\n", 5, "must be one of: listed, unlisted, order, titles"),
])
def test_bad_completeness_rules_are_located(tmp_path, kind, body, line, words):
    pack = tmp_path / "bad.yaml"
    pack.write_text(f"rules:\n  - id: XY501\n    name: bad\n    kind: {kind}\n{body}    description: d\n",
                    encoding="utf-8")
    with pytest.raises(RuleError) as info:
        load_rules([pack])
    assert str(info.value).startswith(f"{pack}:{line}:") and words in str(info.value)


def test_an_empty_table_note_under_a_table_with_figures_is_reported(tmp_path, rules):
    """The 财政局 2024 决算's 三公 table prints 0.95 万元 (公务接待费); the note of its empty 政府性基金
    table, copied under it, says there is nothing (BL516).  The empty tables' own notes stay quiet."""
    text = sample("caizheng-2024-final-corrected.txt").read_text(encoding="utf-8")
    row = "0.95\t\t\t\t\t\t\t\t\t\t0.95\t\n"
    assert text.count(row) == 1
    note = "注：上海市普陀区财政局无“三公”经费财政拨款支出，故本表无数据。"
    text = text.replace(row, row + note + "\n")
    (v,) = [v for v in check(tmp_path, rules, text).violations if v.rule == "BL516"]
    assert v.subject.location.line == 320 and v.reported == f"表下注明「{note}」"
    assert v.computed == "表中有数字 0.95，不是空表"


@pytest.mark.parametrize("claim, found", [
    ("本部门无当年政府性基金预算收支，并已公开空表。", ["BL517"]),  # 西安 2026's wording, over a table with figures
    ("本部门无 2023 年结转的政府性基金预算拨款支出。", []),  # 西安 自然资源 2022: of the carry-over only
])
def test_the_narrative_saying_there_is_no_fund_money_is_held_to_the_table(tmp_path, rules, claim, found):
    filled = changed("\t合计\t0.00\t0.00\t0.00\n\n备注：本部门 2024 年没有使用政府性基金预算拨款安排的支出。",
                     "\t合计\t10.00\t0.00\t10.00\n2120801\t征地和拆迁补偿支出\t10.00\t0.00\t10.00")
    text = filled.replace("列入 2024 年部门预算编制范围", claim + "\n\n列入 2024 年部门预算编制范围", 1)
    assert text != filled
    assert [v.rule for v in check(tmp_path, rules, text).violations if v.rule == "BL517"] == found
