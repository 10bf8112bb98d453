"""Running rules over a document's facts: findings become located, rendered violations."""

from __future__ import annotations

from budgetlint.checks import CHECKS
from budgetlint.engine.pack import RuleSet
from budgetlint.engine.rule import render
from budgetlint.i18n import language
from budgetlint.report.result import Violation
from budgetlint.understand.model import DocumentFacts


def run_rules(rules: RuleSet, doc: DocumentFacts) -> list[Violation]:
    """Every violation of every rule, each figure reported once.

    Two rules can catch the same discrepancy (a 合计 column checked as a total and
    as a named identity): the same figure with the same computed value is kept
    once, under the rule that comes first.
    """
    out: list[Violation] = []
    seen: set[tuple] = set()
    for rule in rules.rules:
        if not rule.applies_to(doc.identity.kind):
            continue
        for finding in CHECKS[rule.kind].run(rule, doc):
            key = (finding.subject.location, finding.reported, finding.computed)
            if key in seen:
                continue
            seen.add(key)
            values = {**finding.values, "reported": finding.reported, "computed": finding.computed,
                      "difference": finding.difference}
            out.append(Violation(
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
            ))
    return sorted(out, key=Violation.sort_key)
