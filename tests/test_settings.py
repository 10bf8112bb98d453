"""Settings files, command-line precedence, --show-config, --fail-on, --output, --statistics, jobs."""

from __future__ import annotations

import json
import shutil

import pytest

from budgetlint.workers import usable_processors
from conftest import ROOT
from test_cli import run


def _project(tmp_path, settings: str, name: str = "pyproject.toml"):
    folder = tmp_path / "disclosures"
    folder.mkdir()
    shutil.copy(ROOT / "samples/text/taiqian-2023.txt", folder / "taiqian.txt")
    (tmp_path / name).write_text(settings, encoding="utf-8")
    return folder


def test_settings_file_found_upward_and_overridden_by_flags(tmp_path):
    folder = _project(tmp_path, '[tool.budgetlint]\nselect = ["BL401"]\njobs = 1\nfail-on = "error"\n')
    from_file = run("check", "--format", "json", str(folder), cwd=tmp_path)
    assert {v["rule"] for v in json.loads(from_file.stdout)["violations"]} == {"BL401"}
    overridden = run("check", "--format", "json", "--select", "BL101", str(folder), cwd=tmp_path)
    assert {v["rule"] for v in json.loads(overridden.stdout)["violations"]} == {"BL101"}


def test_show_config_names_where_each_setting_comes_from(tmp_path):
    folder = _project(tmp_path, 'select = ["BL4"]\n[severity]\nBL401 = "warning"\n', name="budgetlint.toml")
    shown = run("check", "--show-config", "--jobs", "1", str(folder), cwd=tmp_path).stdout
    settings = tmp_path / "budgetlint.toml"
    lines = {line.split()[0]: line for line in shown.splitlines() if line.strip()}
    assert "BL4" in lines["select"] and str(settings.resolve()) in lines["select"]
    assert "BL401=warning" in lines["severity"] and str(settings.resolve()) in lines["severity"]
    assert "1" in lines["jobs"] and "command line" in lines["jobs"]
    assert "default" in lines["format"]


def test_severity_override_and_fail_on(tmp_path):
    folder = _project(tmp_path, '[tool.budgetlint]\nselect = ["BL401"]\nseverity = { BL401 = "warning" }\n')
    data = json.loads(run("check", "--format", "json", str(folder), cwd=tmp_path).stdout)
    assert [v["severity"] for v in data["violations"]] == ["warning"]
    assert run("check", "--fail-on", "error", str(folder), cwd=tmp_path).returncode == 0
    assert run("check", "--fail-on", "warning", str(folder), cwd=tmp_path).returncode == 1


def test_a_bad_settings_file_exits_2_naming_file_and_key(tmp_path):
    folder = _project(tmp_path, '[tool.budgetlint]\nfail-on = "fatal"\n')
    result = run("check", str(folder), cwd=tmp_path)
    assert result.returncode == 2 and "pyproject.toml" in result.stderr and "'fail-on'" in result.stderr
    folder2 = tmp_path / "other"
    folder2.mkdir()
    (folder2 / "budgetlint.toml").write_text("colour = 1\n", encoding="utf-8")
    assert "unknown key 'colour'" in run("check", str(folder2), cwd=tmp_path).stderr


def test_output_file_and_statistics(tmp_path):
    out = tmp_path / "report.json"
    result = run("check", "--format", "json", "--output", str(out), "samples/text/taiqian-2023.txt")
    assert result.stdout == "" and json.loads(out.read_text(encoding="utf-8"))["violations"]
    stats = run("check", "--statistics", "--select", "BL1,BL4", "samples/text/taiqian-2023.txt").stdout
    assert stats.splitlines()[0].split() == ["3", "BL101", "error", "total-row"]
    assert "BL401" in stats and "317:27" not in stats


def test_any_job_count_gives_byte_identical_json():
    one = run("check", "--format", "json", "--no-timing", "--no-cache", "--jobs", "1", "samples")
    two = run("check", "--format", "json", "--no-timing", "--no-cache", "--jobs", str(usable_processors()), "samples")
    samples = [p for p in (ROOT / "samples").rglob("*") if p.suffix in (".txt", ".pdf", ".docx", ".xlsx", ".xls")]
    assert one.stdout == two.stdout and len(json.loads(one.stdout)["files"]) == len(samples) >= 20


def test_no_progress_bar_in_ci_logs_or_machine_formats():
    result = run("check", "--format", "json", "samples/text")
    assert "检查" not in result.stderr


