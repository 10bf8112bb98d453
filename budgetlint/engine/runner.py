"""Running rules over a document's facts: findings become located, rendered violations."""

from __future__ import annotations

from budgetlint.checks import CHECKS
from budgetlint.checks.base import Agreement, Finding, SeriesCheck
from budgetlint.engine.pack import RuleSet
from budgetlint.engine.rule import Rule, render
from budgetlint.i18n import language
from budgetlint.report.result import Violation
from budgetlint.understand.model import DocumentFacts, Fact


def run_rules(rules: RuleSet, doc: DocumentFacts, checked: set[Fact] | None = None) -> list[Violation]:
    """Every violation of every rule, each figure reported once; ``checked`` gains the table
    figures of every relation found to hold (the tables' own sums, where their kind is known).

    Two rules can catch the same discrepancy (a 合计 column checked as a total and
    as a named identity): the same figure with the same computed value is kept
    once, under the rule that comes first.
    """
    out: list[Violation] = []
    seen: set[tuple] = set()
    checked = set() if checked is None else checked
    checked.update(f for table in doc.tables if table.kind is not None for f in table.verified)
    for rule in rules.rules:
        check = CHECKS[rule.kind]
        if not rule.applies_to(doc.identity.kind) or isinstance(check, SeriesCheck):
            continue  # a series rule compares two disclosures, after all are checked (budgetlint.series)
        for finding in check.run(rule, doc):
            if isinstance(finding, Agreement):
                checked.update(finding.facts)
                continue
            key = (finding.subject.location, finding.reported, finding.computed)
            if key in seen:
                continue
            seen.add(key)
            out.append(violation(rule, finding))
    return sorted(out, key=Violation.sort_key)


def violation(rule: Rule, finding: Finding) -> Violation:
    """A finding as a report shows it: the rule's id, severity and message rendered in the run's language."""
    values = {**finding.values, "reported": finding.reported, "computed": finding.computed,
              "difference": finding.difference}
    return Violation(
        rule=rule.id,
        name=rule.name,
        severity=rule.severity.value,
        message=render(rule.template(language()), values),
        file=finding.subject.location.file,
        subject=finding.subject,
        reported=finding.reported,
        computed=finding.computed,
        difference=finding.difference,
        related=finding.related,
        basis=finding.basis,
    )
