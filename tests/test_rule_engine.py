"""Rule packs: validation errors name file, line and key; relations are parsed, not evaluated."""

import pytest

from budgetlint.engine.pack import builtin_rules_dir, load_pack, load_rules
from budgetlint.engine.relation import parse_relation
from budgetlint.engine.yamlsource import RuleError

GOOD = """\
rules:
  - id: XY101
    name: my-identity
    kind: column-identity
    tables: gpb_expense
    relation: "合计 = 基本支出 + 项目支出"
    description: 合计等于基本支出加项目支出。
"""


def write(tmp_path, text):
    path = tmp_path / "pack.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def error_of(tmp_path, text) -> RuleError:
    with pytest.raises(RuleError) as info:
        load_rules([write(tmp_path, text)])
    return info.value


def test_a_good_pack_loads(tmp_path):
    pack = load_pack(write(tmp_path, GOOD))
    (rule,) = pack.rules
    assert pack.quantities == [] and pack.kinds == []
    assert rule.id == "XY101" and rule.severity.value == "error"
    assert rule.origin.endswith("pack.yaml:2")


@pytest.mark.parametrize("change, line, words", [
    (("kind: column-identity", "kind: column-identty"), 4, "unknown kind 'column-identty'"),
    (("tables: gpb_expense", "tables: gbp_expense"), 5, "unknown table kind 'gbp_expense'"),
    (('relation: "合计 = 基本支出 + 项目支出"', 'relation: "合计 = 基本支出 + + 项目支出"'), 6, "two operators"),
    (('relation: "合计 = 基本支出 + 项目支出"', 'relation: "合计 基本支出"'), 6, "key 'relation'"),
    (("    description: 合计等于基本支出加项目支出。\n", "    description: x\n    colour: red\n"), 8, "unknown key 'colour'"),
    (("name: my-identity", "name: My Identity"), 3, "key 'name'"),
    (("id: XY101", "id: 101"), 2, "key 'id'"),
    (("    description: 合计等于基本支出加项目支出。\n", "    description: x\n    message: '{tabel} 不平'\n"), 8, "unknown placeholder {tabel}"),
    (("    description: 合计等于基本支出加项目支出。\n", "    description: x\n    severity: fatal\n"), 8, "key 'severity'"),
    (("    tables: gpb_expense\n", ""), 2, "missing key 'tables'"),
])
def test_errors_name_the_file_line_and_key(tmp_path, change, line, words):
    old, new = change
    assert old in GOOD
    err = error_of(tmp_path, GOOD.replace(old, new))
    assert err.file.endswith("pack.yaml") and err.line == line, str(err)
    assert words in str(err)
    assert str(err).startswith(f"{err.file}:{line}:")


def test_invalid_yaml_is_located(tmp_path):
    err = error_of(tmp_path, "rules:\n  - id: [unclosed\n")
    assert err.line is not None and "invalid YAML" in str(err)


def test_duplicate_key_is_an_error(tmp_path):
    err = error_of(tmp_path, GOOD.replace("    kind: column-identity\n", "    kind: column-identity\n    kind: table-total\n"))
    assert err.line == 5 and "duplicate key 'kind'" in str(err)


def test_a_rule_id_may_be_defined_once(tmp_path):
    path = write(tmp_path, GOOD.replace("XY101", "BL101"))
    with pytest.raises(RuleError, match="already defined at rules/tables.yaml"):
        load_rules([path])


def test_relation_parsing():
    rel = parse_relation("合计 = 基本支出 + 项目支出|专项业务经费支出 - [上缴上级支出]")
    assert rel.left.alternatives == (("合计",),)
    assert [(t.sign, t.name.text, t.optional) for t in rel.right] == [
        (1, "基本支出", False), (1, "项目支出|专项业务经费支出", False), (-1, "上缴上级支出", True)]
    for bad in ["合计", "= 合计", "合计 = ", "[合计] = 基本支出", "合计 = 基本支出 基本支出", "a = b = c"]:
        with pytest.raises(ValueError):
            parse_relation(bad)


def test_builtin_rules_load_and_document_themselves():
    rules = load_rules()
    assert builtin_rules_dir().is_dir()
    assert {r.id for r in rules.rules} >= {"BL101", "BL102", "BL103", "BL104", "BL111", "BL201", "BL401", "BL402"}
    for rule in rules.rules:
        assert rule.description and rule.example, rule.id
    assert [r.id for r in rules.filtered(["BL1"], ["BL11", "BL12"]).rules] == ["BL101", "BL102", "BL103", "BL104"]
    assert {r.id for r in rules.rules if r.documents == ("final",)} >= {"BL121", "BL221", "BL351", "BL515"}


WORDING = """\
rules:
  - id: XY601
    name: my-wording
    kind: wording
    severity: warning
    patterns: ['{pattern}']
    expected: 删去
    description: 模板文字。
"""


@pytest.mark.parametrize("pattern", [r"(.+)+无此字样", r"(a*)*b", r"(\s*\S+)*。"])
def test_a_pattern_that_can_run_forever_is_refused_at_its_line(tmp_path, pattern):
    """A pack may come with a pull request: `(.+)+无此字样` would hang CI on a long line."""
    err = error_of(tmp_path, WORDING.format(pattern=pattern))
    assert err.line == 6 and "repeats a repeat" in str(err)


@pytest.mark.parametrize("pattern", [r"(\d+,)*万元", r"((目标|指标)\d+\s*:\s*){2,}$", r"增加（减少）", r"(?:[^，]+，)+无"])
def test_a_repeat_cut_by_a_character_it_cannot_match_is_accepted(tmp_path, pattern):
    (rule,) = load_pack(write(tmp_path, WORDING.format(pattern=pattern))).rules
    assert rule.params["patterns"][0].pattern == pattern


def test_an_integer_of_thousands_of_digits_is_an_error_at_its_line(tmp_path):
    """Python refuses to convert an integer of over 4,300 digits: one line, not a traceback."""
    err = error_of(tmp_path, GOOD.replace("    description: 合计等于基本支出加项目支出。\n",
                                          "    description: x\n    tolerance: " + "9" * 5000 + "\n"))
    assert err.line == 8 and "4300 digits" in str(err)