@pytest.mark.parametrize("where", ["file", "command line"])
def test_more_processes_than_the_machine_has_is_an_error(tmp_path, where):
    """`jobs = 10000` in a settings file a pull request adds would start ten thousand processes."""
    too_many = usable_processors() + 1
    folder = _project(tmp_path, f"[tool.budgetlint]\njobs = {too_many if where == 'file' else 1}\n")
    args = ["--jobs", str(too_many)] if where == "command line" else []
    result = run("check", *args, str(folder), cwd=tmp_path)
    assert result.returncode == 2 and result.stdout == ""
    assert f"must be at most {too_many - 1}, the processors of this machine" in result.stderr


@pytest.mark.parametrize("content, rc, said", [
    ("tool = 5\n", 1, ""),  # another tool's business: ignored, the check runs
    ("[tool]\nbudgetlint = 5\n", 2, "[tool.budgetlint] must be a table of settings"),
    ("tool = " + "9" * 5000 + "\n", 2, "invalid TOML: a number of thousands of digits"),  # past Python's int limit
])
def test_a_pyproject_whose_tool_table_is_not_a_table_is_never_a_traceback(tmp_path, content, rc, said):
    folder = _project(tmp_path, content)
    result = run("check", str(folder), cwd=tmp_path)
    assert result.returncode == rc and "Traceback" not in result.stderr
    assert said in result.stderr


def _two_folders(tmp_path):
    """a/ selects BL101 only; b/ has no settings of its own: every rule."""
    for name in ("a/sub", "b"):
        (tmp_path / name).mkdir(parents=True)
        shutil.copy(ROOT / "samples/text/taiqian-2023.txt", tmp_path / name / "taiqian.txt")
    (tmp_path / "a" / "budgetlint.toml").write_text('select = ["BL101"]\n', encoding="utf-8")


def _rules_by_file(result) -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for v in json.loads(result.stdout)["violations"]:
        found.setdefault(v["file"], set()).add(v["rule"])
    return found


def test_each_file_is_checked_with_its_own_folders_settings_whatever_the_order(tmp_path):
    _two_folders(tmp_path)
    first = run("check", "--format", "json", "--no-timing", "b", "a/sub", cwd=tmp_path)
    second = run("check", "--format", "json", "--no-timing", "a/sub", "b", cwd=tmp_path)
    by_file = _rules_by_file(first)
    assert by_file == _rules_by_file(second)
    assert by_file["a/sub/taiqian.txt"] == {"BL101"}
    assert {"BL101", "BL311", "BL321"} <= by_file["b/taiqian.txt"]


def test_config_names_one_settings_file_for_all_and_isolated_uses_none(tmp_path):
    _two_folders(tmp_path)
    named = _rules_by_file(run("check", "--format", "json", "--config", "a/budgetlint.toml", "a/sub", "b",
                               cwd=tmp_path))
    assert named == {"a/sub/taiqian.txt": {"BL101"}, "b/taiqian.txt": {"BL101"}}
    isolated = _rules_by_file(run("check", "--format", "json", "--isolated", "a/sub", cwd=tmp_path))
    assert "BL311" in isolated["a/sub/taiqian.txt"]
    both = run("check", "--isolated", "--config", "a/budgetlint.toml", "b", cwd=tmp_path)
    assert both.returncode == 2 and "exclude each other" in both.stderr


def test_a_bad_settings_file_in_any_checked_folder_is_an_error(tmp_path):
    _two_folders(tmp_path)
    (tmp_path / "b" / "budgetlint.toml").write_text('select = ["NOPE"]\n', encoding="utf-8")
    result = run("check", "a/sub", "b", cwd=tmp_path)
    assert result.returncode == 2 and "select: no rule matches 'NOPE'" in result.stderr and result.stdout == ""


def test_quiet_prints_the_findings_without_the_summary_and_color_always_colours(tmp_path):
    plain = run("check", "-f", "text", "samples/text/taiqian-2023.txt").stdout
    quiet = run("check", "-f", "text", "-q", "samples/text/taiqian-2023.txt").stdout
    assert "23 problems found" in plain and "found" not in quiet.splitlines()[-1] and "BL311" in quiet
    assert "\x1b[" not in plain and "\x1b[" in run("check", "--color", "always", "samples/text/taiqian-2023.txt").stdout
