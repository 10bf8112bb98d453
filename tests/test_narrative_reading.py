"""Reading the narrative of the real samples: amounts, labels, codes, lists, changes, shares."""

from budgetlint.load import load_document
from budgetlint.understand.narrative import clean_label, read_narrative

from conftest import sample


def narrative(name):
    return read_narrative(load_document(sample(name)))


def amount_at(n, line, text):
    return next(a for a in n.amounts if a.location.line == line and a.value.text == text)


def test_labels_codes_and_lists_in_xixiang():
    n = narrative("xixiang-2024.txt")
    income = amount_at(n, 76, "236.88 万元")
    assert income.label == "预算收入" and [p.label for p in income.parts] == ["一般公共预算拨款收入", "政府性基金拨款收入"]
    expense = next(a for a in n.amounts if a.location.line == 76 and a.label == "预算支出")
    assert expense.whole is None  # `；本单位当年预算支出 …` starts a new statement
    # the list opened by `其中：` at the end of one paragraph takes the enumerated paragraphs below
    total = amount_at(n, 92, "236.88 万元")
    assert [(p.code.digits, p.value.text) for p in total.parts] == [
        ("2080505", "24.27 万元"), ("2101102", "9.9 万元"), ("2101506", "184.55 万元"), ("2210201", "18.20 万元")]
    staffing = amount_at(n, 66, "24 人")
    assert staffing.kind == "count" and staffing.label == "人员编制"


def test_sentence_broken_over_a_page_keeps_each_figures_location():
    n = narrative("xixiang-2024.txt")
    medical = amount_at(n, 96, "9.9 万元")
    (change,) = medical.changes
    # `（2）事业单位医疗（2101102）9.9 万元，较上年增加` / blank line / `9.9 万元，原因是…`
    assert change.direction == 1 and change.amount.text == "9.9 万元"
    assert (change.amount.location.line, change.amount.location.column) == (98, 1)


def test_thresholds_are_not_amounts():
    labels = [a.label for a in narrative("xixiang-2024.txt").amounts if a.kind == "money"]
    assert not any("单价" in label for label in labels)  # 单价 20 万元以上的设备
    taiqian = narrative("taiqian-2023.txt")
    assert not any(a.value.text == "100万元" for a in taiqian.amounts)  # 100万元及100万元以上项目


def test_changes_rates_and_their_subjects_in_taiqian():
    n = narrative("taiqian-2023.txt")
    first = [c for c in n.changes if c.sentence.locate(0).line == 86]
    assert [(c.subject, c.amount.text, c.rate.text, c.candidates[0].label) for c in first] == [
        ("收入", "360.53 万元", "8%", "收入总计"), ("支出", "360.53 万元", "8%", "支出总计")]


def test_shares_with_their_part_and_base():
    n = narrative("taiqian-2023.txt")
    shares = {s.rate.text: s for s in n.shares}
    assert shares["23.70%"].parts[0].label == "基本支出" and shares["23.70%"].bases[0].label == "支出合计"
    # `年初预算为 2444.5 万元。主要用于以下方面：…44 万元，占 1.80%` — the base is the previous sentence's
    assert shares["1.80%"].bases[0].value.text == "2444.5 万元"
    assert not shares["1.80%"].parts[0].complete  # `主要用于` does not claim a complete list
    tongcheng = narrative("tongcheng-2024.txt")
    (named,) = [s for s in tongcheng.shares if s.base_label]
    assert named.base_label == "预算总额" and "公用经费支出" in [p.label for p in named.parts]


def test_markdown_bold_enumerations_and_headings():
    taiqian = narrative("taiqian-2023.txt")
    personnel = amount_at(taiqian, 108, "560 万元")  # **人员经费 560 万元**
    assert personnel.label == "人员经费" and personnel.whole.label == "一般公共预算基本支出"
    zhangzhou = narrative("zhangzhou-2024.txt")
    abroad = amount_at(zhangzhou, 402, "0.00 万元")  # `2024 年预算安排 0.00 万元` under the heading `（一）因公出国（境）经费`
    assert abroad.label == "因公出国(境)经费"
    item = amount_at(zhangzhou, 352, "5.36 万元")  # `（一）2080501-行政单位离退休 5.36 万元`
    assert item.code.digits == "2080501" and item.label == "行政单位离退休"


def test_clean_label():
    assert clean_label("台前县医疗保障局 2023 年收入总计") == ("收入总计", None)
    assert clean_label("本单位当年预算收入") == ("预算收入", None)
    assert clean_label("漳州市医疗保障局（汇总）部门收入预算为")[0] == "部门收入"
    label, code = clean_label("（3）医疗保障经办事务（2101506）")
    assert (label, code.digits) == ("医疗保障经办事务", "2101506")
