"""The command line as users and CI meet it: formats, exit codes, errors, rule docs."""

from __future__ import annotations

import pytest

import json
import os
import shutil
import subprocess
import sys

from conftest import ROOT, run, sample

CONTRACT_KEYS = {"version", "tool", "files", "errors", "skipped", "violations", "series"}
VIOLATION_KEYS = {"rule", "name", "severity", "message", "file", "location", "reported", "computed",
                  "difference", "related", "basis"}
LOCATION_KEYS = {"file", "page", "line", "column", "bbox", "table", "row", "col", "text"}


def test_json_follows_the_contract_and_is_deterministic():
    first = run("check", "--format", "json", "samples/text")
    second = run("check", "--format", "json", "samples/text")
    assert first.returncode == 1 and first.stderr == ""
    data = json.loads(first.stdout)
    assert set(data) == CONTRACT_KEYS and data["version"] == 1
    assert data["tool"] == {"name": "budgetlint", "version": "0.1.0"}
    assert "奖励金" in first.stdout  # ensure_ascii=False
    assert {f["path"] for f in data["files"]} == {f"samples/text/{p.name}" for p in (ROOT / "samples/text").glob("*.txt")}
    for f in data["files"]:
        assert set(f) == {"path", "pages", "tables", "facts", "seconds", "document", "disclosure", "coverage"}
        assert set(f["coverage"]) == {"figures", "checked", "ratio", "tables", "understood"}
        assert {"kind", "level", "year", "agency", "province", "pages", "tables"} <= set(f["document"])
        assert f["disclosure"] == [f["path"]]
    taiqian = next(f for f in data["files"] if f["path"].endswith("taiqian-2023.txt"))
    assert (taiqian["document"]["kind"], taiqian["document"]["level"], taiqian["document"]["year"],
            taiqian["document"]["agency"]) == ("budget", "department", 2023, "台前县医疗保障局")
    assert {"name": "2023 年一般公共预算支出预算表", "kind": "gpb_expense", "page": None, "figures": 27, "checked": 27,
            "understood": True} in taiqian["document"]["tables"]
    # the performance table's 34 figures are indicators, not amounts: not counted
    assert taiqian["coverage"] == {"figures": 181, "checked": 179, "ratio": 0.989, "tables": 7, "understood": 7}
    for v in data["violations"]:
        assert set(v) == VIOLATION_KEYS and LOCATION_KEYS <= set(v["location"])
        for r in v["related"]:
            assert {"page", "line", "bbox", "table", "row", "col", "text"} <= set(r)
    keys = [(v["file"], v["location"]["page"] or 0, v["location"]["line"] or 0, v["rule"]) for v in data["violations"]]
    assert keys == sorted(keys)

    def without_timing(out: str) -> dict:
        d = json.loads(out)
        for f in d["files"]:
            f.pop("seconds")
        return d

    assert without_timing(first.stdout) == without_timing(second.stdout)


def test_exit_codes_clean_violations_and_select_ignore():
    assert run("check", "samples/text/xixiang-2024.txt").returncode == 1
    assert run("check", "--ignore", "BL402,BL5,BL606", "samples/text/xixiang-2024.txt").returncode == 0
    only = run("check", "--format", "json", "--select", "BL4", "samples/text/taiqian-2023.txt")
    assert {v["rule"] for v in json.loads(only.stdout)["violations"]} == {"BL401"}
    both = run("check", "--format", "json", "--select", "BL101,BL401", "samples/text/taiqian-2023.txt")
    assert {v["rule"] for v in json.loads(both.stdout)["violations"]} == {"BL101", "BL401"}


def test_text_output_shows_location_arithmetic_and_figures_used():
    out = run("check", "-f", "text", "--select", "BL101", "samples/text/taiqian-2023.txt", lang="zh").stdout
    assert "samples/text/taiqian-2023.txt" in out
    assert "317:27" in out and "BL101" in out
    assert "列示 584.50" in out and "应为 605.50" in out and "差 -21.00" in out
    assert "依据：319:49 44.00" in out


