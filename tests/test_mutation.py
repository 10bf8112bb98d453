"""Change one figure of a consistent table by far more than its rounding: it must be caught.

Every figure the model counts in some sum is changed in turn (by 37 units of
its printed precision); each change must give a new violation located in the
changed table.  Figures no sum counts are left out: `其中` parts and rows
outside the table's hierarchy (a project under a unit-coded row).
"""

from __future__ import annotations

import pytest

from budgetlint.figures import render_value
from budgetlint.lint import check_file
from budgetlint.report.result import Violation
from budgetlint.understand.model import Fact

from conftest import facts_of, sample

ARITHMETIC_KINDS = {"income_expense_summary", "income_summary", "expense_summary", "fiscal_summary",
                    "gpb_expense", "gpb_economic", "basic_expense", "three_public", "gov_fund", "soe_capital",
                    "final_summary", "final_income", "final_expense", "final_fiscal_summary", "final_gpb_expense",
                    "final_basic_expense", "final_three_public", "final_gov_fund", "final_soe_capital"}
FINAL = "caizheng-2024-final-corrected.txt"  # the 决算 as published, its two narrative mistakes corrected


def counted(fact: Fact) -> bool:
    entry, group = fact.entry, next(g for g in fact.table.groups if fact.entry in g.entries)
    if fact.column.partial or entry.partial:
        return False
    if group.mode == "code" and not (entry.code and not entry.code.inferred) and not entry.is_total:
        return False
    return True


def candidates(name: str) -> list[Fact]:
    doc = facts_of(sample(name))
    return [f for t in doc.tables if t.kind and t.kind.id in ARITHMETIC_KINDS
            for g in t.groups for e in g.entries for f in e.cells.values()
            if counted(f) and f.figure.text]


def _signature(v: Violation) -> tuple:
    return (v.rule, v.subject.location.line, v.subject.location.column, v.computed)


def mutate(text: str, fact: Fact) -> str:
    lines = text.split("\n")
    line = lines[fact.location.line - 1]
    start = fact.location.column - 1
    printed = fact.figure.text
    assert line[start : start + len(printed)] == printed
    step = fact.figure.value + 37
    new = render_value(step, fact.figure.decimals, fact.figure.grouped)
    lines[fact.location.line - 1] = line[:start] + new + line[start + len(printed):]
    return "\n".join(lines)


@pytest.mark.parametrize("name", ["xixiang-2024.txt", "zhangzhou-2024.txt", "taiqian-2023.txt", FINAL])
def test_each_changed_figure_is_caught_in_its_table(name, rules, tmp_path):
    original = sample(name).read_text(encoding="utf-8")
    baseline = {_signature(v) for v in check_file(sample(name), rules).violations}
    facts = candidates(name)
    assert len(facts) > 100
    missed = []
    for i, fact in enumerate(facts):
        path = tmp_path / f"{i}.txt"
        path.write_text(mutate(original, fact), encoding="utf-8")
        new = [v for v in check_file(path, rules).violations if _signature(v) not in baseline]
        if not any(v.subject.table == fact.table.name for v in new):
            missed.append(f"{fact.table.name} {fact.entry.title} {fact.column.title} {fact.figure.text}")
    assert missed == []


@pytest.mark.parametrize("name", ["xixiang-2024.txt", "zhangzhou-2024.txt", FINAL])
def test_unchanged_consistent_tables_give_no_table_violation(name, rules):
    violations = check_file(sample(name), rules).violations
    assert [v for v in violations if v.rule.startswith("BL1")] == []
