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
    record and its findings, appended file by file."""
    stream = []
    for record in (r for r in full if r["type"] == "file"):
        found = [r for r in full if r["type"] == "violation" and r["file"] == record["path"]]
        stream += [record] + found
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
    carried = stream[-1]
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
