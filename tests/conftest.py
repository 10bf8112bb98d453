"""Shared fixtures: the real samples, the built-in rules, and a way to lint text in a test."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from budgetlint.checks.breakdown import Breakdown
from budgetlint.checks.narrative_table import NarrativeVsTable
from budgetlint.checks.share import readings
from budgetlint.engine.pack import RuleSet, load_rules
from budgetlint.lint import check_file
from budgetlint.load import load_document
from budgetlint.report.result import FileResult
from budgetlint.understand.reading import understand
from budgetlint.understand.model import DocumentFacts
from budgetlint.understand.statements import Printed

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
TEXT_SAMPLES = SAMPLES / "text"


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory):
    """The tests (and the commands they run) use a cache of their own, never the user's."""
    import os

    previous = os.environ.get("BUDGETLINT_CACHE_DIR")
    os.environ["BUDGETLINT_CACHE_DIR"] = str(tmp_path_factory.mktemp("cache"))
    yield
    if previous is None:
        del os.environ["BUDGETLINT_CACHE_DIR"]
    else:
        os.environ["BUDGETLINT_CACHE_DIR"] = previous


@pytest.fixture(scope="session", autouse=True)
def chinese_reports():
    """The commands the tests run write Chinese (the default), whatever the machine's locale says."""
    import os

    previous = os.environ.get("BUDGETLINT_LANG")
    os.environ["BUDGETLINT_LANG"] = "zh"
    yield
    if previous is None:
        del os.environ["BUDGETLINT_LANG"]
    else:
        os.environ["BUDGETLINT_LANG"] = previous


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in the default language (Chinese), whatever one before it chose."""
    from budgetlint.i18n import set_language

    set_language("zh")
    yield
    set_language("zh")


@pytest.fixture(scope="session")
def rules() -> RuleSet:
    return load_rules()


def sample(name: str) -> Path:
    return TEXT_SAMPLES / name


def facts_of(path: Path) -> DocumentFacts:
    return understand(load_document(path))


def lint(path: Path, rules: RuleSet) -> FileResult:
    return check_file(path, rules)


def lint_text(tmp_path: Path, text: str, rules: RuleSet, name: str = "doc.txt") -> FileResult:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return check_file(path, rules)


def checked_narrative_figures(doc: DocumentFacts, rules: RuleSet) -> list[tuple[str, Printed]]:
    """The narrative figures some rule compares with something: what a mutation test changes, one at a time."""
    vocabulary = rules.vocabulary
    compared = [r for r in rules.rules if r.kind == "narrative-vs-table"]
    out = [("amount", a.value) for a in doc.narrative.amounts
           if any(NarrativeVsTable.figures(r, doc, a) for r in compared)]
    for rule in (r for r in rules.rules if r.kind == "breakdown" and not r.params["changes"]):
        for whole in doc.narrative.wholes:
            if vocabulary.classify(whole) in rule.params["total"] and all(p.complete for p in whole.parts):
                out += [("part", p.value) for p in Breakdown._listed_parts(rule, whole.parts, vocabulary)]
    out += [("share", s.rate) for s in doc.narrative.shares if readings(s, doc, vocabulary)]
    out += [("rate", c.rate) for c in doc.narrative.changes
            if c.rate is not None and c.candidates and (c.amount or c.base) and not c.rate.interval.contains_zero()]
    out += [("completion", p) for c in doc.narrative.completions  # 决算: 年初预算 A … 完成年初预算的 C%
            if c.rate is not None and c.budget is not None and not c.budget.value.interval.contains_zero()
            for p in (c.budget.value, c.rate) if p is c.rate or c.actual.value.figure.value]  # 0 of any budget is 0%
    return list({id(p): (what, p) for what, p in out}.values())


def run(*args: str, cwd=ROOT, lang: str = "en") -> subprocess.CompletedProcess:
    """The command's output, in English (what most of these tests name) unless ``lang`` says otherwise."""
    env = {**os.environ, "COLUMNS": "200", "NO_COLOR": "1", "BUDGETLINT_LANG": lang}
    return subprocess.run([sys.executable, "-m", "budgetlint", *args], capture_output=True, text=True,
                          cwd=cwd, env=env, encoding="utf-8")
