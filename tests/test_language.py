"""One language at a time: the words budgetlint's reports write are Chinese by default and English
with --lang en (or the locale); quoted document text stays as printed."""

from __future__ import annotations

import html
import json
import os
import re
import subprocess
import sys

import openpyxl
import pytest

from budgetlint.engine.pack import RuleSet, load_rules
from budgetlint.engine.rule import template_fields
from budgetlint.engine.yamlsource import RuleError
from budgetlint.i18n import ZH, choose_language, set_language
from budgetlint.model import Document, Location, Problem
from budgetlint.model_json import document_from_data, document_to_data
from conftest import ROOT

TEXT = "samples/text/taiqian-2023.txt"
BROKEN = "tests/data/empty.pdf"
QUOTED = "「七、2023 年支出经济分类汇总表」"  # document text inside BL503's message
WORDS = {  # what each language's reports say, and the other language must not
    "zh": ["列示", "应为", "发现 23 处问题", "错误", "未通过", "文件", "结论"],
    "en": ["reported", "should be", "23 problems found", "error", "failed", "file", "verdict"],
}


def _run(*args: str, **env: str) -> subprocess.CompletedProcess:
    environ = {k: v for k, v in os.environ.items() if k not in ("BUDGETLINT_LANG", "LANG", "LC_ALL", "LC_MESSAGES")}
    # the text report unless the test asks for another (a later --format wins): a pipe's default is concise
    return subprocess.run([sys.executable, "-m", "budgetlint", "check", "--no-timing", "-f", "text", *args], cwd=ROOT,
                          capture_output=True, env={**environ, **env})


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_text_report_is_in_one_language(lang):
    out = _run(TEXT, BROKEN, "--lang", lang).stdout.decode("utf-8")
    chrome = "\n".join(line for line in out.splitlines() if "BL" not in line)  # rule messages are not chrome
    other = "en" if lang == "zh" else "zh"
    for word in WORDS[lang]:
        assert word in out
    for word in WORDS[other]:
        assert word not in chrome.replace(QUOTED, ""), word
    assert QUOTED in out


def test_the_default_is_chinese_and_the_locale_or_setting_can_choose_english():
    plain = _run(TEXT).stdout.decode("utf-8")
    assert "发现 23 处问题" in plain
    assert "23 problems found" in _run(TEXT, LANG="en_US.UTF-8").stdout.decode("utf-8")
    assert "发现 23 处问题" in _run(TEXT, LANG="en_US.UTF-8", BUDGETLINT_LANG="zh").stdout.decode("utf-8")
    assert choose_language(None, {"LANG": "C.UTF-8"}) == "zh" and choose_language("en", {}) == "en"


def test_html_concise_and_workbook_follow_the_language(tmp_path):
    html = _run(TEXT, "--lang", "en", "-f", "html").stdout.decode("utf-8")
    assert '<html lang="en">' in html and ">reported <b>" in html and "列示 <b>" not in html
    assert "[error]" in _run(TEXT, "--lang", "en", "-f", "concise").stdout.decode("utf-8")
    assert "[错误]" in _run(TEXT, "-f", "concise").stdout.decode("utf-8")
    for lang, summary, heading in (("zh", "汇总", "符合要求"), ("en", "summary", "meets requirements")):
        target = tmp_path / f"{lang}.xlsx"
        _run(TEXT, "--lang", lang, "-f", "xlsx", "-o", str(target))
        workbook = openpyxl.load_workbook(target)
        assert workbook.sheetnames[0] == summary
        assert heading in [c.value for row in workbook[workbook.sheetnames[1]].iter_rows() for c in row]


def test_every_chinese_text_translates_a_text_the_code_writes():
    sources = "".join(p.read_text(encoding="utf-8") for p in (ROOT / "budgetlint").rglob("*.py"))
    unused = [k for k in ZH if f'"{k}"' not in sources and f"'{k}'" not in sources]
    assert not unused


@pytest.mark.parametrize("lang, line", [
    ("zh", f"budgetlint：错误：{BROKEN}：空文件"),
    ("en", f"budgetlint: error: {BROKEN}: empty file"),
])
def test_an_input_error_is_one_line_in_the_language(lang, line):
    done = _run(BROKEN, "--lang", lang)
    assert done.returncode == 2 and done.stderr.decode("utf-8").strip() == line


