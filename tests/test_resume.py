"""A long batch in jsonl: followed as it goes, and resumed after a stop without checking again what was done."""

from __future__ import annotations

import pytest

import json
import subprocess
import sys

from conftest import ROOT

BATCH = "samples/text"


def _check(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "budgetlint", "check", "--no-timing", "--no-cache", *args],
                          cwd=ROOT, capture_output=True, text=True)


def _stopped_early(full: list[dict]) -> list[dict]:
    """What the stream holds when a batch stops after its first file with findings: each file's
    findings and then its record, appended file by file."""
    stream = []
    for record in (r for r in full if r["type"] == "file"):
        found = [r for r in full if r["type"] == "violation" and r["file"] == record["path"]]
        stream += found + [record]
        if found:
            return stream
    raise AssertionError("no file has findings")


def test_a_stopped_batch_resumes_to_the_report_of_one_whole_run(tmp_path):
    out = tmp_path / "run.jsonl"
    assert _check(BATCH, "--format", "jsonl", "-o", str(out)).returncode == 1
    whole = out.read_text(encoding="utf-8")
    records = [json.loads(line) for line in whole.splitlines()]
    assert len([r for r in records if r["type"] == "file"]) == 7
    stream = _stopped_early(records)
    assert len([r for r in stream if r["type"] == "file"]) < 7
    carried = stream[-2]  # the last finding of the last file recorded
    printed = carried["message"]
    carried["message"] = "记录于上一次运行"  # a finding only the stream has: its file must not be checked again
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in stream) + '{"type": "fi', encoding="utf-8")
    done = _check(BATCH, "--format", "jsonl", "-o", str(out), "--resume")
    assert done.returncode == 1, done.stderr
    resumed = out.read_text(encoding="utf-8")
    assert "记录于上一次运行" in resumed
    assert resumed.replace("记录于上一次运行", printed) == whole


def test_resume_needs_a_jsonl_report_file(tmp_path):
    done = _check(BATCH, "--resume")
    assert done.returncode == 2 and "--format jsonl --output" in done.stderr


@pytest.mark.parametrize("line", ['{"type": "file", "path": 5}', "[" * 100_000 + "]" * 100_000])
def test_a_line_that_is_no_record_stops_the_resume_with_its_place(tmp_path, line):
    """A record of the wrong shape, or JSON nested 100,000 deep (which Python cannot parse)."""
    out = tmp_path / "run.jsonl"
    out.write_text(line + "\n", encoding="utf-8")
    done = _check(BATCH, "--format", "jsonl", "-o", str(out), "--resume")
    assert done.returncode == 2 and f"{out}:1: not a budgetlint jsonl record" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_file_cut_off_halfway_through_its_findings_is_checked_again(tmp_path):
    """A stop after 5 of a file's 23 findings: none of them may be lost."""
    out = tmp_path / "run.jsonl"
    assert _check(BATCH, "--format", "jsonl", "-o", str(out)).returncode == 1
    whole = out.read_text(encoding="utf-8")
    stream = _stopped_early([json.loads(line) for line in whole.splitlines()])
    cut = stream[:-1][:5]  # five findings, and not the file's record that follows them
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in stream[:-len(stream)] + cut),
                   encoding="utf-8")
    assert _check(BATCH, "--format", "jsonl", "-o", str(out), "--resume").returncode == 1
    assert out.read_text(encoding="utf-8") == whole


def test_a_file_changed_since_it_was_recorded_is_checked_again(tmp_path):
    doc = tmp_path / "taiqian.txt"
    doc.write_text((ROOT / BATCH / "taiqian-2023.txt").read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "run.jsonl"
    assert _check(str(doc), "--format", "jsonl", "-o", str(out)).returncode == 1
    assert '"reported": "584.50"' in out.read_text(encoding="utf-8")
    doc.write_text(doc.read_text(encoding="utf-8").replace("584.50", "605.50"), encoding="utf-8")
    assert _check(str(doc), "--format", "jsonl", "-o", str(out), "--resume").returncode == 1
    assert '"reported": "584.50"' not in out.read_text(encoding="utf-8")


def test_the_stream_writes_a_files_findings_before_its_record(tmp_path, rules):
    """So that a stop between them leaves the file unrecorded, never recorded with part of its findings."""
    from budgetlint.lint import check_file
    from budgetlint.resume import JsonlStream

    result = check_file(ROOT / BATCH / "taiqian-2023.txt", rules)
    out = tmp_path / "run.jsonl"
    stream = JsonlStream(out, resume=False)
    stream.write([result])
    stream.close()
    kinds = [json.loads(line)["type"] for line in out.read_text(encoding="utf-8").splitlines()]
    assert kinds == ["violation"] * len(result.violations) + ["file"] and len(result.violations) == 23
