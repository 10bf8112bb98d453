"""The parts of a disclosure's text (主要职能, 名词解释 …), found by their headings for the 检查表, and the
checklist's data in the packs, validated with the file and line of each mistake."""

from __future__ import annotations

import pytest

from budgetlint.engine.pack import load_rules
from budgetlint.engine.yamlsource import RuleError
from budgetlint.model import Document, Location, Paragraph
from budgetlint.understand.sections import find_sections, heading_key


def document(*pages: list[str]) -> Document:
    """A PDF-like document: each page's lines, one paragraph each."""
    blocks = [Paragraph(text, Location("d.pdf", page=n, line=i + 1)) for n, lines in enumerate(pages, 1)
              for i, text in enumerate(lines)]
    return Document("d.pdf", blocks, len(pages))


def found(doc: Document, rules, agency: str | None = None) -> dict[str, tuple[int, str]]:
    return {s.id: (s.location.page, s.heading) for s in find_sections(doc, rules.sections, agency)}


@pytest.mark.parametrize("line, agency, key", [
    ("一、主要职能", None, "主要职能"),
    ("第四部分：专业名词解释", None, "专业名词解释"),
    ("上海市普陀区商务委员会主要职能", "上海市普陀区商务委员会", "主要职能"),
    ("第三部分 江苏省人民检察院 2017 年度部门预算情况说明", "江苏省人民检察院", "部门预算情况说明"),
    ("一、主要职能。", None, "主要职能"),  # 江苏's contents ends its lines with a full stop
    ("2025年，本部门收入预算37,151.47万元，其中：财政拨款收入37,151.47万元。", None, None),  # a sentence
])
def test_a_heading_is_matched_without_its_numbering_year_and_agency(line, agency, key):
    assert heading_key(line, agency) == key


def test_each_part_begins_at_its_heading_in_the_body_not_at_its_line_in_the_contents(rules):
    """普陀 商务委 2025: the contents (p2) names every part; the body prints them on their own pages."""
    doc = document(["上海市普陀区2025年区级部门预算"],
                   ["目 录", "一、部门主要职能", "二、部门机构设置", "三、名词解释", "四、部门预算编制说明"],
                   ["上海市普陀区商务委员会主要职能", "上海市普陀区商务委员会是主管全区产业经济的区政府工作部门。"],
                   ["名词解释", "（一）财政拨款收入：是区级预算主管部门……取得的财政拨款。"],
                   ["2025年部门预算编制说明", "2025年，收入预算37,151.47万元。"])
    assert found(doc, rules, "上海市普陀区商务委员会") == {
        "cover": (1, "上海市普陀区2025年区级部门预算"), "contents": (2, "目 录"), "duties": (3, "上海市普陀区商务委员会主要职能"),
        "glossary": (4, "名词解释"), "narrative": (5, "2025年部门预算编制说明")}


def test_a_contents_that_runs_on_to_the_next_page_is_read_to_its_end(rules):
    """江苏 检察院 2017: the contents' last line is on p3, above the body's first heading."""
    doc = document(["目 录", "第一部分 部门概况", "一、主要职能。", "第三部分 部门预算情况说明"],
                   ["第四部分 名词解释", "第一部分 部门概况", "一、主要职责", "人民检察院是国家的法律监督机关。"],
                   ["第三部分 部门预算情况说明", "一、收支预算总表情况说明", "收入预算 100 万元。"],
                   ["第四部分 名词解释", "一、财政拨款收入：指……。"])
    assert {k: page for k, (page, _) in found(doc, rules).items()} == \
        {"contents": 1, "duties": 2, "narrative": 3, "glossary": 4}


def test_a_contents_printed_as_a_table_ends_at_its_page(rules):
    """福州: the 目录 heading's entries are a table; the next page's numbered headings are the body."""
    doc = document(["目录"], ["第一部分部门概况"], ["一、部门主要职责", "福州市医疗保障局的主要职责是：……。"])
    assert found(doc, rules)["duties"] == (3, "一、部门主要职责")


def test_the_cover_is_looked_for_on_the_first_page_only(rules):
    doc = document(["说明"], ["2025年部门预算", "收入预算 100 万元。"])
    assert "cover" not in found(doc, rules)


def _pack(tmp_path, text: str):
    path = tmp_path / "ours.yaml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize("text, error", [
    ("checklist:\n  budget:\n    - {item: 附录, section: appendix}\n", r"ours.yaml:3: checklist item 附录: unknown section 'appendix'"),
    ("checklist:\n  budget:\n    - {item: 附录}\n", r"ours.yaml:3: checklist item 附录: give one of"),
    ("checklist:\n  budgets:\n    - {item: 附录, manual: 看}\n", r"ours.yaml:2: checklist: unknown kind of disclosure 'budgets'"),
    ("sections:\n  - id: appendix\n    headings: ['(.+)+附录']\n", r"ours.yaml:3: section appendix: .*repeat"),
    ("sections:\n  - id: appendix\n    heading: ['附录']\n", r"ours.yaml:3: unknown key 'heading' for a section"),
    ("sections: 附录\n", r"ours.yaml:1: 'sections' must be a list of sections"),
    ("checklist:\n  budget:\n    - 附录\n", r"ours.yaml:3: a checklist item is a mapping of item"),
    ("rules:\n  - id: XY001\n    name: ours\n    kind: wording\n    patterns: ['待定']\n    expected: 写明\n"
     "    description: d\n    item: 附录\n", r"ours.yaml:8: rule XY001: key 'item': no checklist item is named '附录'"),
])
def test_a_mistake_in_the_checklist_data_is_reported_at_its_line(tmp_path, text, error):
    with pytest.raises(RuleError, match=error):
        load_rules([_pack(tmp_path, text)])


def test_a_pack_adds_a_part_and_a_province_s_checklist_replaces_the_built_in_one(tmp_path):
    rules = load_rules([_pack(tmp_path, "sections:\n  - id: appendix\n    headings: ['附录']\n"
                                        "checklist:\n  budget:\n    - {item: 附录, section: appendix}\n"
                                        "    - {item: 预算表, tables: required}\n")])
    assert [e.item for e in rules.checklist["budget"]] == ["附录", "预算表"]
    assert [e.item for e in rules.checklist["final"]][:2] == ["及时性", "封面"]  # the built-in one stays
    assert "appendix" in {s.id for s in rules.sections}
