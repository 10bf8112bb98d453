"""previous-year: what this year's disclosure says of last year is what last year's disclosure printed.

A budget prints last year's figure beside this year's (a `上年预算数` or `2025年预算数` column), or
its narrative implies it (`公共安全支出 26200.88 万元，与上年相比增加 2687.77 万元`: last year's was
23513.11 万元).  Last year's budget disclosure of the same agency printed that figure in the same
table and row: the two must agree.  A difference is a figure copied wrong, a change worked out
on another base, or last year's disclosure corrected without saying so.  The figures are matched
by the ledger's keys (table kind, subject code or row label, column without its year), and a
narrative figure also by its name in any table (基本支出 read from the 收支总表 last year, from the
基本支出表 this year: they agree this year, not always last year); it is reported only when no
figure it may be matched with agrees, and only when other figures of the two agree (they confirm
that the two are one agency's budgets of two years, read alike).  A figure with no match in last year's disclosure (a new
subject, a renamed row, a code whose subject was renamed) is not compared.
"""

from __future__ import annotations

import re
from typing import Iterator

from budgetlint.checks.base import Finding, SeriesCheck, confirmed_by, discrepancy
from budgetlint.engine.rule import Rule
from budgetlint.report.result import Key, Posting
from budgetlint.series.forming import PREVIOUS_YEAR, Pair
from budgetlint.series.ledger import ANY


_WORDING = re.compile(r"[、，,和及与\s]|支出$|\(项\)|\(款\)|（项）|（款）")


def same_subject(name: str, other: str) -> bool:
    """Whether a row named ``name`` this year is the subject named ``other`` last year: a code keeps
    its figures only while it keeps its name (`2040405 公诉和审判监督` became `公诉、审判、侦查、执行等
    检察监督` when the 项 was widened: last year's 150 万元 is not the same subject's)."""
    return _WORDING.sub("", name) == _WORDING.sub("", other)


class PreviousYear(SeriesCheck):
    kind = "previous-year"
    relation = PREVIOUS_YEAR
    summary = "What a disclosure states for last year equals what last year's disclosure of the agency printed."
    fields = {}
    variables = ("label", "reported", "computed", "difference", "year", "other", "worked_out")
    default_message = "「{label}」上年数 {reported}{worked_out}，{year}年公开的为 {computed}（{other}）"
    default_message_en = "「{label}」 last year: {reported}{worked_out}, but the {year} disclosure printed {computed} (「{other}」)"

    def compare(self, rule: Rule, pair: Pair) -> Iterator[Finding]:
        printed: dict[Key, list[tuple[Posting, str]]] = {}
        for posting in pair.other.ledger:
            if posting.year == 0:
                for (kind, row, column), name in zip(posting.keys, posting.names):
                    for key in ((kind, row, column), (ANY, row, ANY)):
                        printed.setdefault(key, []).append((posting, name))
        compared = []
        for posting in pair.this.ledger:
            if posting.year != -1:
                continue
            earlier = [p for key, name in zip(posting.keys, posting.names) for p, named in printed.get(key, ())
                       if same_subject(name, named)]
            if earlier:
                compared.append((posting, earlier, any(p.interval.intersects(posting.interval) for p in earlier)))
        agreeing = sum(agrees for _, _, agrees in compared)
        if not agreeing:
            return  # no figure of the two agrees: that they are one agency's two years is not confirmed
        for posting, earlier, agrees in compared:
            closest = min(earlier, key=lambda p: p.interval.gap(posting.interval))
            finding = None if agrees else discrepancy(posting.figure, posting.ref, closest.interval,
                                                      [p.ref for p in earlier])
            if finding is None:
                continue
            finding.values.update(label=posting.ref.row or posting.ref.text, year=pair.other.identity.year,
                                  other=pair.other.name,
                                  worked_out=f"（{posting.worked_out}）" if posting.worked_out else "")
            finding.basis = confirmed_by(agreeing)
            yield finding