def test_bad_inputs_in_a_batch_exit_2_and_the_good_file_is_still_checked(tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_text("  \n", encoding="utf-8")
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    dangling = tmp_path / "dangling.txt"
    dangling.symlink_to(tmp_path / "gone.txt")
    missing = tmp_path / "missing.txt"
    result = run("check", "--format", "json", str(empty), str(binary), str(dangling), str(missing),
                 str(sample("taiqian-2023.txt")))
    assert result.returncode == 2
    data = json.loads(result.stdout)
    reasons = {os.path.basename(e["path"]): e["message"] for e in data["errors"]}
    assert reasons == {
        "empty.txt": "empty file",
        "binary.txt": "not a text file (binary content)",
        "dangling.txt": "a link to nothing that can be read (it loops, or what it names is gone)",
        "missing.txt": "no such file or folder",
    }
    assert any(v["rule"] == "BL101" for v in data["violations"])
    err_lines = result.stderr.strip().splitlines()
    assert len(err_lines) == 4 and all(line.startswith("budgetlint: error: ") for line in err_lines)


def test_a_malformed_rule_file_exits_2_with_file_line_and_key(tmp_path):
    pack = tmp_path / "mine.yaml"
    pack.write_text("rules:\n  - id: XY101\n    name: x\n    kind: table-total\n    tables: [nope]\n"
                    "    description: d\n", encoding="utf-8")
    result = run("check", "--rules", str(pack), "samples/text/xixiang-2024.txt")
    assert result.returncode == 2 and result.stdout == ""
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"budgetlint: error: {pack}:5:") and "key 'tables'" in line and "nope" in line


BILLION_LAUGHS = ("a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
                  "c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
                  "e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d]\nf: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
                  "g: [*f, *f, *f, *f, *f, *f, *f, *f, *f]\n")


@pytest.mark.parametrize("option", ["--rules", "--waivers"])
@pytest.mark.parametrize("text", [BILLION_LAUGHS, "waivers: &w [*w]\n"])
def test_yaml_aliases_in_a_rule_pack_or_waiver_file_are_refused_at_their_line(tmp_path, option, text):
    """A pull request can add a rule pack or a waiver file: 600 bytes of nested aliases expand to
    gigabytes, a recursive alias never ends.  Aliases are refused before anything is expanded."""
    path = tmp_path / "given.yaml"
    path.write_text(text, encoding="utf-8")
    result = run("check", option, str(path), "samples/text/xixiang-2024.txt")
    assert result.returncode == 2 and result.stdout == ""
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(f"budgetlint: error: {path}:") and "aliases" in line


@pytest.mark.parametrize("args, named", [
    (["--select", "NOPE"], "select: no rule matches 'NOPE'"),
    (["--select", "bl1"], "select: no rule matches 'bl1'"),
    (["--ignore", "BL9"], "ignore: no rule matches 'BL9'"),
])
def test_a_selector_that_names_no_rule_is_an_error_not_a_clean_pass(args, named):
    """`--select NOPE` used to run no rule, print 未发现问题 and exit 0: the verdict switched off."""
    result = run("check", *args, "samples/text/taiqian-2023.txt")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.strip() == f"budgetlint: error: command line: {named} (see `budgetlint rules`)"


@pytest.mark.parametrize("rule, file, named", [
    ("BL999", "samples/text/taiqian-2023.txt", "waiver: no rule 'BL999'"),
    ("BL101", "samples/text/nowhere.txt", "waiver: no file"),
])
def test_a_waiver_of_a_rule_or_file_that_does_not_exist_is_an_error_at_its_line(tmp_path, rule, file, named):
    waivers = tmp_path / "waivers.yaml"
    waivers.write_text(f"waivers:\n  - rule: {rule}\n    file: {ROOT / file}\n    figure: '1'\n"
                       "    reason: r\n    accepted_by: a\n", encoding="utf-8")
    result = run("check", "--waivers", str(waivers), "samples/text/taiqian-2023.txt")
    assert result.returncode == 2 and result.stdout == ""
    assert result.stderr.startswith(f"budgetlint: error: {waivers}:2: {named}")


