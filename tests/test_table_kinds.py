"""Table kinds: every table title printed in the real corpus (../shared/real/, 上海市普陀区 and
江苏省 departments) and the seeds, with the kind an auditor would give it."""

import pytest

from budgetlint.engine.pack import load_pack
from budgetlint.engine.yamlsource import RuleError
from budgetlint.understand.kinds import builtin_kinds

TITLES = [
    ('2024年度一般公共预算基本支出经济分类情况表', 'basic_expense'),
    ('2025年部门一般公共预算基本支出部门预算经济分类预算表', 'basic_expense'),
    ('2025年预算单位一般公共预算基本支出部门预算经济分类预算表', 'basic_expense'),
    ('一般公共预算基本支出表', 'basic_expense'),
    ('一般公共预算基本支出预算表', 'basic_expense'),
    ('一般公共预算基本支出预算表（经济科目）', 'basic_expense'),
    ('九、2017年度江苏省高级人民法院部门一般公共预算基本支出预算表', 'basic_expense'),
    ('九、一般公共预算基本支出经济分类情况表', 'basic_expense'),
    ('九、一般公共预算基本支出预算表', 'basic_expense'),
    ('八、2018年度江苏省高级人民法院一般公共预算基本支出预算表', 'basic_expense'),
    ('公开 08表：一般公共预算基本支出预算表', 'basic_expense'),
    ('部门综合预算一般公共预算基本支出明细表（按支出功能分类科目）', 'basic_expense'),
    ('部门综合预算一般公共预算基本支出明细表（支出经济分类科目）', 'basic_expense'),
    ('2023 年部门支出预算表', 'expense_summary'),
    ('2024 年度支出预算总表', 'expense_summary'),
    ('2025年部门支出预算总表', 'expense_summary'),
    ('2025年预算单位支出预算总表', 'expense_summary'),
    ('三、2017年度江苏省高级人民法院部门支出预算总表', 'expense_summary'),
    ('三、2018年度江苏省高级人民法院支出预算总表', 'expense_summary'),
    ('三、支出预算总表', 'expense_summary'),
    ('公开 03表：支出预算总表', 'expense_summary'),
    ('支出预算总表', 'expense_summary'),
    ('一般公共预算财政拨款基本支出决算表', 'final_basic_expense'),
    ('三、支出决算表', 'final_expense'),
    ('支出决算表', 'final_expense'),
    ('四、财政拨款收入支出决算总表', 'final_fiscal_summary'),
    ('财政拨款收入支出决算总表', 'final_fiscal_summary'),
    ('政府性基金预算财政拨款收入支出决算表', 'final_gov_fund'),
    ('一般公共预算财政拨款支出决算表', 'final_gpb_expense'),
    ('五、一般公共预算财政拨款支出决算表', 'final_gpb_expense'),
    ('二、收入决算表', 'final_income'),
    ('收入决算表', 'final_income'),
    ('国有资本经营预算财政拨款收入支出决算表', 'final_soe_capital'),
    ('一、收入支出决算总表', 'final_summary'),
    ('收入支出决算总表', 'final_summary'),
    ('财政拨款“三公”经费支出决算表', 'final_three_public'),
    ('公开 06表：财政拨款基本支出预算表', 'fiscal_basic_expense'),
    ('六、2017年度江苏省高级人民法院部门财政拨款基本支出预算表', 'fiscal_basic_expense'),
    ('六、2018年度江苏省高级人民法院财政拨款基本支出预算表', 'fiscal_basic_expense'),
    ('六、财政拨款基本支出预算表', 'fiscal_basic_expense'),
    ('财政拨款基本支出预算表', 'fiscal_basic_expense'),
    ('财政拨款基本支出预算表（经济科目）', 'fiscal_basic_expense'),
    ('五、2017年度江苏省高级人民法院部门财政拨款支出预算表', 'fiscal_expense'),
    ('五、2018年度江苏省高级人民法院财政拨款支出预算表', 'fiscal_expense'),
    ('五、财政拨款支出预算表', 'fiscal_expense'),
    ('公开 05表：财政拨款支出预算表', 'fiscal_expense'),
    ('财政拨款支出预算表', 'fiscal_expense'),
    ('财政拨款支出预算表（功能科目）', 'fiscal_expense'),
    ('2023 年财政拨款收支总体情况表', 'fiscal_summary'),
    ('2024 年度财政拨款收支预算总表', 'fiscal_summary'),
    ('2025年部门财政拨款收支预算总表', 'fiscal_summary'),
    ('2025年预算单位财政拨款收支预算总表', 'fiscal_summary'),
    ('公开 04表：财政拨款收支预算总表', 'fiscal_summary'),
    ('四、2017年度江苏省高级人民法院部门财政拨款收支预算总表', 'fiscal_summary'),
    ('四、2018年度江苏省高级人民法院财政拨款收支预算总表', 'fiscal_summary'),
    ('四、财政拨款收支预算总表', 'fiscal_summary'),
    ('财政拨款收支预算总表', 'fiscal_summary'),
    ('部门综合预算财政拨款收支总表', 'fiscal_summary'),
    ('2023 年政府性基金支出预算表', 'gov_fund'),
    ('2024 年度政府性基金预算拨款支出预算表', 'gov_fund'),
    ('2025年部门政府性基金预算支出功能分类预算表', 'gov_fund'),
    ('2025年预算单位政府性基金预算支出功能分类预算表', 'gov_fund'),
    ('七、2017年度江苏省高级人民法院部门政府性基金支出预算表', 'gov_fund'),
    ('七、政府性基金支出预算表', 'gov_fund'),
    ('七、财政拨款政府性基金支出预算表', 'gov_fund'),
    ('公开 10表：政府性基金支出预算表', 'gov_fund'),
    ('六、政府性基金预算拨款支出预算表', 'gov_fund'),
    ('十、2018年度江苏省高级人民法院政府性基金预算财政拨款支出预算表', 'gov_fund'),
    ('十、政府性基金财政拨款支出预算表', 'gov_fund'),
    ('政府性基金预算财政拨款支出预算表', 'gov_fund'),
    ('财政拨款政府性基金支出预算表', 'gov_fund'),
    ('部门综合预算政府性基金收支表', 'gov_fund'),
    ('2024 年度一般公共预算支出经济分类情况表', 'gpb_economic'),
    ('七、2023 年支出经济分类汇总表', 'gpb_economic'),
    ('八、一般公共预算支出经济分类情况表', 'gpb_economic'),
    ('部门综合预算一般公共预算支出明细表（按支出经济分类科目）', 'gpb_economic'),
    ('2023 年一般公共预算支出预算表', 'gpb_expense'),
    ('2024 年度一般公共预算拨款支出预算表', 'gpb_expense'),
    ('2025年部门一般公共预算支出功能分类预算表', 'gpb_expense'),
    ('2025年预算单位一般公共预算支出功能分类预算表', 'gpb_expense'),
    ('一般公共预算支出预算表', 'gpb_expense'),
    ('一般公共预算支出预算表（功能科目）', 'gpb_expense'),
    ('七、2018年度江苏省高级人民法院一般公共预算支出预算表', 'gpb_expense'),
    ('五、一般公共预算拨款支出预算表', 'gpb_expense'),
    ('八、2017年度江苏省高级人民法院部门一般公共预算支出预算表', 'gpb_expense'),
    ('八、一般公共预算支出预算表', 'gpb_expense'),
    ('公开 07表：一般公共预算支出预算表', 'gpb_expense'),
    ('部门综合预算一般公共预算支出明细表（按支出功能分类科目）', 'gpb_expense'),
    ('2023年部门收支预算表', 'income_expense_summary'),
    ('2024 年度收支预算总表', 'income_expense_summary'),
    ('2025年部门财务收支预算总表', 'income_expense_summary'),
    ('2025年预算单位财务收支预算总表', 'income_expense_summary'),
    ('一、2017年度江苏省高级人民法院部门收支预算总表', 'income_expense_summary'),
    ('一、2018年度江苏省高级人民法院收支预算总表', 'income_expense_summary'),
    ('一、收支预算总表', 'income_expense_summary'),
    ('公开 01表：收支预算总表', 'income_expense_summary'),
    ('收支预算总表', 'income_expense_summary'),
    ('部门综合预算收支总表', 'income_expense_summary'),
    ('2023 年部门收入预算表', 'income_summary'),
    ('2024 年度收入预算总表', 'income_summary'),
    ('2025年部门收入预算总表', 'income_summary'),
    ('2025年预算单位收入预算总表', 'income_summary'),
    ('二、2017年度江苏省高级人民法院部门收入预算总表', 'income_summary'),
    ('二、2018年度江苏省高级人民法院收入预算总表', 'income_summary'),
    ('二、收入预算总表', 'income_summary'),
    ('公开 02表：收入预算总表', 'income_summary'),
    ('收入预算总表', 'income_summary'),
    ('一般公共预算机关运行经费支出预算表', 'operating_cost'),
    ('公开 11表：一般公共预算机关运行经费支出预算表', 'operating_cost'),
    ('十、2017年度江苏省高级人民法院部门一般公共预算机关运行经费支出预算表', 'operating_cost'),
    ('十、一般公共预算机关运行经费支出预算表', 'operating_cost'),
    ('十一、2018年度江苏省高级人民法院一般公共预算机关运行经费支出预算表', 'operating_cost'),
    ('2023 年度部门预算项目绩效目标表', 'performance'),
    ('专项资金总体绩效目标表', 'performance'),
    ('医保制度改革、医改政策落实及医保工作能力提升经费项目绩效目标表', 'performance'),
    ('医保基金监督保障运行经费项目绩效目标表', 'performance'),
    ('医保经办能力提升专项经费项目绩效目标表', 'performance'),
    ('十二、2023 年度部门预算项目绩效目标表', 'performance'),
    ('困难企业职工、濒破企业人员医保补助项目绩效目标表', 'performance'),
    ('城乡医疗救助市级配套资金项目绩效目标表', 'performance'),
    ('城乡居民基本医疗保险市级配套项目绩效目标表', 'performance'),
    ('本级部门(单位)整体绩效目标表', 'performance'),
    ('部门整体支出绩效目标表', 'performance'),
    ('部门项目支出预算绩效目标申报表', 'performance'),
    ('部门预算专项业务经费绩效目标表', 'performance'),
    ('2017年政府采购预算表', 'procurement'),
    ('2018年政府采购预算表', 'procurement'),
    ('2019年政府采购预算表', 'procurement'),
    ('公开 12表：政府采购支出预算表', 'procurement'),
    ('十二、2017年江苏省高级人民法院部门政府采购预算表', 'procurement'),
    ('十二、2018年江苏省高级人民法院政府采购预算表', 'procurement'),
    ('十二、政府采购支出预算表', 'procurement'),
    ('政府采购支出预算表', 'procurement'),
    ('部门综合预算政府采购（资产配置、购买服务）预算表', 'procurement'),
    ('十、项目支出预算表', 'project_expense'),
    ('部门综合预算专项业务经费支出表', 'project_expense'),
    ('项目支出预算表', 'project_expense'),
    ('2024 年度国有资本经营预算拨款支出预算表', 'soe_capital'),
    ('2025年部门国有资本经营预算支出功能分类预算表', 'soe_capital'),
    ('2025年预算单位国有资本经营预算支出功能分类预算表', 'soe_capital'),
    ('七、国有资本经营预算拨款支出预算表', 'soe_capital'),
    ('2023 年一般公共预算“三公”经费预算表', 'three_public'),
    ('2024年度一般公共预算“三公”经费支出预算表', 'three_public'),
    ('2025年单位“三公”经费和机关运行经费预算表', 'three_public'),
    ('2025年部门“三公”经费和机关运行经费预算表', 'three_public'),
    ('“三公”经费、会议费、培训费支出预算表', 'three_public'),
    ('“三公”经费、会议费、培训费支出预算表（一般公共预算）', 'three_public'),
    ('九、2018年江苏省高级人民法院“三公”经费、会议费、培训费支出预算表', 'three_public'),
    ('公开 09 表：一般公共预算“三公”经费、会议费、培训费支出预算表', 'three_public'),
    ('十一、2017年江苏省高级人民法院部门一般公共预算“三公”经费、会议费、培训费支出预算表', 'three_public'),
    ('十一、一般公共预算“三公”经费、会议费、培训费支出预算表', 'three_public'),
    ('部门综合预算一般公共预算拨款“三公”经费及会议费、培训费支出预算表', 'three_public'),
]


