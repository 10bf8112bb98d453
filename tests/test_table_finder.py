"""The linear table finder gives pdfplumber's tables: the same cells in the same order, the same text."""

from __future__ import annotations

import importlib.util
import sys

import pdfplumber
import pytest

from budgetlint.load.pdf import _TEXT_TABLE_SETTINGS, _closing_rules
from budgetlint.load.table_finder import extract, find_tables
from conftest import ROOT

_spec = importlib.util.spec_from_file_location("bench_page_chars", ROOT / "benchmarks" / "bench_page_chars.py")
bench_page_chars = importlib.util.module_from_spec(_spec)
sys.modules["bench_page_chars"] = bench_page_chars
_spec.loader.exec_module(bench_page_chars)


def _settings(page) -> list[dict | None]:
    """Each way the loader asks for tables: by rules (closing open ends where it would), by text."""
    closing = _closing_rules(page.edges)
    return [None, {"explicit_horizontal_lines": closing} if closing else None, _TEXT_TABLE_SETTINGS]


def _same(page) -> int:
    """Asserts both finders agree on every setting; returns how many tables they found."""
    count = 0
    for settings in _settings(page):
        theirs = page.find_tables(settings)
        ours = find_tables(page, settings)
        assert [t.cells for t in ours] == [t.cells for t in theirs], (page.page_number, settings)
        assert [extract(t) for t in ours] == [t.extract() for t in theirs], (page.page_number, settings)
        count += len(ours)
    return count


@pytest.mark.parametrize("name", ["taiqian-2023.pdf", "zhangzhou-2024.pdf"])
def test_every_page_of_a_sample_gives_pdfplumbers_tables(name):
    with pdfplumber.open(ROOT / "samples" / "pdf" / name) as pdf:
        found = sum(_same(page) for page in pdf.pages)
    assert found >= 10  # ruled tables and text-aligned ones, on pages of a real disclosure


def test_a_dense_page_of_figures_gives_pdfplumbers_table(tmp_path):
    path = bench_page_chars.page_of(tmp_path / "dense.pdf", 5_000)
    with pdfplumber.open(path) as pdf:
        page = pdf.pages[0]
        tables = find_tables(page, _TEXT_TABLE_SETTINGS)
        assert _same(page) >= 1
    assert len(tables) == 1 and len(tables[0].rows) >= bench_page_chars.ROWS  # a row per line, and one between
