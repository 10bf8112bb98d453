"""Waivers: a baseline round trip, a changed figure is a new finding, a fixed one leaves a stale waiver."""

from __future__ import annotations

import json
import shutil

import pytest

from budgetlint.engine.yamlsource import RuleError
from budgetlint.waivers import load_waivers

from conftest import ROOT
from test_cli import run

SAMPLE = ROOT / "samples/text/taiqian-2023.txt"


def _findings(result) -> list[dict]:
    return json.loads(result.stdout)["violations"]


def test_baseline_round_trip(tmp_path):
    doc = tmp_path / "taiqian.txt"
    shutil.copy(SAMPLE, doc)
    waivers = tmp_path / "waivers.yaml"
    written = run("check", "--select", "BL1,BL3,BL4", "--write-waivers", str(waivers), str(doc), cwd=tmp_path)
    assert written.returncode == 0 and waivers.exists()
    baseline = _findings(run("check", "--format", "json", "--select", "BL1,BL3,BL4", str(doc), cwd=tmp_path))
    assert len(load_waivers(waivers)) == len(baseline) > 10

    # re-run with the baseline: clean, and every waived finding still visible on request
    clean = run("check", "--format", "json", "--select", "BL1,BL3,BL4", "--waivers", str(waivers), "--show-waived",
                str(doc), cwd=tmp_path)
    assert clean.returncode == 0 and _findings(clean) == []
    assert len(json.loads(clean.stdout)["waived"]) == len(baseline)

    # a changed figure at a waived place is a new finding (and its old waiver goes stale)
    text = doc.read_text(encoding="utf-8")
    doc.write_text(text.replace("| 合计 | 2,444.50 | 584.50 |", "| 合计 | 2,444.50 | 580.50 |"), encoding="utf-8")
    changed = run("check", "--format", "json", "--select", "BL0,BL1,BL2,BL3,BL4", "--waivers", str(waivers),
                  str(doc), cwd=tmp_path)
    found = {(v["rule"], v["reported"]) for v in _findings(changed)}
    assert ("BL101", "580.50") in found and ("BL002", "584.50") in found
    assert changed.returncode == 1

    # the waived problem removed (the duplicated row fixed): its waiver is reported as stale, at its line
    doc.write_text(text.replace("| 221 | 2 | 1 | | 住房公积金 | 49.00 | 49.00 |", "| 210 | 11 | 02 | | 事业单位医疗 | 28.00 | 28.00 |"),
                   encoding="utf-8")
    fixed = run("check", "--format", "json", "--select", "BL4", "--select", "BL002", "--waivers", str(waivers),
                str(doc), cwd=tmp_path)
    stale = [v for v in _findings(fixed) if v["rule"] == "BL002"]
    assert [v["reported"] for v in stale] == ["2210201 住房公积金"]
    assert stale[0]["file"] == "waivers.yaml" and stale[0]["location"]["line"] > 3  # as the user would name it


def test_waiver_file_errors_are_located(tmp_path):
    bad = tmp_path / "w.yaml"
    bad.write_text("waivers:\n  - rule: BL101\n    file: x.txt\n    figure: '1'\n    reason: r\n", encoding="utf-8")
    with pytest.raises(RuleError, match="accepted_by"):
        load_waivers(bad)
    result = run("check", "--waivers", str(bad), "samples/text/xixiang-2024.txt")
    assert result.returncode == 2 and "w.yaml:2" in result.stderr


WAIVER = "waivers:\n  - rule: BL101\n    file: {file}\n    figure: '1'\n    reason: r\n    accepted_by: me\n"


@pytest.mark.parametrize("extra, line, said", [
    ("    table: [a, b]\n", 7, "'table' must be text"),
    ("    page: {x: 1}\n", 7, "'page' must be a number from 1"),
    ("    line: true\n", 7, "'line' must be a number from 1"),
    ("    page: 0\n", 7, "'page' must be a number from 1"),
])
def test_a_waiver_field_of_the_wrong_type_is_an_error_at_its_line(tmp_path, extra, line, said):
    bad = tmp_path / "w.yaml"
    bad.write_text(WAIVER.format(file="x.txt") + extra, encoding="utf-8")
    with pytest.raises(RuleError, match=said) as info:
        load_waivers(bad)
    assert info.value.line == line


def test_a_waiver_whose_file_is_a_link_that_loops_is_an_error_at_its_line(tmp_path):
    (tmp_path / "loop").symlink_to(tmp_path / "loop")
    bad = tmp_path / "w.yaml"
    bad.write_text(WAIVER.format(file="loop/x.txt"), encoding="utf-8")
    with pytest.raises(RuleError, match="cannot be resolved") as info:
        load_waivers(bad)
    assert info.value.line == 3


def test_a_baseline_is_never_written_over_reasons_people_wrote(tmp_path):
    doc = tmp_path / "taiqian.txt"
    shutil.copy(SAMPLE, doc)
    waivers = tmp_path / "waivers.yaml"
    args = ("check", "--select", "BL1", "--write-waivers", str(waivers), str(doc))
    assert run(*args, cwd=tmp_path, lang="zh").returncode == 0
    assert run(*args, cwd=tmp_path).returncode == 0  # a baseline is regenerated over a baseline, in either language
    assert "reason: 'baseline: " in waivers.read_text(encoding="utf-8")
    assert run(*args, cwd=tmp_path, lang="zh").returncode == 0
    reviewed = waivers.read_text(encoding="utf-8").replace("reason: 基线：", "reason: 经核实为印刷错误，已通知单位更正；", 1)
    waivers.write_text(reviewed, encoding="utf-8")
    refused = run(*args, cwd=tmp_path)
    assert refused.returncode == 2 and "carry reasons people wrote" in refused.stderr
    assert waivers.read_text(encoding="utf-8") == reviewed
    other = tmp_path / "notes.yaml"
    other.write_text("todo: [call the agency]\n", encoding="utf-8")
    not_waivers = run("check", "--select", "BL1", "--write-waivers", str(other), str(doc), cwd=tmp_path)
    assert not_waivers.returncode == 2 and "is not a waiver file" in not_waivers.stderr


def test_a_baseline_is_not_written_while_a_file_cannot_be_checked(tmp_path):
    """Its waivers would vanish from the new baseline, and come back as findings once it reads again."""
    doc = tmp_path / "taiqian.txt"
    shutil.copy(SAMPLE, doc)
    (tmp_path / "broken.pdf").write_bytes(b"%PDF-1.4 cut off")
    waivers = tmp_path / "waivers.yaml"
    result = run("check", "--write-waivers", str(waivers), str(doc), str(tmp_path / "broken.pdf"), cwd=tmp_path)
    assert result.returncode == 2 and "not written, 1 file(s) could not be checked" in result.stderr
    assert not waivers.exists()