def _bad_outputs(tmp_path):
    given = tmp_path / "disclosure.txt"
    given.write_text((ROOT / "samples/text/taiqian-2023.txt").read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "folder").mkdir()
    loop = tmp_path / "loop"
    loop.symlink_to(tmp_path / "loop")
    return given, {
        "missing folder": (["--output", str(tmp_path / "no" / "such" / "r.json")], "does not exist"),
        "a folder": (["--output", str(tmp_path / "folder")], "is a folder"),
        "the input": (["--output", str(given)], "which is being read"),
        "the waivers read": (["--waivers", str(tmp_path / "w.yaml"), "--write-waivers", str(tmp_path / "w.yaml")],
                             "which is being read"),
        "a symlink loop": (["--rules", str(loop)], "cannot be resolved"),
    }


@pytest.mark.parametrize("case", ["missing folder", "a folder", "the input", "the waivers read", "a symlink loop"])
def test_an_output_that_cannot_or_must_not_be_written_is_refused_before_any_work(tmp_path, case):
    given, cases = _bad_outputs(tmp_path)
    (tmp_path / "w.yaml").write_text("waivers: []\n", encoding="utf-8")
    before = given.read_bytes()
    args, said = cases[case]
    result = run("check", *args, str(given))
    assert result.returncode == 2 and result.stdout == ""
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("budgetlint: error: ") and said in line
    assert given.read_bytes() == before and (tmp_path / "w.yaml").read_text(encoding="utf-8") == "waivers: []\n"


def test_a_rule_pack_with_a_title_that_is_not_text_is_an_error_at_its_line(tmp_path):
    pack = tmp_path / "mine.yaml"
    pack.write_text("rules:\n  - id: XY101\n    name: x\n    kind: table-total\n    tables: {title: 5}\n"
                    "    description: d\n", encoding="utf-8")
    result = run("check", "--rules", str(pack), "samples/text/xixiang-2024.txt")
    assert result.returncode == 2
    assert result.stderr.strip() == f"budgetlint: error: {pack}:5: rule XY101: key 'tables': title must be a pattern (text)"


def test_an_extra_rule_pack_adds_rules(tmp_path):
    pack = tmp_path / "mine.yaml"
    pack.write_text(
        "rules:\n"
        "  - id: XY101\n"
        "    name: gpb-total-is-basic\n"
        "    kind: column-identity\n"
        "    tables: gpb_expense\n"
        "    relation: '合计 = 基本支出'\n"
        "    description: 一个只为测试而写的错误恒等式。\n",
        encoding="utf-8",
    )
    result = run("check", "--format", "json", "--rules", str(pack), "--select", "XY", "samples/text/zhangzhou-2024.txt")
    rules = {v["rule"] for v in json.loads(result.stdout)["violations"]}
    assert result.returncode == 1 and rules == {"XY101"}


def test_usage_error_exits_2():
    assert run("check").returncode == 2
    assert run("check", "--format", "xml", "samples").returncode == 2


def test_rules_and_explain():
    listing = run("rules").stdout
    for rule_id in ("BL101", "BL103", "BL201", "BL401", "BL402"):
        assert rule_id in listing
    text = run("explain", "BL101").stdout
    assert "total-row" in text and "table-total" in text and "合计" in text and "rules/tables.yaml" in text
    assert run("explain", "code-name").returncode == 0
    missing = run("explain", "BL999")
    assert missing.returncode == 2 and "no rule 'BL999'" in missing.stderr


def test_extract_shows_tables_units_columns_and_facts():
    out = run("extract", "samples/text/taiqian-2023.txt", lang="zh").stdout
    assert "2023 年部门收入预算表" in out and "单位：万元" in out
    assert "本年收入/一般公共预算/小计" in out
    assert "[24699350, 24699450]" in out  # 2,469.94 万元 as an interval in 元
    assert run("extract", "samples/text/none.txt").returncode == 2


