"""Cross-document rules (issue 23): one agency's disclosures checked in one run are compared.

Made-up pairs hold one figure each way (consistent: quiet; changed in the later document:
found, located in it and pointing at the other); real pairs of the corpus name the figures.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from budgetlint.lint import check_paths
from budgetlint.report.formats import Rendering
from budgetlint.report.json import render as render_json
from budgetlint.results import outcomes_from_data, outcomes_to_data
from budgetlint.series.forming import DEPARTMENT_UNIT, PREVIOUS_YEAR
from conftest import run

REAL = Path(__file__).resolve().parents[2] / "shared" / "real"

_ROWS = (("", "合计"), ("201", "一般公共服务支出"), ("20106", "财政事务"), ("2010601", "行政运行"),
         ("2010602", "一般行政管理事务"))


def disclosure(year: int, run: str, affairs: str, level: str = "部门", prior: tuple[str, str] | None = None,
               said: str = "", prior_heading: str = "上年预算数") -> str:
    """A small budget of 某某县财政局: an expenditure table (with last year's column when ``prior``
    gives last year's 行政运行 and 一般行政管理事务) and the narrative sentence ``said``."""
    total = f"{float(run) + float(affairs):.2f}"
    lines = [f"某某县财政局{year}年{level}预算", "", "一、预算情况说明", "", said, "",
             f"{year}年{level}一般公共预算支出预算表", "", "单位：万元", ""]
    if prior:
        before = f"{float(prior[0]) + float(prior[1]):.2f}"
        lines.append(f"科目编码\t科目名称\t{prior_heading}\t本年预算数")
        figures = [(before, total), (before, total), (before, total), (prior[0], run), (prior[1], affairs)]
    else:
        lines.append("科目编码\t科目名称\t合计")
        figures = [(total,), (total,), (total,), (run,), (affairs,)]
    lines += ["\t".join(row + values) for row, values in zip(_ROWS, figures)]
    return "\n".join(lines) + "\n"


def check(folder: Path, rules, **files: str):
    for name, text in files.items():
        (folder / f"{name}.txt").write_text(text, encoding="utf-8")
    return check_paths([str(folder)], rules)


def series_findings(report) -> list[tuple[str, str, str, str]]:
    return [(Path(v.file).stem, v.rule, v.reported, v.computed) for v in report.violations if v.rule.startswith("BL7")]


@pytest.mark.parametrize("prior_run, found", [
    ("200.00", []),
    # last year's 行政运行 copied wrong, and the totals above it with it (合计, 201, 20106)
    ("210.00", [("b2026", "BL701", "310.00", "300.00")] * 3 + [("b2026", "BL701", "210.00", "200.00")]),
])
def test_last_years_column_against_last_years_disclosure(tmp_path, rules, prior_run, found):
    report = check(tmp_path, rules, a2025=disclosure(2025, "200.00", "100.00"),
                   b2026=disclosure(2026, "220.00", "110.00", prior=(prior_run, "100.00")))
    assert series_findings(report) == found
    (series,) = report.series
    assert [(p.relation, Path(p.this.files[0]).stem, Path(p.other.files[0]).stem) for p in series.pairs] == \
        [(PREVIOUS_YEAR, "b2026", "a2025")]
    for v in report.violations:
        if v.rule == "BL701":
            assert [Path(r.location.file).stem for r in v.related] == ["a2025"]


def test_last_years_outturn_is_not_last_years_budget(tmp_path, rules):
    """A `上年执行数` column is what was spent, not what last year's budget printed: not compared."""
    report = check(tmp_path, rules, a2025=disclosure(2025, "200.00", "100.00"),
                   b2026=disclosure(2026, "220.00", "110.00", prior=("210.00", "100.00"), prior_heading="上年执行数"))
    assert series_findings(report) == []


@pytest.mark.parametrize("change, found", [
    ("30.00", []),
    ("40.00", [("b2026", "BL701", "290.00万元", "300.00万元")]),  # 330 − 40 is not the 300 of 2025
])
def test_narrative_change_against_last_years_disclosure(tmp_path, rules, change, found):
    said = f"2026年一般公共预算支出330.00万元，比上年增加{change}万元。其中行政运行220.00万元，比上年增加20.00万元。"
    report = check(tmp_path, rules, a2025=disclosure(2025, "200.00", "100.00"),
                   b2026=disclosure(2026, "220.00", "110.00", said=said))
    assert series_findings(report) == found


def test_a_pair_with_no_figure_in_agreement_is_not_compared(tmp_path, rules):
    """Each finding is an exception to figures of the two that agree: with none agreeing, that the two
    are one agency's budgets of two years, read alike, is not confirmed (a reorganised agency)."""
    report = check(tmp_path, rules, a2025=disclosure(2025, "200.00", "100.00"),
                   b2026=disclosure(2026, "220.00", "110.00", prior=("500.00", "400.00")))
    assert series_findings(report) == []
    report = check(tmp_path, rules, a2025=disclosure(2025, "200.00", "100.00"),
                   b2026=disclosure(2026, "220.00", "110.00", prior=("500.00", "100.00")))
    assert [f[2:] for f in series_findings(report)] == [("600.00", "300.00")] * 3 + [("500.00", "200.00")]
    assert {v.basis for v in report.violations if v.rule == "BL701"} == {"两份公开其余 1 处对应数字相符"}


def test_a_change_of_a_part_given_as_the_reason_is_not_the_wholes(tmp_path, rules):
    """江苏 法院 2018 p17: `…总计 33172.15 万元，与上年相比…增加 4322.77 万元。主要原因是基本支出增加
    1447.63 万元`: the second change is 基本支出's, not the total's."""
    said = "2026年一般公共预算支出330.00万元，比上年增加30.00万元。主要原因是行政运行增加20.00万元。"
    report = check(tmp_path, rules, a2025=disclosure(2025, "200.00", "100.00"),
                   b2026=disclosure(2026, "220.00", "110.00", said=said))
    assert series_findings(report) == []


@pytest.mark.parametrize("unit_run, found", [
    ("150.00", []),
    ("250.00", [("unit", "BL702", "250.00", "200.00")]),  # the unit's 行政运行 exceeds the department's
])
def test_unit_within_its_department(tmp_path, rules, unit_run, found):
    report = check(tmp_path, rules, dept=disclosure(2026, "200.00", "100.00"),
                   unit=disclosure(2026, unit_run, "50.00", level="单位"))
    findings = series_findings(report)
    assert [f for f in findings if f[3] != "300.00"] == found  # (the 合计 rows differ too when it is wrong)
    (series,) = report.series
    assert [p.relation for p in series.pairs] == [DEPARTMENT_UNIT]


def test_disclosures_of_other_agencies_or_unknown_years_form_no_series(tmp_path, rules):
    other = disclosure(2025, "200.00", "100.00").replace("某某县财政局", "某某县教育局")
    report = check(tmp_path, rules, a2025=other, b2026=disclosure(2026, "220.00", "110.00", prior=("210.00", "100.00")))
    assert report.series == [] and series_findings(report) == []


def test_json_names_the_series_and_the_other_files_figure(tmp_path, rules):
    report = check(tmp_path, rules, a2025=disclosure(2025, "200.00", "100.00"),
                   b2026=disclosure(2026, "220.00", "110.00", prior=("210.00", "100.00")))
    data = json.loads(render_json(Rendering(report=report, rules=rules)))
    (series,) = data["series"]
    assert series["agency"] == "某某县财政局" and [m["year"] for m in series["members"]] == [2025, 2026]
    finding = next(v for v in data["violations"] if v["rule"] == "BL701" and v["location"]["row"] == "2010601 行政运行")
    assert finding["location"]["file"].endswith("b2026.txt")
    assert [r["file"].endswith("a2025.txt") for r in finding["related"]] == [True]


def test_the_ledger_survives_the_results_cache(tmp_path, rules):
    """A disclosure served from the results cache is still compared: its figures come back with it."""
    report = check(tmp_path, rules, a2025=disclosure(2025, "200.00", "100.00"))
    (result,) = report.files
    (back,) = outcomes_from_data(json.loads(json.dumps(outcomes_to_data([result]))))
    assert back.ledger == result.ledger and len(back.ledger) == 5


@pytest.mark.skipif(not (REAL / "jiangsu").is_dir(), reason="the real corpus (../shared/real) is not here")
def test_real_change_that_last_years_budget_does_not_bear_out(rules):
    """江苏 检察院 2018 p28: `一般公共预算财政拨款支出预算 21,940.96 万元，与上年相比增加 3,958.98 万元`
    gives 17,981.98 for 2017; the 2017 budget printed 17,981.68 (p14, 一般公共预算支出预算表 合计)."""
    report = check_paths([str(REAL / "jiangsu" / f"jianchayuan-{y}-budget.pdf") for y in (2017, 2018)], rules)
    (finding,) = [v for v in report.violations if v.rule == "BL701"]
    assert (Path(finding.file).name, finding.subject.location.page, finding.reported, finding.computed) == \
        ("jianchayuan-2018-budget.pdf", 28, "17,981.98万元", "17,981.68万元")
    assert [(Path(r.location.file).name, r.location.page, r.text) for r in finding.related] == \
        [("jianchayuan-2017-budget.pdf", 14, "17,981.68")]


@pytest.mark.skipif(not (REAL / "shanghai").is_dir(), reason="the real corpus (../shared/real) is not here")
def test_real_department_and_its_unit_agree(rules):
    """普陀 商务委 2025: the 部门 and the 单位 budgets print the same figures (one unit), so no unit
    figure exceeds the department's; the 一般公共预算支出 合计 is 371,514,655.00 元 in both (p16)."""
    files = [REAL / "shanghai" / f"putuo-shangwu-2025-{level}-budget.pdf" for level in ("dept", "unit")]
    report = check_paths([str(f) for f in files], rules)
    assert series_findings(report) == []
    (series,) = report.series
    (pair,) = series.pairs
    assert pair.relation == DEPARTMENT_UNIT and Path(pair.this.files[0]).name == files[1].name
    totals = {Path(d.files[0]).name: [p.figure.text for p in d.ledger if p.keys == (("gpb_expense", "合计", "合计"),)]
              for d in (pair.this, pair.other)}
    assert totals == {f.name: ["371,514,655.00"] for f in files}


def test_disclosures_named_as_one_series_are_compared_whatever_their_covers_say(tmp_path):
    """`--series a,b`: an agency renamed between two years (教育局 → 教育体育局) is still one agency."""
    (tmp_path / "a2025.txt").write_text(disclosure(2025, "200.00", "100.00").replace("财政局", "教育局"), encoding="utf-8")
    (tmp_path / "b2026.txt").write_text(disclosure(2026, "220.00", "110.00", prior=("210.00", "100.00"))
                                        .replace("财政局", "教育体育局"), encoding="utf-8")
    plain = run("check", "--format", "json", "--no-cache", str(tmp_path))
    named = run("check", "--format", "json", "--no-cache", "--series", f"{tmp_path / 'a2025.txt'},{tmp_path / 'b2026.txt'}")
    assert json.loads(plain.stdout)["series"] == []
    data = json.loads(named.stdout)
    (series,) = data["series"]
    assert series["why"].startswith("named as one agency's (--series)")
    assert ("BL701", "210.00", "200.00") in [(v["rule"], v["reported"], v["computed"]) for v in data["violations"]]


def test_an_agency_written_in_full_one_year_and_short_the_next_is_one_agency():
    """江苏 省委办公厅: `中国共产党江苏省委员会办公厅` on the 2017 cover, `中共江苏省委办公厅` from 2018."""
    from budgetlint.report.result import FileResult
    from budgetlint.series.forming import form_series
    from budgetlint.understand.identity import Identity

    def result(name: str, year: int, agency: str) -> FileResult:
        return FileResult(name, 1, 0, 0, 0.0, identity=Identity("budget", "department", year, agency, "江苏"))

    files = [result("2017.pdf", 2017, "中国共产党江苏省委员会办公厅"), result("2018.pdf", 2018, "中共江苏省委办公厅"),
             result("other.pdf", 2018, "江苏省人民检察院")]
    (series,) = form_series(files)
    assert [(p.this.files, p.other.files) for p in series.pairs] == [(("2018.pdf",), ("2017.pdf",))]


def test_the_checklist_says_whether_a_disclosure_was_compared(tmp_path, rules):
    from budgetlint.report.checklist import compared_note, disclosures

    report = check(tmp_path, rules, a2025=disclosure(2025, "200.00", "100.00"),
                   b2026=disclosure(2026, "220.00", "110.00", prior=("210.00", "100.00")),
                   c2026=disclosure(2026, "220.00", "110.00").replace("财政局", "审计局"))

    listed = {Path(d.paths[0]).stem: d for d in disclosures(report, rules)}
    assert {name: compared_note(d, rules) for name, d in listed.items()} == \
        {"a2025": "已与该单位的其他公开比对", "b2026": "已与该单位的其他公开比对",
         "c2026": "未比对：本次检查中没有该单位的其他公开"}
    # a finding about a table's figure is listed under that table's item, the cross-document ones too
    assert sum(v.rule == "BL701" for i in listed["b2026"].items for v in i.findings) == 4


def test_a_streamed_jsonl_report_ends_with_the_series_findings_and_resumes_without_doubling_them(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a2025.txt").write_text(disclosure(2025, "200.00", "100.00"), encoding="utf-8")
    (folder / "b2026.txt").write_text(disclosure(2026, "220.00", "110.00", prior=("210.00", "100.00")), encoding="utf-8")
    out = tmp_path / "report.jsonl"
    first = run("check", "--format", "jsonl", "--output", str(out), "--no-cache", str(folder))
    streamed = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert first.returncode == 1
    assert sum(r["type"] == "violation" and r["rule"] == "BL701" for r in streamed) == 4
    again = run("check", "--format", "jsonl", "--output", str(out), "--resume", "--no-cache", str(folder))
    resumed = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert again.returncode == 1
    assert sum(r["type"] == "violation" and r["rule"] == "BL701" for r in resumed) == 4


@pytest.mark.parametrize("name, found", [
    ("一般行政管理事务", [("b2026", "BL701", "1,200.00万元", "100.00万元")]),
    ("一般行政管理事务支出", [("b2026", "BL701", "1,200.00万元", "100.00万元")]),  # the same subject, worded longer
    ("机关服务", []),  # the code's subject was renamed: last year's figure is another subject's
])
def test_a_code_is_compared_with_last_year_only_under_its_name(tmp_path, rules, name, found):
    """江苏 检察院 2018 p26: `公诉、审判、侦查、执行等检察监督支出(项) 1,895万元，与上年相比减少 134 万元`;
    2017 printed 2040405 as `公诉和审判监督` 150.00 — a widened 项, not a wrong figure."""
    said = "2026年行政运行220.00万元，比上年增加20.00万元。一般行政管理事务1,250.00万元，比上年增加50.00万元。"
    later = disclosure(2026, "220.00", "1250.00", said=said).replace("一般行政管理事务", name)
    report = check(tmp_path, rules, a2025=disclosure(2025, "200.00", "100.00"), b2026=later)
    assert series_findings(report) == found


@pytest.mark.parametrize("name, found", [
    ("行政运行", []),
    ("行政运行支出", []),  # the same subject, worded longer
    ("机关服务", [("unit", "BL703", "机关服务", "行政运行")]),
])
def test_a_unit_names_each_code_as_its_department_does(tmp_path, rules, name, found):
    unit = disclosure(2026, "150.00", "50.00", level="单位").replace("\t行政运行\t", f"\t{name}\t")
    report = check(tmp_path, rules, dept=disclosure(2026, "200.00", "100.00"), unit=unit)
    assert [f for f in series_findings(report) if f[1] == "BL703"] == found


def test_the_workbook_summary_names_each_disclosures_series(tmp_path, rules):
    import io

    import openpyxl

    from budgetlint.report.xlsx import render as render_xlsx

    report = check(tmp_path, rules, a2025=disclosure(2025, "200.00", "100.00"),
                   b2026=disclosure(2026, "220.00", "110.00"),
                   c2026=disclosure(2026, "220.00", "110.00").replace("财政局", "审计局"))
    workbook = openpyxl.load_workbook(io.BytesIO(render_xlsx(Rendering(report=report, rules=rules))))
    # each sheet tells its disclosure apart: agency and kind, and the year where one agency's kinds repeat
    assert workbook.sheetnames == ["汇总", "某某县财政局-2025年部门预算", "某某县财政局-2026年部门预算", "某某县审计局-部门预算"]
    assert workbook["某某县财政局-2025年部门预算"]["B4"].value == "a2025.txt"  # the file's name, not a path
    rows = list(workbook.worksheets[0].iter_rows(min_row=4, values_only=True))
    column = rows[0].index("所属系列")
    assert {Path(row[4]).stem: row[column] for row in rows[1:]} == \
        {"a2025": "系列 1：某某县财政局", "b2026": "系列 1：某某县财政局", "c2026": None}