@pytest.mark.parametrize("lang, says, not_says", [
    ("zh", ["要检查的文件或文件夹。", "输出格式 [默认：在终端上为 text，否则为 concise]。", "检查公开文件；"], "Files or folders to check."),
    ("en", ["Files or folders to check.", "Output format [default: text on a terminal, else concise].", "Check disclosures;"], "要检查的文件或文件夹"),
])
def test_help_describes_each_option_in_the_language(lang, says, not_says):
    shown = subprocess.run([sys.executable, "-m", "budgetlint", "check", "-h", "--lang", lang], cwd=ROOT,
                           capture_output=True, text=True, env={**os.environ, "COLUMNS": "200"}).stdout
    shown = "".join(shown.split())  # however it is wrapped to the terminal's width
    assert all("".join(s.split()) in shown for s in says) and "".join(not_says.split()) not in shown


@pytest.mark.parametrize("lang, arithmetic, other", [("zh", "列示 584.50  应为 605.50  差 -21.00", "所见 2022 年部门预算编制范围  应当 2023 年"),
                                                     ("en", "reported 584.50  should be 605.50  difference -21.00",
                                                      "found 2022 年部门预算编制范围  expected 2023 年")])
def test_a_finding_without_arithmetic_says_found_and_expected(lang, arithmetic, other):
    out = _run(TEXT, "--select", "BL101,BL512", "--lang", lang).stdout.decode("utf-8")
    assert arithmetic in out and other in out


CJK = re.compile(r"[\u3400-\u9fff]+")
QUOTES = re.compile(r"「[^」]*」|（[^）]*）|“[^”]*”")  # the document's words, quoted or in brackets


def test_every_built_in_rule_has_an_english_message_with_the_same_placeholders():
    for rule in load_rules().rules:
        assert rule.message_en, rule.id
        assert sorted(template_fields(rule.message_en)) == sorted(template_fields(rule.message)), rule.id
        assert not CJK.search(QUOTES.sub("", rule.message_en)), rule.id
        if rule.kind == "wording":
            assert rule.text("expected", "en") != rule.text("expected", "zh"), rule.id


def test_a_rule_pack_gives_english_messages_or_falls_back_to_its_own(tmp_path):
    pack = tmp_path / "ours.yaml"
    rule = ("rules:\n  - id: XY601\n    name: ours\n    kind: wording\n    patterns: ['待定']\n"
            "    expected: 写明\n    message: \"留有「{reported}」\"\n    description: d\n")
    pack.write_text(rule, encoding="utf-8")
    ours = next(r for r in load_rules([pack]).rules if r.id == "XY601")
    assert ours.template("en") == ours.template("zh") == "留有「{reported}」"
    assert ours.text("expected", "en") == "写明"
    pack.write_text(rule + "    message_en: \"left in: 「{reported}」 ({where})\"\n", encoding="utf-8")
    with pytest.raises(RuleError, match=r"ours.yaml:9: .*message_en.*unknown placeholder \{where\}"):
        load_rules([pack])


def english_leftovers(message: str, document: str, rules: RuleSet) -> list[str]:
    """The Chinese in an English finding that is neither the document's nor a rule pack's: outside
    quotes and brackets, not printed in the document (a unit, a row's name as printed), and not a
    table kind's or quantity's name (`支出总计`: data, like the titles a province gives)."""
    names = "".join([*(k.name for k in rules.kinds.kinds), *(q.name for q in rules.vocabulary.quantities)])
    return [w for w in CJK.findall(QUOTES.sub("\0", message).replace(" ", "")) if w not in document + names]


@pytest.mark.parametrize("sample", ["caizheng-2024-final", "taiqian-2023", "tongcheng-2024", "xixiang-2024",
                                    "zhangzhou-2024"])
def test_english_findings_quote_the_document_and_write_nothing_else_in_chinese(sample):
    path = ROOT / "samples/text" / f"{sample}.txt"
    document = path.read_text(encoding="utf-8")
    found = json.loads(_run(str(path), "--lang", "en", "-f", "json").stdout)["violations"]
    assert found
    for v in found:
        for text in (v["message"], v["reported"], v["computed"]):
            assert not english_leftovers(text, document, load_rules()), (v["rule"], text)