@pytest.mark.parametrize(("title", "kind"), TITLES)
def test_every_real_title_has_its_kind(title, kind):
    found = builtin_kinds().classify(title)
    assert found is not None and found.id == kind, (title, found and found.id)


def test_the_most_specific_kind_wins():
    kinds = builtin_kinds()
    # 支出预算总表 is in the title, but the table is the 财政拨款收支总表
    assert kinds.classify("2025年预算单位财政拨款收支预算总表").id == "fiscal_summary"
    assert kinds.classify("财政拨款收入支出决算总表").id == "final_fiscal_summary"
    assert kinds.classify("一般公共预算机关运行经费支出预算表").id == "operating_cost"


def test_budget_and_final_tables_are_told_apart():
    kinds = builtin_kinds()
    assert kinds.classify("“三公”经费支出预算表").document == "budget"
    assert kinds.classify("财政拨款“三公”经费支出决算表").document == "final"


def test_a_pack_adds_titles_to_a_kind_and_new_kinds(tmp_path):
    path = tmp_path / "ours.yaml"
    path.write_text("table-kinds:\n"
                    "  - {id: income_expense_summary, name: 收支总表, document: budget, titles: ['资金收支一览表']}\n"
                    "  - {id: staffing, name: 人员编制表, titles: ['人员编制情况表']}\n", encoding="utf-8")
    kinds = builtin_kinds().extended(load_pack(path).kinds)
    assert kinds.classify("2025年部门资金收支一览表").id == "income_expense_summary"
    assert kinds.classify("人员编制情况表").id == "staffing"


def test_a_bad_table_kind_is_an_error_at_its_line(tmp_path):
    path = tmp_path / "bad.yaml"
    path.write_text("table-kinds:\n  - id: x\n    document: draft\n    titles: [a]\n", encoding="utf-8")
    with pytest.raises(RuleError) as caught:
        load_pack(path)
    assert caught.value.line == 3 and "budget, final or any" in caught.value.message