def test_the_readme_s_own_rule_example_fires(tmp_path):
    """The README shows how to add a rule; the example must do something (it once repeated BL112)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    example = readme.split("A rule of your own", 1)[1].split("```yaml\n", 1)[1].split("```", 1)[0]
    pack = tmp_path / "province.yaml"
    pack.write_text(example, encoding="utf-8")
    result = run("check", "--rules", str(pack), "--select", "XY", "samples/text/taiqian-2023.txt", lang="zh")
    assert result.returncode == 1 and "XY501" in result.stdout and "缺少国有资本经营预算支出表" in result.stdout


def test_short_options_and_exit_zero():
    assert run("-V").stdout.strip().startswith("budgetlint ")
    shown = run("check", "-h").stdout
    assert "Usage: budgetlint check" in shown and "[default: text on a terminal," in shown  # not eaten as markup
    assert run("check", "--exit-zero", "samples/text/taiqian-2023.txt").returncode == 0  # 23 findings
    assert run("check", "--exit-zero", "samples/text/no-such-file.txt").returncode == 2


@pytest.mark.parametrize("no_color, coloured", [("", True), ("1", False)])
def test_no_color_turns_colour_off_on_a_terminal(no_color, coloured):
    """https://no-color.org: on a terminal the report is coloured unless NO_COLOR is set."""
    import pty

    leader, follower = pty.openpty()
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": no_color}
    # read while it writes: a report larger than the terminal's buffer would block it (and the test) forever
    process = subprocess.Popen([sys.executable, "-m", "budgetlint", "check", "--no-cache",
                                "samples/text/taiqian-2023.txt"], stdout=follower, stderr=subprocess.DEVNULL,
                               cwd=ROOT, env=env)
    os.close(follower)
    out = b""
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
    os.close(leader)
    process.wait(timeout=60)
    assert b"BL101" in out and (b"\x1b[" in out) == coloured


def test_files_a_folder_holds_that_are_not_checked_are_named_and_never_pass_as_clean(tmp_path):
    """A folder with a README, a .csv and an unreadable PDF: all three named; budgetlint's own files
    (settings, waivers) are not; the summary does not say 未发现问题."""
    shutil.copy(ROOT / "samples/text/xixiang-2024.txt", tmp_path / "xixiang.txt")
    (tmp_path / "README.md").write_text("说明\n", encoding="utf-8")
    (tmp_path / "figures.csv").write_text("a,b\n", encoding="utf-8")
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 cut off")
    (tmp_path / "budgetlint.toml").write_text('select = ["BL401"]\n', encoding="utf-8")
    (tmp_path / "waivers.yaml").write_text("waivers: []\n", encoding="utf-8")
    text = run("check", "-f", "text", str(tmp_path), lang="zh")
    said = text.stdout + text.stderr
    assert text.returncode == 2 and "未发现问题" not in said and "所检查的文件中发现 0 处问题" in text.stdout
    assert "broken.pdf" in text.stderr and "2 个文件未检查（不读的类型：.csv 1 个、.md 1 个" in text.stdout
    assert "README.md" in text.stdout and "figures.csv" in text.stdout
    assert "budgetlint.toml" not in said and "waivers.yaml" not in said
    data = json.loads(run("check", "--format", "json", str(tmp_path)).stdout)
    assert data["skipped"] == [str(tmp_path / "README.md"), str(tmp_path / "figures.csv")]


def test_a_file_with_no_table_and_no_figure_is_a_finding_not_a_clean_pass(tmp_path):
    prose = tmp_path / "notice.txt"
    prose.write_text("关于报送材料的通知\n请各单位按时报送。\n", encoding="utf-8")
    result = run("check", "--format", "json", str(prose))
    assert result.returncode == 1
    assert [(v["rule"], v["location"]["line"]) for v in json.loads(result.stdout)["violations"]] == [("BL004", 1)]
    samples = json.loads(run("check", "--format", "json", "samples/text").stdout)
    assert not [v for v in samples["violations"] if v["rule"] == "BL004"]