def test_a_loader_problem_is_kept_in_no_language_and_shown_in_the_run_s():
    problem = Problem("page {page} is blank (no text)", Location("a.pdf", page=3), "blank page", "blank-page",
                      values={"page": 3})
    again = document_from_data(document_to_data(Document("a.pdf", [], 3, [problem]))).problems[0]
    assert again == problem
    assert problem.text == "第3页是空白页（没有文字）"
    set_language("en")
    assert again.text == "page 3 is blank (no text)"


# Latin words a Chinese report or help may hold (issue 25): the names of formats and of tools, the values a
# user types (a level, a colour mode, a language), and abbreviations Chinese writes in Latin letters.
ALLOWED_LATIN = {"budgetlint", "text", "concise", "json", "jsonl", "sarif", "github", "junit", "html", "csv", "xlsx",
                 "auto", "always", "never", "zh", "en", "error", "warning", "info", "YAML", "PDF", "CPU", "Dask", "MB",
                 "check", "rules", "explain", "extract", "serve"}  # and the commands
NOT_WORDS = re.compile(r"[a-z]+://\S+"  # an address
                       r"|(?<![\w-])--?[a-zA-Z][\w-]*"  # an option
                       r"|[\w./-]+\.(txt|pdf|toml|yaml|xlsx|docx)\b"  # a file's name
                       r"|\b[A-Z]+(_[A-Z]+)+\b"  # an environment variable
                       r"|\bBL\d{1,3}\b|\w+\[\w+\]"  # a rule id, an extra (budgetlint[web])
                       r"|\b\d*x{2,}\b|\b[A-Z]\b")  # a code's mask (210xxxx), an example's figure (X 万元)


def latin_words(text: str) -> set[str]:
    return set(re.findall(r"[A-Za-z]+", NOT_WORDS.sub(" ", text))) - ALLOWED_LATIN


def _visible(page: str) -> str:
    page = re.sub(r"(?s)<(style|script)\b.*?</\1>", " ", page)
    return html.unescape(re.sub(r"(?s)<[^>]+>", " ", page))


def test_no_english_word_in_a_chinese_report_or_help(tmp_path):
    target = tmp_path / "检查结果.xlsx"
    _run(TEXT, BROKEN, "-f", "xlsx", "-o", str(target))
    workbook = openpyxl.load_workbook(target)
    shown = {
        "text": _run(TEXT, BROKEN).stdout.decode("utf-8"),
        "statistics": _run(TEXT, BROKEN, "--statistics").stdout.decode("utf-8"),
        "html": _visible(_run(TEXT, BROKEN, "-f", "html").stdout.decode("utf-8")),
        "csv": _run(TEXT, BROKEN, "-f", "csv").stdout.decode("utf-8"),
        "xlsx": "\n".join(str(c.value) for sheet in workbook for row in sheet.iter_rows() for c in row if c.value),
    }
    for command in ("", "check", "rules", "explain", "extract", "serve"):
        shown[f"{command} --help"] = subprocess.run(
            [sys.executable, "-m", "budgetlint", *([command] if command else []), "--help"], cwd=ROOT,
            capture_output=True, text=True, env={**os.environ, "BUDGETLINT_LANG": "zh"}).stdout
    assert {name: latin_words(text) for name, text in shown.items()} == {name: set() for name in shown}
    assert "合计行" in shown["statistics"] and "用法：" in shown["check --help"] and "选项" in shown["check --help"]


def test_every_built_in_rule_has_a_chinese_name_that_reports_and_selectors_use():
    rules = load_rules()
    assert all(r.title and CJK.fullmatch(r.title.replace("“", "").replace("”", "")) for r in rules.rules)
    assert len({r.title for r in rules.rules}) == len(rules.rules)  # each names one rule
    assert [r.id for r in rules.filtered(["合计行"], None).rules] == ["BL101"]
    english = _run(TEXT, "--statistics", "--lang", "en").stdout.decode("utf-8")
    assert "total-row" in english and "合计行" not in english
