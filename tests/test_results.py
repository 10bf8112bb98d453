"""The result cache: a disclosure checked again with nothing changed is served from its stored
results, exactly as checked; anything that could change a finding is a new key."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import replace

import pytest

from budgetlint import lint
from budgetlint.cache import DocumentCache
from budgetlint.config import resolve
from budgetlint.i18n import set_language
from budgetlint.lint import check_paths
from budgetlint.report.json import report_json
from budgetlint.results import ResultCache, cached_report, rules_fingerprint

from conftest import ROOT

SAMPLE = ROOT / "samples/pdf/taiqian-2023.pdf"


def _json(report) -> dict:
    return report_json(report, timing=False)


@pytest.fixture()
def cache(tmp_path) -> DocumentCache:
    return DocumentCache(tmp_path / "cache")


@pytest.fixture()
def rules(rules):
    """The built-in rules as a run builds them: with the fingerprint of the settings they came from."""
    return replace(rules, fingerprint=rules_fingerprint(resolve(None, {})))


def _no_check(*args, **kwargs):
    raise AssertionError("checked again")


def test_a_re_check_is_served_from_the_results_exactly_as_checked(rules, cache, monkeypatch):
    first = check_paths([str(SAMPLE)], rules, cache=cache)
    assert len(first.violations) == 23 and any(v.subject.heading for v in first.violations)
    monkeypatch.setattr(lint, "check_disclosure", _no_check)
    again = check_paths([str(SAMPLE)], rules, cache=cache)
    assert _json(again) == _json(first)
    assert again.violations == first.violations  # headings and related figures too: pictures are the same


def test_the_file_the_language_and_the_rules_are_each_part_of_the_key(rules, cache, tmp_path):
    text = tmp_path / "taiqian.txt"
    shutil.copy(ROOT / "samples/text/taiqian-2023.txt", text)
    check_paths([str(text)], rules, cache=cache)
    stored = len(list((cache.directory / "results").rglob("*.json")))
    set_language("en")
    english = check_paths([str(text)], rules, cache=cache)
    assert "23 problems" not in english.violations[0].message and "the table of contents" in english.violations[0].message
    set_language("zh")
    only = replace(rules.filtered(["BL101"], []), fingerprint=rules_fingerprint(resolve(None, {"select": ["BL101"]})))
    assert {v.rule for v in check_paths([str(text)], only, cache=cache).violations} == {"BL101"}
    text.write_text(text.read_text(encoding="utf-8").replace("584.50", "605.50"), encoding="utf-8")
    assert "584.50" not in {v.reported for v in check_paths([str(text)], rules, cache=cache).violations}
    assert len(list((cache.directory / "results").rglob("*.json"))) == stored + 3


def test_a_damaged_or_planted_entry_is_a_miss_and_is_replaced(rules, cache):
    first = check_paths([str(SAMPLE)], rules, cache=cache)
    (entry,) = (cache.directory / "results").rglob("*.json")
    for damage in (b"\x80not json", b'{"format": 1, "files": [], "outcomes": [{"path": 5}]}',
                   json.dumps({"format": 1, "files": [], "outcomes": []}).encode()):
        entry.write_bytes(damage)
        assert _json(check_paths([str(SAMPLE)], rules, cache=cache)) == _json(first)
        assert json.loads(entry.read_bytes())["outcomes"][0]["path"] == str(SAMPLE)


def test_a_file_that_cannot_be_read_is_not_stored_and_is_tried_again(rules, cache, tmp_path):
    broken = tmp_path / "broken.pdf"
    broken.write_bytes(b"%PDF-1.4 cut off")
    assert check_paths([str(broken)], rules, cache=cache).errors
    assert not list((cache.directory / "results").rglob("*.json"))


def test_the_fast_path_reports_only_when_every_disclosure_is_stored(rules, tmp_path, monkeypatch):
    monkeypatch.setenv("BUDGETLINT_CACHE_DIR", str(tmp_path / "cache"))
    folder = tmp_path / "agency"
    folder.mkdir()
    for name in ("taiqian-2023.txt", "zhangzhou-2024.txt"):
        shutil.copy(ROOT / "samples/text" / name, folder)
    settings = resolve(None, {})
    assert cached_report([str(folder)], settings, None, True, []) is None  # nothing stored yet
    check_paths([str(folder / "taiqian-2023.txt")], rules, cache=DocumentCache())
    assert cached_report([str(folder)], settings, None, True, []) is None  # one of two
    checked = check_paths([str(folder)], rules, cache=DocumentCache())
    served = cached_report([str(folder)], settings, None, True, [])
    assert served is not None and _json(served) == _json(checked)
    (folder / "budgetlint.toml").write_text('select = ["BL1"]\n', encoding="utf-8")
    assert cached_report([str(folder)], settings, None, True, []) is None  # the folder has rules of its own
    assert ResultCache(DocumentCache().directory).get("0" * 64, [str(folder / "taiqian-2023.txt")]) is None


def test_the_command_prints_the_same_report_from_the_cache(tmp_path):
    env = {**os.environ, "BUDGETLINT_CACHE_DIR": str(tmp_path / "cache"), "BUDGETLINT_LANG": "zh"}

    def check(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([sys.executable, "-m", "budgetlint", "check", "--no-timing", *args, str(SAMPLE)],
                              capture_output=True, env=env, cwd=tmp_path)

    for args in (("-f", "text"), ("-f", "json"), ("-f", "sarif")):
        first, again = check(*args), check(*args)
        assert again.returncode == first.returncode == 1 and again.stdout == first.stdout, args
    assert len(list((tmp_path / "cache" / "results").rglob("*.json"))) == 1
    assert check("--select", "NOPE").returncode == 2  # a stored result never skips the rules' validation