def test_a_batch_ends_with_a_row_per_disclosure_findings_by_severity_and_verdict():
    done = run("check", "-f", "text", "samples/text/taiqian-2023.txt", "samples/text/zhangzhou-2024.txt", "tests/data/empty.pdf",
               lang="zh")
    rows = {line.split()[0]: line.split()[1:] for line in done.stdout.splitlines()
            if line.startswith(("samples/", "tests/")) and any(v in line for v in ("通过", "需复核", "无法检查"))}
    # the last column: the share of the tables' figures in a relation that holds (179 of 181)
    assert rows["samples/text/taiqian-2023.txt"] == ["台前县医疗保障局", "2023年部门预算", "23", "0", "0", "未通过", "99%"]
    assert rows["samples/text/zhangzhou-2024.txt"][-5:-1] == ["0", "2", "0", "需复核"]  # BL204, BL605 `用于用于`
    assert rows["tests/data/empty.pdf"] == ["无法检查"]
    one = run("check", "-f", "text", "samples/text/taiqian-2023.txt", lang="zh").stdout
    assert "结论" not in one  # one file: its findings and the summary say it all


def test_on_a_terminal_places_are_links_that_open_the_pdf_at_its_page():
    coloured = run("check", "-f", "text", "--color", "always", "--select", "BL401", "samples/pdf/taiqian-2023.pdf").stdout
    uri = (ROOT / "samples/pdf/taiqian-2023.pdf").as_uri()
    assert "\x1b]8;id=" in coloured and f";{uri}#page=15\x1b\\" in coloured  # OSC-8, as terminals read it
    plain = run("check", "-f", "text", "--select", "BL401", "samples/pdf/taiqian-2023.pdf").stdout
    assert "\x1b]8;" not in plain


def test_off_a_terminal_the_default_report_is_one_clickable_line_a_finding(tmp_path):
    """A pipe, a file or a CI log gets `path:line:col: BL…` lines; a format named on the command
    line or in a settings file, or an option only the text report has, still decides."""
    *piped, count = run("check", "samples/text/taiqian-2023.txt", lang="zh").stdout.splitlines()
    assert len(piped) == 23 and all(line.startswith("samples/text/taiqian-2023.txt:") for line in piped)
    assert count.startswith("发现 23 处问题")
    assert piped[0] == "samples/text/taiqian-2023.txt:27:3: BL503 [错误] 目录列有「七、2023 年支出经济分类汇总表」，正文未见此表"
    assert "发现 23 处问题" in run("check", "-f", "text", "samples/text/taiqian-2023.txt", lang="zh").stdout
    statistics = run("check", "--statistics", "samples/text/taiqian-2023.txt").stdout.splitlines()
    assert statistics[0].split() == ["4", "BL210", "error", "summary-class-vs-expense"]
    folder = tmp_path / "agency"
    folder.mkdir()
    shutil.copy(ROOT / "samples/text/zhangzhou-2024.txt", folder)
    (folder / "budgetlint.toml").write_text('format = "json"\n', encoding="utf-8")
    assert len(json.loads(run("check", str(folder)).stdout)["violations"]) == 2
    target = tmp_path / "report.txt"
    run("check", "-o", str(target), "samples/text/zhangzhou-2024.txt")
    assert target.read_text(encoding="utf-8").startswith("samples/text/zhangzhou-2024.txt:")


@pytest.mark.parametrize("fmt", ["text", "concise", "github", "csv"])
def test_a_terminal_escape_in_a_file_name_never_reaches_the_terminal(tmp_path, fmt):
    """`\x1b[2J` in a submitted file's name would clear the auditor's screen (or rewrite a CI log)."""
    shutil.copy(sample("taiqian-2023.txt"), tmp_path / "a\x1b[2Jb.txt")
    (tmp_path / "c\x1b[31m.pdf").write_bytes(b"not a pdf")
    done = run("check", str(tmp_path), "--format", fmt)
    assert done.returncode == 2 and "a [2Jb.txt" in done.stdout and "c [31m.pdf" in done.stderr + done.stdout
    assert "\x1b" not in done.stdout + done.stderr


