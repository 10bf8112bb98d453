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

# The ten cities of ../shared/real/national/: titles as the tables (and the contents) print them.
CITY_TITLES = [
    # 北京 (beijing-*-2026-dept-budget-tables.pdf)
    ('预算10表 政府采购预算明细表', 'procurement'),
    ('预算10表政府采购预算明细表', 'procurement'),
    ('预算11表 财政拨款政府购买服务明细表', 'purchased_services'),
    ('十一、财政拨款政府购买服务明细表', 'purchased_services'),
    ('预算12表 项目支出绩效目标表', 'performance'),
    ('预算14表医药卫生体制改革专项转移支付绩效目标表', 'performance'),
    # 重庆 (chongqing-*-2026-dept-budget.pdf)
    ('2026年部门收支总体情况表', 'income_expense_summary'),
    ('2026年部门收入总体情况表', 'income_summary'),
    ('2026 年单位收入总体情况表', 'income_summary'),
    ('2026年部门支出总体情况表', 'expense_summary'),
    ('2026年单位支出总体情况表', 'expense_summary'),
    ('2026年财政拨款收支总体情况表', 'fiscal_summary'),
    ('2026年一般公共预算支出情况表', 'gpb_expense'),
    ('2026年一般公共预算基本支出情况表', 'basic_expense'),
    ('2026年政府性基金预算支出情况表', 'gov_fund'),
    ('2026年财政拨款“三公”经费支出情况表', 'three_public'),
    ('2026年财政拨款 三公 经费支出情况表', 'three_public'),
    ('2026年政府采购预算明细表', 'procurement'),
    ('2026年部门整体绩效目标表', 'performance'),
    ('2026年市级重点专项资金绩效目标表 一级项目', 'performance'),
    # 深圳 (shenzhen-*-2026-dept-budget.pdf)
    ('收支总表', 'income_expense_summary'),
    ('支出总表', 'expense_summary'),
    ('基本支出总表', 'basic_expense_summary'),
    ('（四）基本支出总表', 'basic_expense_summary'),
    ('项目支出总表', 'project_expense'),
    ('一般公共预算支出表（按功能分类）', 'gpb_expense'),
    ('一般公共预算支出表（按经济分类）', 'gpb_economic'),
    ('财政拨款“三公”经费支出表', 'three_public'),
    ('政府性基金预算支出表', 'gov_fund'),
    ('国有资本经营预算支出表', 'soe_capital'),
    # 广州 (guangzhou-*-2026-dept-budget.pdf)
    ('收支总体情况表', 'income_expense_summary'),
    ('收入总体情况表', 'income_summary'),
    ('二、收入总体情况表', 'income_summary'),
    ('本年支出总体情况表', 'expense_summary'),
    ('财政拨款收支总体情况表', 'fiscal_summary'),
    ('一般公共预算支出情况表（按功能分类科目）', 'gpb_expense'),
    ('一般公共预算基本支出情况表（按经济分类科目）', 'basic_expense'),
    ('一般公共预算项目支出情况表（按经济分类科目）', 'gpb_project_expense'),
    ('财政拨款安排的行政经费及“三公”经费预算表', 'three_public'),
    ('政府性基金预算支出情况表', 'gov_fund'),
    ('国有资本经营预算支出情况表', 'soe_capital'),
    ('部门预算基本支出预算表', 'basic_expense_summary'),
    ('部门预算项目支出及其他支出预算表', 'project_expense'),
    ('十二、部门预算项目支出及其他支出预算表', 'project_expense'),
    # 苏州, 无锡 (suzhou-*, wuxi-*)
    ('财政拨款支出表（功能科目）', 'fiscal_expense'),
    ('财政拨款基本支出表（经济科目）', 'fiscal_basic_expense'),
    ('一般公共预算“三公”经费、会议费、培训费支出表', 'three_public'),
    ('国有资本经营预算支出预算表', 'soe_capital'),
    ('政府采购支出表', 'procurement'),
    # 福州, 泉州 (fuzhou-*, quanzhou-*)
    ('2026年度一般公共预算拨款支出预算表', 'gpb_expense'),
    ('2026年度一般公共预算支出经济分类情况表', 'gpb_economic'),
    ('2026年度一般公共预算基本支出经济分类情况表', 'basic_expense'),
    ('2026年度政府性基金预算拨款支出预算表', 'gov_fund'),
    ('301008_泉州市公安局台商投资区分局_科技兴警绩效目标表', 'performance'),
    # 上海 (shanghai-*-2026-unit-budget.pdf)
    ('2026年预算单位财政拨款项目支出预算表', 'project_expense'),
    ('11.2026年单位“三公”经费和机关运行经费预算表', 'three_public'),
    # 西安 (xian-*)
    ('目录', 'contents'),
    ('报表目录', 'contents'),
    ('2019年部门综合预算政府性基金收支总表', 'gov_fund'),
    ('2022年部门综合预算一般公共预算支出明细表（按功能科目分）', 'gpb_expense'),
    ('2021年部门综合预算一般公共预算支出明细表（按支出功能分类科目-不含上年结转）', 'gpb_expense'),
    ('2022年部门综合预算一般公共预算支出明细表（按经济分类科目分）', 'gpb_economic'),
    ('2021年部门综合预算一般公共预算支出明细表（按支出经济分类科目-不含上年结转）', 'gpb_economic'),
    ('表62019年部门综合预算一般公共预算支出明细表（按支出经济分类科目）', 'gpb_economic'),
    ('2022年部门综合预算一般公共预算基本支出明细表（按功能科目分）', 'basic_expense'),
    ('2022年部门综合预算一般公共预算基本支出明细表（支出经济分类科目-不含上年结转）', 'basic_expense'),
    ('2021年部门综合预算专项业务经费支出表(不含上年结转)', 'project_expense'),
    ('部门综合预算财政拨款上年结转资金支出表', 'carryover_expense'),
    ('2022部门综合预算财政拨款结转资金支出表', 'carryover_expense'),
    ('表11-财拨结转支出表', 'carryover_expense'),
    ('2022年部门综合预算政府采购（资产配置、购买服务）预算表（不含上年结转）', 'procurement'),
    ('2022年部门综合预算一般公共预算拨款 “三公”经费、会议费、培训费表（不含上年结转）', 'three_public'),
    ('会议费明细表', 'meeting_expense'),
    ('培训费明细表', 'training_expense'),
    ('2022年部门预算专项业务经费绩效目标表', 'performance'),
    ('2019年专项资金整体支出绩效目标表', 'performance'),
]


