"""Shared fixtures: the real samples, the built-in rules, and a way to lint text in a test."""

from __future__ import annotations

from pathlib import Path

import pytest

from budgetlint.engine.pack import RuleSet, load_rules
from budgetlint.lint import check_file
from budgetlint.load import load_document
from budgetlint.report.result import FileResult
from budgetlint.understand import understand
from budgetlint.understand.model import DocumentFacts

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
TEXT_SAMPLES = SAMPLES / "text"


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
