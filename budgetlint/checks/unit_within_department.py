"""unit-within-department: a 单位's figure is never more than its 部门's.

A 部门 disclosure consolidates the 单位 under it: each of its figures is the sum of its units'.
A unit's figure (in the same table, row and column) larger than the department's means one of the
two is wrong.  The sum itself is not checked: a run rarely has every unit, and a department
does not always say how many it has.  Rows and columns of money passed between the department's
own units (`上级补助收入`, `对附属单位补助支出`) may be netted out of the department's figures, so a
rule names them and they are not compared; nor are negative figures.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterator

from budgetlint.checks.base import Finding, SeriesCheck, confirmed_by, discrepancy, parse_words
from budgetlint.engine.rule import Field, Rule
from budgetlint.report.result import Key, Posting
from budgetlint.series.forming import DEPARTMENT_UNIT, Pair


def _once(postings: tuple[Posting, ...]) -> dict[Key, Posting]:
    """This year's figures by key, where the key names one figure only (else which is meant is not known)."""
    found: dict[Key, list[Posting]] = defaultdict(list)
    for posting in postings:
        if posting.year == 0:
            for key in posting.keys:
                found[key].append(posting)
    return {key: p[0] for key, p in found.items() if len(p) == 1}


class UnitWithinDepartment(SeriesCheck):
    kind = "unit-within-department"
    relation = DEPARTMENT_UNIT
    summary = "A 单位 disclosure's figure is at most its 部门 disclosure's figure for the same table, row and column."
    fields = {
        "except": Field(parse_words, "words of rows or columns not compared (money passed between units)",
                        default=()),
    }
    variables = ("label", "column", "table", "reported", "computed", "other")
    default_message = "单位公开的「{label}」（{table}·{column}）{reported}，大于部门公开的 {computed}（{other}）"
    default_message_en = ("the unit's 「{label}」 (「{table}」, {column}) is {reported}, more than the department's "
                          "{computed} (「{other}」)")

    def compare(self, rule: Rule, pair: Pair) -> Iterator[Finding]:
        words = rule.params["except"]
        department = _once(pair.other.ledger)
        compared = []
        for key, unit in sorted(_once(pair.this.ledger).items(), key=lambda item: item[1].ref.location.sort_key()):
            whole = department.get(key)
            if whole is None or any(w in part for w in words for part in key[1:]):
                continue
            if unit.interval.lo < 0 or whole.interval.lo < 0:
                continue
            compared.append((key, unit, whole, unit.interval.le(whole.interval)))
        agreeing = sum(within for *_, within in compared)
        if not agreeing:
            return  # no figure of the unit's is within the department's: the two are not read alike
        for key, unit, whole, within in compared:
            finding = None if within else discrepancy(unit.figure, unit.ref, whole.interval, [whole.ref], "<=")
            if finding is None:
                continue
            finding.values.update(label=unit.ref.row or key[1], column=unit.ref.col or key[2],
                                  table=unit.ref.table or key[0], other=pair.other.name)
            finding.basis = confirmed_by(agreeing)
            yield finding
