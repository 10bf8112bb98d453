"""subject-name-across: a 单位 names each subject code as its 部门 does.

The 部门 and 单位 disclosures of one year are made from one budget: a code (`2010601`) names the
same subject in both.  A unit printing another name beside the code (`2010601 一般行政管理事务`
where its department prints `2010601 行政运行`) has the code or the name wrong.  Names are compared
without their wording (`、`, `和`, a closing `支出`), and only codes both print in understood tables.
Across years a code's name may change with the classification (`30307 医疗费` became `医疗费补助`):
that is not compared here.
"""

from __future__ import annotations

from typing import Iterator

from budgetlint.checks.base import Finding, SeriesCheck, confirmed_by
from budgetlint.checks.previous_year import same_subject
from budgetlint.engine.rule import Rule
from budgetlint.report.result import Posting
from budgetlint.series.forming import DEPARTMENT_UNIT, Pair


def _named_codes(postings: tuple[Posting, ...]) -> dict[str, tuple[str, Posting]]:
    """Each subject code printed, with its name and its first figure (where a finding points)."""
    out: dict[str, tuple[str, Posting]] = {}
    for posting in postings:
        if posting.year == 0:
            for (_, row, _), name in zip(posting.keys, posting.names):
                if row.isdigit():
                    out.setdefault(row, (name, posting))
    return out


class SubjectNameAcross(SeriesCheck):
    kind = "subject-name-across"
    relation = DEPARTMENT_UNIT
    summary = "A 单位 disclosure names each subject code as its 部门 disclosure of the same year does."
    fields = {}
    variables = ("code", "reported", "computed", "other")
    default_message = "单位公开中科目 {code} 名为「{reported}」，部门公开中名为「{computed}」（{other}）"
    default_message_en = "the unit names subject {code} 「{reported}」, the department 「{computed}」 (「{other}」)"

    def compare(self, rule: Rule, pair: Pair) -> Iterator[Finding]:
        department = _named_codes(pair.other.ledger)
        compared = [(code, name, posting, department[code], same_subject(name, department[code][0]))
                    for code, (name, posting) in sorted(_named_codes(pair.this.ledger).items()) if code in department]
        agreeing = sum(same for *_, same in compared)
        if not agreeing:
            return  # no code named alike: the two do not follow one classification
        for code, name, posting, (theirs, where), same in compared:
            if same:
                continue
            finding = Finding(subject=posting.ref, reported=name, computed=theirs, related=(where.ref,),
                              basis=confirmed_by(agreeing))
            finding.values.update(code=code, other=pair.other.name)
            yield finding