def test_a_link_that_loops_is_an_input_error_and_the_rest_is_checked(tmp_path):
    """Named on the command line (first or later) or met in a folder: the other files are still checked."""
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    folder = tmp_path / "agency"
    folder.mkdir()
    shutil.copy(ROOT / "samples/text/taiqian-2023.txt", folder / "taiqian.txt")
    (folder / "gone.pdf").symlink_to(tmp_path / "deleted.pdf")
    for args in ((str(tmp_path / "loop"), str(folder)), (str(folder), str(tmp_path / "loop"))):
        done = run("check", "--format", "json", *args)
        data = json.loads(done.stdout)
        assert done.returncode == 2 and "Traceback" not in done.stderr
        assert [f["path"] for f in data["files"]] == [str(folder / "taiqian.txt")]
        assert sorted(e["path"] for e in data["errors"]) == sorted([str(tmp_path / "loop"), str(folder / "gone.pdf")])


def test_a_subfolder_that_cannot_be_read_is_named_and_the_folder_never_passes_as_clean(tmp_path, monkeypatch):
    """As root a chmod cannot lock a folder, so the refusal is made by os.scandir itself."""
    from budgetlint.discovery import discover

    shutil.copy(ROOT / "samples/text/taiqian-2023.txt", tmp_path / "taiqian.txt")
    locked = tmp_path / "locked"
    locked.mkdir()
    shutil.copy(ROOT / "samples/text/xixiang-2024.txt", locked / "xixiang.txt")
    scandir = os.scandir

    def refusing(path="."):
        if os.fspath(path) == str(locked):
            raise PermissionError(13, "Permission denied", str(locked))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)
    files, errors, _ = discover([str(tmp_path)])
    assert files == [tmp_path / "taiqian.txt"]
    assert [(e.path, e.message) for e in errors] == [
        (str(locked), "文件夹无法读取（Permission denied），其中的文件未检查")]


def test_group_alone_names_the_files_to_check():
    """`--group a,b` is a command of its own: the files it names are checked, as one disclosure."""
    alone = run("check", "--format", "json", "--no-timing", "--group",
                "samples/text/taiqian-2023.txt,samples/text/xixiang-2024.txt")
    named = run("check", "--format", "json", "--no-timing", "--group",
                "samples/text/taiqian-2023.txt,samples/text/xixiang-2024.txt",
                "samples/text/taiqian-2023.txt", "samples/text/xixiang-2024.txt")
    assert alone.returncode == 1 and alone.stdout == named.stdout
    nothing = run("check")
    assert nothing.returncode == 2 and "give the files or folders to check" in nothing.stderr


@pytest.mark.parametrize("fmt", ["json", "concise"])
def test_statistics_with_a_format_that_has_none_is_an_error_not_ignored(fmt):
    done = run("check", "--statistics", "--format", fmt, "samples/text/taiqian-2023.txt")
    assert done.returncode == 2 and f"does not go with --format {fmt}" in done.stderr and not done.stdout


def test_english_counts_are_singular_for_one():
    done = run("check", "-f", "text", "--no-timing", "--select", "BL605", "samples/text/zhangzhou-2024.txt")
    assert "1 problem found (error 1), 1 file checked" in done.stdout or "1 problem found (warning 1), 1 file checked" in done.stdout
    one = run("check", "-f", "text", "--no-timing", "samples/text/caizheng-2024-final-corrected.txt")
    assert "no problems found, 1 file checked" in one.stdout


@pytest.mark.parametrize("name, checked", [
    ("disclosures/2025年部门预算.pdf", True), ("x/report.DOCX", True), ("tables.xlsx", True), ("old.xls", True),
    ("samples/text/caizheng-2024-final.txt", True), ("某局2024年决算公开.txt", True),
    ("notes.txt", False), ("docs/readme.md", False), ("预算/notes.txt", False),
])
def test_the_pre_commit_hook_takes_disclosures_and_leaves_other_files(name, checked):
    """pre-commit passes a hook the files its `files` pattern (a Python regex) finds in the path: Word and
    Excel disclosures too, and a text file only when its name says it is a disclosure."""
    import re

    import yaml

    (hook,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert bool(re.search(hook["files"], name)) is checked
