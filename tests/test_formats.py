"""The machine formats (jsonl, SARIF, GitHub workflow commands, JUnit) on a real run:
text and PDF samples with violations, and a file that cannot be read."""

from __future__ import annotations

import json
import re
import shutil
import xml.etree.ElementTree as ET
from dataclasses import replace
from pathlib import Path
from urllib.parse import unquote

import jsonschema
import pytest
from hypothesis import given
from hypothesis import strategies as st

from budgetlint.engine.pack import RuleSet
from budgetlint.engine.rule import Severity
from budgetlint.i18n import t
from budgetlint.lint import check_paths
from budgetlint.report.formats import Rendering, renderer
from budgetlint.report.github import command, escape_data, escape_property
from budgetlint.report.result import FileResult, Report
from budgetlint.textnorm import printable
from budgetlint.waivers import apply_waivers, load_waivers
from conftest import ROOT, sample

TEXT = "samples/text/taiqian-2023.txt"
PDF = "samples/pdf/taiqian-2023.pdf"
EMPTY = "tests/data/empty.pdf"
SARIF_SCHEMA = json.loads((ROOT / "tests/data/sarif-2.1.0-rtm.5.json").read_text(encoding="utf-8"))


def checked(paths: list[str], rules: RuleSet, cwd=ROOT) -> Report:
    """A report whose paths are as a user in ``cwd`` would print them."""
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(cwd)
        return check_paths(paths, rules)


@pytest.fixture(scope="module")
def report(rules) -> Report:
    return checked(["samples/text", PDF, EMPTY], rules)


def render(name: str, report: Report, rules: RuleSet, **options) -> str:
    return renderer(name)(Rendering(report, rules, **{"timing": False, **options}))


def only(items: list, **match):
    found = [i for i in items if all(i.get(k) == v for k, v in match.items())]
    assert len(found) == 1, (match, found)
    return found[0]


# jsonl


def test_jsonl_is_the_json_contract_one_object_a_line(report, rules):
    out = render("jsonl", report, rules)
    records = [json.loads(line) for line in out.splitlines()]
    assert records[0] == {"type": "error", "path": EMPTY, "message": t("empty file")}
    contract = json.loads(render("json", report, rules))
    files = [r for r in records if r["type"] == "file"]
    violations = [r for r in records if r.pop("type") == "violation"]
    assert len(records) == len(files) + len(violations) + 1
    digests = [f.pop("sha256") for f in files]  # jsonl's own: what a resumed run compares the file with
    assert violations == contract["violations"] and files == contract["files"]
    assert all(len(d) == 64 for d in digests)
    assert "基本支出" in out and "\\u" not in out  # UTF-8, not escaped


def test_jsonl_lists_waived_findings_only_when_asked(report, rules):
    accepted = report.violations[0]
    waived = replace(report, waived=[accepted])
    assert '"waived"' not in render("jsonl", waived, rules)
    last = json.loads(render("jsonl", waived, rules, show_waived=True).splitlines()[-1])
    assert last["type"] == "waived" and last["message"] == accepted.message


# SARIF


def sarif(report: Report, rules: RuleSet) -> dict:
    log = json.loads(render("sarif", report, rules))
    jsonschema.Draft4Validator(SARIF_SCHEMA).validate(log)
    return log


def test_sarif_is_valid_and_documents_every_rule_that_ran(report, rules):
    run = sarif(report, rules)["runs"][0]
    driver = run["tool"]["driver"]
    assert driver["name"] == "budgetlint" and driver["version"] == "0.1.0"
    assert [r["id"] for r in driver["rules"]] == [r.id for r in rules.rules]
    bl101 = only(driver["rules"], id="BL101")
    assert bl101["shortDescription"]["text"] == "合计、总计、小计行应等于它所合计的各行之和，每一列都要相等。"
    assert "584.50" in bl101["help"]["text"] and "```text\n合计" in bl101["help"]["markdown"]
    assert bl101["defaultConfiguration"]["level"] == "error" and bl101["properties"]["kind"] == "table-total"
    # A wrapped line joins without a stray space between characters, with one before a number.
    assert "（功能分类 208 ›" in only(driver["rules"], id="BL103")["shortDescription"]["text"]
    assert only(driver["rules"], id="BL402")["defaultConfiguration"]["level"] == "warning"
    assert len(run["results"]) == len(report.violations)
    for result in run["results"]:
        assert driver["rules"][result["ruleIndex"]]["id"] == result["ruleId"]


