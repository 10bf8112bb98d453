"""Every narrative figure of the real corpus that some rule checks, changed in turn, is reported at its
own page and line (the mutation test of the narrative, on disclosures as published).

A figure is changed in the loaded document, keeping its length (its third-last digit moves by 4, so
by 400 or 600 units of its last digit — beyond any rounding, even of a `0 万元` beside it), and the
disclosure is understood and checked again: a finding that was not there before must sit on the changed figure's line, or name
it among the figures it used.  Skipped where ../shared/real is not beside the checkout.

The disclosures of ``national/`` are left out: their narratives are read by the phrasings of issue 22,
and one run per figure over 90 more disclosures would cost CI most of an hour.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from budgetlint.disclosure import group_files
from budgetlint.engine.runner import run_rules
from budgetlint.load import load_document
from budgetlint.model import Document, Location, combine
from budgetlint.understand.reading import understand
from budgetlint.understand.statements import Printed

from conftest import checked_narrative_figures

REAL = Path(__file__).resolve().parent.parent.parent / "shared" / "real"
pytestmark = pytest.mark.skipif(not REAL.is_dir(), reason="the real corpus (../shared/real) is not beside the checkout")
GROUPS = group_files(sorted(p for p in REAL.rglob("*.pdf") if "national" not in p.relative_to(REAL).parts),
                     []) if REAL.is_dir() else []

# Per disclosure (its first file): how many narrative figures the rules check.  A drop means figures
# are no longer read or no longer compared with anything.
CHECKED = {  # 978 in all; the blank template has none
    'fayuan-2017-budget.pdf': 48,
    'fayuan-2018-budget.pdf': 50,
    'fayuan-2019-budget.pdf': 59,
    'jianchayuan-2017-budget.pdf': 27,
    'jianchayuan-2018-budget.pdf': 40,
    'jianchayuan-2019-budget.pdf': 50,
    'renda-2017-budget.pdf': 30,  # its 类 amounts under 二、支出预算, read as a list of a reason's figure (增加基本支出 844.15 万元), are compared by name
    'renda-2018-budget.pdf': 60,
    'shengwei-2017-budget-tables.pdf': 44,
    'shengwei-2018-budget-tables.pdf': 47,
    'shengwei-2019-budget-tables.pdf': 51,
    'zhengxie-2017-budget-tables.pdf': 65,
    'zhengxie-2018-budget-tables.pdf': 62,
    'zhengxie-2019-budget-tables.pdf': 70,
    'putuo-caizheng-2024-final.pdf': 49,
    'putuo-final-template.pdf': 0,
    'putuo-shangwu-2025-dept-budget.pdf': 50,
    'putuo-shangwu-2025-unit-budget.pdf': 50,
    'putuo-wanli-2025-budget.pdf': 58,
    'putuo-zfb-2025-dept-budget.pdf': 34,
    'putuo-zfb-2025-unit-budget.pdf': 34,
}


def _changed(digits: str) -> str:
    """The same figure with its third-last digit (or the first, in a shorter one) moved by 4."""
    positions = [i for i, ch in enumerate(digits) if ch.isdigit()]
    i = positions[-3] if len(positions) > 2 else positions[0]
    return digits[:i] + str((int(digits[i]) + 4) % 10) + digits[i + 1:]


def _mutate(document: Document, printed: Printed) -> tuple:
    """Change ``printed`` in the paragraph it was read from; returns how to undo it."""
    where = printed.sentence.locate(printed.start)
    digits = printed.text.split(maxsplit=1)[0].rstrip("%万元")
    for paragraph in document.paragraphs:
        start = paragraph.text.find(digits)
        while start >= 0:
            if paragraph.locate(start) == where:
                original = paragraph.text
                paragraph.text = original[:start] + _changed(digits) + original[start + len(digits):]
                return paragraph, original
            start = paragraph.text.find(digits, start + 1)
    raise AssertionError(f"{printed.text} not found at {where}")


def _same_line(a: Location, b: Location) -> bool:
    if a.page != b.page or a.file != b.file:
        return False
    if a.bbox is None or b.bbox is None:
        return a.line == b.line
    return abs(a.bbox[1] - b.bbox[1]) < 3


def _signature(v) -> tuple:
    return (v.rule, v.subject.location, v.computed)


@pytest.mark.parametrize("group", GROUPS, ids=lambda g: g[0].name)
def test_each_checked_narrative_figure_changed_is_reported_on_its_line(group, rules):
    document = combine([load_document(p, str(p)) for p in group])
    facts = understand(document, rules.kinds)
    found = run_rules(rules, facts)
    baseline = {_signature(v) for v in found}
    figures = [(what, printed) for what, printed in checked_narrative_figures(facts, rules)
               if not any(v.subject.location == printed.location for v in found)]  # wrong as published: reported already
    assert len(figures) == CHECKED[group[0].name]
    missed = []
    for what, printed in figures:
        where = printed.location
        paragraph, original = _mutate(document, printed)
        try:
            new = [v for v in run_rules(rules, understand(document, rules.kinds)) if _signature(v) not in baseline]
        finally:
            paragraph.text = original
        if not any(_same_line(v.subject.location, where) or any(_same_line(r.location, where) for r in v.related)
                   for v in new):
            missed.append(f"{what} {printed.text} p{where.page}")
    assert missed == []
