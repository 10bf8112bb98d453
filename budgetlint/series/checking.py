"""Running the cross-document rules over the series of a run, once every disclosure was checked.

Each pair of a series (:mod:`budgetlint.series.forming`) is compared by the rules of its kind that
are in force for the disclosure the findings go to (``this``: settings may differ by folder), and
each finding is added to that file's result, like any other; a finding already there (a resumed
run that recorded it) is not added twice.
"""

from __future__ import annotations

from typing import Callable

from budgetlint.checks import CHECKS
from budgetlint.checks.base import SeriesCheck
from budgetlint.engine.pack import RuleSet
from budgetlint.engine.runner import violation
from budgetlint.report.result import Report, Violation
from budgetlint.series.forming import form_series


def check_series(report: Report, rules_of: Callable[[str], RuleSet], named: list[list[str]]) -> list[Violation]:
    """Form the report's series (kept in ``report.series``; ``named``: files a user says are one
    agency's), run their rules, and give the violations added to the report's files."""
    report.series = [s for s in form_series(report.files, named)
                     if any(rules_of(pair.this.files[0]).compares_disclosures for pair in s.pairs)]
    results = {f.path: f for f in report.files}
    added: list[Violation] = []
    for series in report.series:
        for pair in series.pairs:
            rules = rules_of(pair.this.files[0])
            for rule in rules.rules:
                check = CHECKS[rule.kind]
                if not isinstance(check, SeriesCheck) or check.relation != pair.relation \
                        or not rule.applies_to(pair.this.identity.kind):
                    continue
                for finding in check.compare(rule, pair):
                    found = violation(rule, finding)
                    result = results.get(found.file)
                    if result is not None and found not in result.violations:
                        result.violations.append(found)
                        added.append(found)
    for result in {v.file: results[v.file] for v in added}.values():
        result.violations.sort(key=Violation.sort_key)
    return added