def test_sarif_locates_text_by_line_and_pdf_by_page(report, rules):
    run = sarif(report, rules)["runs"][0]
    uris = [a["location"]["uri"] for a in run["artifacts"]]
    assert {TEXT, PDF, EMPTY} <= set(uris)

    def where(result: dict) -> dict:
        return result["locations"][0]["physicalLocation"]

    bl101 = {where(r)["artifactLocation"]["uri"]: r for r in run["results"]
             if r["ruleId"] == "BL101" and r["properties"]["col"] == "基本支出"}
    text, pdf = bl101[TEXT], bl101[PDF]
    assert where(text)["artifactLocation"] == {"uri": TEXT, "uriBaseId": "%SRCROOT%", "index": uris.index(TEXT)}
    assert where(text)["region"] == {"startLine": 317, "startColumn": 27}
    assert [r["physicalLocation"]["region"]["startLine"] for r in text["relatedLocations"]] == [319, 320, 321, 323, 325]
    assert "49.00（2023 年一般公共预算支出预算表｜2210201 住房公积金｜基本支出）" in [
        r["message"]["text"] for r in text["relatedLocations"]]
    for result in (text, pdf):
        assert result["level"] == "error"
        assert {k: result["properties"][k] for k in ("row", "col", "reported", "computed", "difference")} == {
            "row": "合计", "col": "基本支出", "reported": "584.50", "computed": "605.50", "difference": "-21.00"}
    assert where(pdf)["artifactLocation"]["uri"] == PDF and where(pdf)["region"] == {"startLine": 1}  # code scanning needs one
    assert pdf["properties"]["page"] == 15 and len(pdf["properties"]["bbox"]) == 4
    assert pdf["message"]["text"].endswith("（p15）")
    assert {r["properties"]["page"] for r in pdf["relatedLocations"]} == {15}