@pytest.mark.parametrize(("title", "kind"), TITLES + CITY_TITLES)
def test_every_real_title_has_its_kind(title, kind):
    found = builtin_kinds().classify(title)
    assert found is not None and found.id == kind, (title, found and found.id)


def test_a_specific_table_is_not_swallowed_by_a_general_kind():
    kinds = builtin_kinds()
    # 基本支出 and 项目支出 tables of every source of funds are not the 部门支出总表 (whose
    # rules would sum them as one), nor the 一般公共预算 基本支出 table (whose total they differ from)
    assert kinds.classify("基本支出总表").id == "basic_expense_summary"
    assert kinds.classify("部门预算基本支出预算表").id == "basic_expense_summary"
    assert kinds.classify("项目支出总表").id == "project_expense"
    # the 一般公共预算 part of the projects is not the 项目支出表 (its total is not the 项目支出 total)
    assert kinds.classify("一般公共预算项目支出情况表（按经济分类科目）").id == "gpb_project_expense"
    # by economic class, not by function, whatever the general title says
    assert kinds.classify("一般公共预算支出表（按经济分类）").id == "gpb_economic"
    assert kinds.classify("一般公共预算支出表（按功能分类）").id == "gpb_expense"
    # a 结转 table is not the 支出总表, a 基金 收支总表 is not the 部门收支总表
    assert kinds.classify("部门综合预算财政拨款上年结转资金支出表").id == "carryover_expense"
    assert kinds.classify("部门综合预算政府性基金收支总表").id == "gov_fund"
    # 支出总体情况表 (重庆, 广州: the 部门支出总表) does not take a fund's own 总体情况表
    assert kinds.classify("一般公共预算支出总体情况表").id == "gpb_expense"
    assert kinds.classify("政府性基金预算支出总体情况表").id == "gov_fund"
    assert kinds.classify("国有资本经营预算支出总体情况表").id == "soe_capital"
    # 会议费 and 培训费 inside a 三公 title do not make it a 会议费 or 培训费 table
    assert kinds.classify("“三公”经费、会议费、培训费支出预算表").id == "three_public"
    assert kinds.classify("一般公共预算“三公”经费、会议费、培训费支出表").id == "three_public"
    # 政府采购（…购买服务）is the 政府采购 table, 政府购买服务 its own
    assert kinds.classify("部门综合预算政府采购（资产配置、购买服务）预算表").id == "procurement"
    assert kinds.classify("财政拨款政府购买服务明细表").id == "purchased_services"
    # and 决算 titles stay 决算
    assert kinds.classify("财政拨款“三公”经费支出决算表").id == "final_three_public"


def test_performance_tables_are_recognised():
    kinds = builtin_kinds()
    for title in ("部门整体支出绩效目标表", "2025年项目支出绩效自评表", "部门整体支出绩效自评表"):
        assert kinds.classify(title).id == "performance", title


def test_new_kinds_name_their_document():
    kinds = builtin_kinds()
    for kind_id in ("basic_expense_summary", "gpb_project_expense", "carryover_expense", "meeting_expense",
                    "training_expense", "purchased_services"):
        assert kinds.get(kind_id).document == "budget", kind_id


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
