"""Narrative rules on the real samples, and narrative figures changed one at a time."""

from __future__ import annotations

import pytest

import re

from budgetlint.checks.backing import backing
from budgetlint.checks.breakdown import Breakdown
from budgetlint.checks.share import readings
from budgetlint.figures import render_value
from budgetlint.lint import check_file
from budgetlint.load import load_document
from budgetlint.understand import understand
from budgetlint.understand.statements import Printed

from conftest import lint, sample


def narrative_violations(result):
    return [v for v in result.violations if v.rule.startswith("BL3")]


def test_taiqian_shares_and_growth_claims(rules):
    found = {(v.rule, v.subject.location.line, v.reported): v for v in narrative_violations(lint(sample("taiqian-2023.txt"), rules))}
    assert found[("BL311", 94, "23.70%")].computed == "23.66%"
    assert found[("BL311", 94, "96.3%")].computed == "76.34%"
    partition = found[("BL312", 94, "120.00%")]
    assert partition.computed == "100.00%"
    for line in (86, 98):
        assert found[("BL321", line, "8%")].computed == "17.09%"
    personnel = found[("BL302", 138, "567万元")]  # the same 人员经费 stated as 560 and 567 万元
    assert personnel.computed == "560万元" and personnel.related[0].table == "一般公共预算基本支出表"


@pytest.mark.parametrize("name", ["xixiang-2024.txt", "zhangzhou-2024.txt", "tongcheng-2024.txt",
                                  "caizheng-2024-final-corrected.txt"])
def test_consistent_narratives_give_no_narrative_violation(name, rules):
    assert narrative_violations(lint(sample(name), rules)) == []


def _mutated(text: str, printed: Printed) -> str:
    """The document with ``printed`` made larger by 37 units of its last digit, printed alike."""
    fig = printed.figure
    number = render_value(fig.value + 37, fig.decimals, fig.grouped)
    new = re.sub(r"[\d,]+(\.\d+)?", number, printed.text, count=1)
    lines = text.split("\n")
    loc = printed.location
    line = lines[loc.line - 1]
    start = loc.column - 1
    assert line[start : start + len(printed.text)] == printed.text
    lines[loc.line - 1] = line[:start] + new + line[start + len(printed.text):]
    return "\n".join(lines)


def checked_figures(name: str, rules) -> list[tuple[str, Printed]]:
    """The narrative figures some rule compares with something: what to change, one at a time."""
    doc = understand(load_document(sample(name)))
    vocabulary, tables = rules.vocabulary, rules.get("BL301").params["tables"]
    out = [("amount", a.value) for a in doc.narrative.amounts
           if a.kind == "money" and a.basis != "budget" and backing(a, doc, vocabulary, tables)]
    for rule in (r for r in rules.rules if r.kind == "breakdown" and not r.params["changes"]):
        for whole in doc.narrative.wholes:
            if vocabulary.classify(whole) in rule.params["total"] and all(p.complete for p in whole.parts):
                out += [("part", p.value) for p in Breakdown._listed_parts(rule, whole.parts, vocabulary)]
    out += [("share", s.rate) for s in doc.narrative.shares if readings(s, doc, vocabulary)]
    out += [("rate", c.rate) for c in doc.narrative.changes
            if c.rate is not None and c.candidates and not c.rate.interval.contains_zero()]
    out += [("completion", p) for c in doc.narrative.completions  # 决算: 年初预算 A … 完成年初预算的 C%
            if c.rate is not None and c.budget is not None and not c.budget.value.interval.contains_zero()
            for p in (c.budget.value, c.rate) if p is c.rate or c.actual.value.figure.value]  # 0 of any budget is 0%
    return list({id(p): (what, p) for what, p in out}.values())


def _signature(v):
    return (v.rule, v.subject.location.line, v.subject.location.column, v.computed)


@pytest.mark.parametrize("name, at_least", [
    ("xixiang-2024.txt", 30), ("zhangzhou-2024.txt", 45), ("tongcheng-2024.txt", 8), ("taiqian-2023.txt", 10),
    ("caizheng-2024-final-corrected.txt", 20)])
def test_each_changed_narrative_figure_is_reported_at_its_line(name, at_least, rules, tmp_path):
    original = sample(name).read_text(encoding="utf-8")
    baseline = check_file(sample(name), rules).violations
    already = {(v.subject.location.line, v.subject.location.column) for v in baseline}
    figures = [(w, p) for w, p in checked_figures(name, rules)
               if (p.location.line, p.location.column) not in already]  # 台前's wrong shares are reported already
    assert len(figures) >= at_least
    missed = []
    for i, (what, printed) in enumerate(figures):
        path = tmp_path / f"{i}.txt"
        path.write_text(_mutated(original, printed), encoding="utf-8")
        new = [v for v in check_file(path, rules).violations if _signature(v) not in {_signature(b) for b in baseline}]
        here = [v for v in new if v.subject.location.line == printed.location.line and v.related]
        if what == "amount":  # against the tables: at the figure itself, the table cells under related
            here = [v for v in here if v.subject.location.column == printed.location.column
                    and any(r.table for r in v.related)]
        elif what == "part":  # a breakdown is reported at its total, the changed part under related
            here += [v for v in new if any((r.location.line, r.location.column) ==
                                           (printed.location.line, printed.location.column) for r in v.related)]
        if not here:
            missed.append(f"{what} {printed.text} at {printed.location.line}:{printed.location.column}")
    assert missed == []