def test_sarif_reports_input_errors_as_failed_execution(report, rules):
    invocation = sarif(report, rules)["runs"][0]["invocations"][0]
    assert invocation["executionSuccessful"] is False
    notification = only(invocation["toolExecutionNotifications"])
    assert notification["level"] == "error" and notification["message"]["text"] == t("empty file")
    assert notification["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == EMPTY
    clean = sarif(replace(report, errors=[]), rules)["runs"][0]["invocations"][0]
    assert clean == {"executionSuccessful": True, "toolExecutionNotifications": []}


def test_sarif_fingerprints_follow_the_figure_not_the_line(tmp_path, rules):
    name = "台前 2023.txt"  # a name that is not a plain URI
    original = sample("taiqian-2023.txt").read_text(encoding="utf-8")
    (tmp_path / name).write_text(original, encoding="utf-8")
    before = sarif(checked([name], rules, tmp_path), rules)["runs"][0]["results"]
    (tmp_path / name).write_text("\n\n\n" + original, encoding="utf-8")
    after = sarif(checked([name], rules, tmp_path), rules)["runs"][0]["results"]

    def keyed(results: list[dict]) -> dict[str, int]:
        return {r["partialFingerprints"]["budgetlint/v1"]:
                r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in results}

    assert before and len(keyed(before)) == len(before)  # one fingerprint a finding
    assert {fp: line + 3 for fp, line in keyed(before).items()} == keyed(after)
    location = before[0]["locations"][0]["physicalLocation"]["artifactLocation"]
    assert location["uri"] != name and unquote(location["uri"]) == name
    # Code scanning computes the line hash for a result with a line; one without gets ours.
    assert all("primaryLocationLineHash" not in r["partialFingerprints"] for r in before)
    absolute = sarif(checked([str(tmp_path / name)], rules), rules)["runs"][0]
    assert absolute["artifacts"] == [{"location": {"uri": (tmp_path / name).as_uri()}}]


def test_sarif_makes_an_absolute_path_inside_the_working_directory_relative(rules, monkeypatch):
    """`budgetlint check $PWD/samples/...` in CI: code scanning resolves only relative URIs."""
    monkeypatch.chdir(ROOT)
    log = sarif(checked([str(ROOT / "samples/text/taiqian-2023.txt")], rules), rules)
    assert log["runs"][0]["artifacts"] == [{"location": {"uri": "samples/text/taiqian-2023.txt",
                                                         "uriBaseId": "%SRCROOT%"}}]


def test_sarif_pdf_results_carry_a_line_hash_code_scanning_can_use(report, rules):
    results = [r for r in sarif(report, rules)["runs"][0]["results"]
               if r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == PDF]
    fingerprints = [r["partialFingerprints"] for r in results]
    assert fingerprints and all(f["primaryLocationLineHash"] == f["budgetlint/v1"] for f in fingerprints)
    assert len({f["budgetlint/v1"] for f in fingerprints}) == len(fingerprints)


def test_info_is_a_note_and_a_notice(report, rules):
    v = next(v for v in report.violations if v.file == TEXT and v.rule == "BL101")
    info_rules = RuleSet(tuple(replace(r, severity=Severity.INFO) if r.id == "BL101" else r for r in rules.rules))
    info = Report(files=[FileResult(TEXT, None, 1, 1, 0.0, [replace(v, severity="info")])])
    run = sarif(info, info_rules)["runs"][0]
    assert only(run["tool"]["driver"]["rules"], id="BL101")["defaultConfiguration"]["level"] == "note"
    assert run["results"][0]["level"] == "note"
    assert render("github", info, info_rules).startswith("::notice file=samples/text/taiqian-2023.txt,line=317,")


# GitHub workflow commands

WORKFLOW_COMMAND = re.compile(r"^::(error|warning|notice)( [a-z]+=[^,:]*(,[a-z]+=[^,:]*)*)?::.*$")


def unescape(s: str) -> str:
    """As the Actions runner reads a value back."""
    for escaped, char in (("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")):
        s = s.replace(escaped, char)
    return s


def parse(line: str) -> tuple[str, dict[str, str], str]:
    head, message = line[2:].split("::", 1)
    name, _, props = head.partition(" ")
    return name, {k: unescape(v) for k, v in (p.split("=", 1) for p in props.split(",") if p)}, unescape(message)


def test_github_one_command_a_violation_at_line_or_page(report, rules):
    lines = render("github", report, rules).splitlines()
    assert len(lines) == len(report.violations) + len(report.errors)
    assert [line for line in lines if not WORKFLOW_COMMAND.match(line)] == []
    assert lines[0] == f"::error file={EMPTY}::{t('empty file')}"
    commands = [parse(line) for line in lines]
    text = [c for c in commands if c[1].get("line") == "317" and c[1]["title"] == "BL101 total-row"]
    assert text[0][:2] == ("error", {"file": TEXT, "line": "317", "col": "27", "title": "BL101 total-row"})
    assert "合计 584.50" in text[0][2] and "605.50" in text[0][2]
    pdf = [c for c in commands if c[1]["file"] == PDF and c[1].get("title") == "BL101 total-row (p15)"]
    assert len(pdf) == 3 and all("line" not in props for _, props, _ in pdf)
    assert ("warning", "BL402 code-name") in {(name, props.get("title")) for name, props, _ in commands}
    # Messages with % (shares, growth rates) are escaped and read back whole.
    shares = [(line, c) for line, c in zip(lines, commands, strict=True) if c[1].get("title", "").startswith("BL311")]
    assert shares and all("%25" in line and "%" in c[2] for line, c in shares)
    assert {c[2] for _, c in shares} <= {v.message for v in report.violations}


def test_github_escaping_round_trips():
    line = command("error", "100%\r\nnext: a,b", file="dir,x/表:1.txt", title="50% (p1)")
    assert WORKFLOW_COMMAND.match(line) and "\n" not in line
    assert parse(line) == ("error", {"file": "dir,x/表:1.txt", "title": "50% (p1)"}, "100%\r\nnext: a,b")


@given(st.text())
def test_github_escaping_is_what_the_runner_undoes(s):
    """Every character but a control character, which is a space in the log (`\x1b[2J` in a file name)."""
    assert unescape(escape_data(s)) == printable(s) and unescape(escape_property(s)) == printable(s)
    assert not set(escape_property(s)) & set(",:\r\n") and not set(escape_data(s)) & set("\r\n")


# JUnit


def suites(report: Report, rules: RuleSet, **options) -> ET.Element:
    return ET.fromstring(render("junit", report, rules, **options))


def only_element(found: list[ET.Element]) -> ET.Element:
    assert len(found) == 1
    return found[0]


def test_junit_counts_a_case_per_file_and_rule(report, rules):
    root = suites(report, rules)
    failing = {(v.file, v.rule) for v in report.violations}
    assert [s.get("name") for s in root] == [f.path for f in report.files] + [EMPTY]
    for suite in root:
        cases = suite.findall("testcase")
        assert int(suite.get("tests")) == len(cases)
        assert int(suite.get("failures")) == sum(c.find("failure") is not None for c in cases)
        assert int(suite.get("errors")) == sum(c.find("error") is not None for c in cases)
        assert {c.get("classname") for c in cases} == {suite.get("name")}
    assert int(root.get("tests")) == len(report.files) * len(rules.rules) + 1
    assert int(root.get("failures")) == len(failing)
    assert int(root.get("errors")) == 1
    # Jenkins' JUnit schema: `skipped` on each <testsuite>, never on <testsuites>
    assert root.get("skipped") is None and all(s.get("skipped") == "0" for s in root)
    assert "time" not in render("junit", report, rules)  # timing off: the same bytes every run


def test_junit_failure_lists_each_finding_with_place_and_figures(report, rules):
    root = suites(report, rules)

    def failure(file: str, name: str) -> ET.Element:
        return only_element(root.findall(f"testsuite[@name='{file}']/testcase[@name='{name}']/failure"))

    pdf = failure(PDF, "BL101 total-row")
    assert pdf.get("type") == "error" and pdf.get("message").startswith("3 处，首处：")
    first = pdf.text.splitlines()[:3]
    assert first[0].startswith("p15  2023年一般公共预算支出预算表「基本支出」：合计 584.50")
    assert first[1].strip() == "列示 584.50  应为 605.50  差 -21.00"
    assert first[2].strip() == "读法确认：同样各行在「合计」列相加相符"  # the 合计 column adds up over the 7 rows
    assert pdf.text.count("p15  ") == 3
    text = failure(TEXT, "BL101 total-row")
    assert [line.split("  ")[0] for line in text.text.splitlines() if not line.startswith(" ")] == \
        ["317:27", "317:36", "317:47"]
    assert failure("samples/text/xixiang-2024.txt", "BL402 code-name").get("type") == "warning"
    error = only_element(root.findall(f"testsuite[@name='{EMPTY}']/testcase[@name='load']/error"))
    assert error.get("message") == t("empty file")


def test_junit_survives_characters_xml_cannot_carry(report, rules):
    v = next(v for v in report.violations if v.file == TEXT and v.rule == "BL101")
    odd = Report(files=[FileResult(TEXT, None, 1, 1, 0.0, [replace(v, message="页\x0c眉\x00")])])
    assert only_element(suites(odd, rules).findall(".//failure")).get("message") == "页\ufffd眉\ufffd"


def test_a_stale_waiver_is_reported_at_its_line_in_the_waiver_file(tmp_path, rules):
    """The waiver file was not checked: JUnit gives it a suite of the rule that found something there."""
    (tmp_path / "taiqian.txt").write_text(sample("taiqian-2023.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "waivers.yaml").write_text(
        "waivers:\n  - rule: BL101\n    file: taiqian.txt\n    table: 2023 年一般公共预算支出预算表\n"
        "    row: 合计\n    col: 基本支出\n    figure: \"580.00\"\n    reason: 已更正\n    accepted_by: 张三\n",
        encoding="utf-8")
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(tmp_path)
        stale = check_paths(["taiqian.txt"], rules)
        apply_waivers(stale, load_waivers(Path("waivers.yaml")), rules)
    root = suites(replace(stale, seconds=1.5), rules, timing=True)
    assert root.get("time") == "1.500"
    suite = only_element(root.findall("testsuite[@name='waivers.yaml']"))
    assert [c.get("name") for c in suite] == ["BL002 stale-waiver"] and suite.get("failures") == "1"
    assert suite.find("testcase/failure").text.startswith("2:5  ")
    assert root.get("tests") == str(len(rules.rules) + 1)
    assert "::warning file=waivers.yaml,line=2,col=5,title=BL002 stale-waiver::" in render("github", stale, rules)
    result = only(sarif(stale, rules)["runs"][0]["results"], ruleId="BL002")
    assert result["locations"][0]["physicalLocation"]["region"] == {"startLine": 2, "startColumn": 5}


def test_concise_is_one_line_a_finding_at_a_location_editors_and_viewers_open(report, rules):
    *lines, count = render("concise", report, rules).splitlines()
    assert len(lines) == len(report.violations)
    assert count.startswith(f"发现 {len(report.violations)} 处问题")  # the last line counts them, as ruff's
    text = [line for line in lines if line.startswith(f"{TEXT}:")]
    assert f"{TEXT}:27:3: BL503 [错误] 目录列有「七、2023 年支出经济分类汇总表」，正文未见此表" in text
    assert all(re.match(rf"{re.escape(TEXT)}:\d+:\d+: BL\d{{3}} \[(错误|警告|提示)\] ", line) for line in text)
    page_15 = [line for line in lines if line.startswith(f"{PDF}#page=15: ")]
    assert [line.split()[1] for line in page_15] == ["BL101", "BL101", "BL101", "BL510", "BL401"]  # top to bottom
    # the row, which the message does not name, then what confirmed that the code is listed twice
    assert page_15[-1].endswith("（2210201 住房公积金）（读法确认：本表其余 5 个编码各列一次）")


def test_the_output_contracts_example_names_each_rule_as_the_tool_does(rules):
    contract = (ROOT / "docs" / "output.md").read_text(encoding="utf-8")
    named = re.findall(r'"rule": "(BL\d+)",\s*"name": "([^"]+)"', contract)
    assert named
    for rule_id, name in named:
        assert rules.get(rule_id) is not None and rules.get(rule_id).name == name, rule_id


def test_files_not_checked_are_named_in_every_ci_format(tmp_path, rules):
    """A `.doc` beside the PDFs is not read: a CI log, the annotations and code scanning all say so,
    and a clean run still prints its count."""
    from budgetlint.lint import check_paths

    shutil.copy(ROOT / "samples" / "text" / "caizheng-2024-final-corrected.txt", tmp_path / "clean.txt")
    (tmp_path / "说明.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    report = check_paths([str(tmp_path)], rules)
    assert not report.violations and [Path(p).name for p in report.skipped] == ["说明.doc"]
    (line,) = render("concise", report, rules).splitlines()
    assert "发现 0 处问题" in line and "说明.doc" in line
    assert f"::warning file={tmp_path.as_posix()}/说明.doc::未检查：budgetlint 不读 .doc 文件" in render("github", report, rules)
    notes = sarif(report, rules)["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert [(n["level"], n["message"]["text"]) for n in notes] == [("warning", "未检查：budgetlint 不读 .doc 文件")]


def test_a_cell_of_a_sheet_is_named_with_its_sheet_in_github_and_sarif(rules):
    """`line=5,col=7` alone does not say which sheet of the workbook."""
    with pytest.MonkeyPatch.context() as mp:
        mp.chdir(ROOT)
        book = check_paths(["samples/xlsx/taiqian-2023-tables.xlsx"], rules)
    assert "title=BL101 total-row (一般公共预算支出预算表!G5)::" in render("github", book, rules)
    results = sarif(book, rules)["runs"][0]["results"]
    assert any(r["properties"].get("cell") == "一般公共预算支出预算表!G5" and r["ruleId"] == "BL101" for r in results)
