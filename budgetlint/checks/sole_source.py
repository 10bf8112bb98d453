"""sole-source: a total the narrative says comes from one source only is that source's total in the tables.

`本年收入预算合计 13649.07万元，全部为公共财政拨款资金` (江苏 人大 2017) claims that the
income has no other source: the tables' 财政拨款 income is then the same 13649.07.  When the
tables show 事业收入 or 其他收入 beside it, the claim is wrong (a sentence kept from an earlier
year, or a source left out).  A rule gives the phrases of the claim (`全部为…财政拨款`), the
quantities the claim may be about (收入总计, 本年收入) and those that are the source's total in
the tables (财政拨款收入 with or without 上年结转, 一般公共预算拨款收入): the claim holds when the
amount agrees with any of them, so a finding is a source total that cannot be the whole.  The
claim must follow its amount closely, with no other amount between.
"""

from __future__ import annotations

from collections import defaultdict
from typing import Iterator

from budgetlint.checks.backing import TableFigure
from budgetlint.checks.base import Check, Finding
from budgetlint.checks.narrative_table import against_tables
from budgetlint.engine.quantities import Quantity, Vocabulary
from budgetlint.engine.rule import EVERY_QUANTITY, Field, Rule, parse_quantity_ids
from budgetlint.engine.selectors import parse_patterns
from budgetlint.textnorm import halfwidth
from budgetlint.understand.model import DocumentFacts
from budgetlint.understand.statements import Amount

_NEAR = 12  # characters between the amount and its claim (`13649.07万元。全部由省财政拨款。`)


def _claimed(amounts: list[Amount], text: str, patterns) -> Iterator[tuple[Amount, str]]:
    """Each amount of a passage followed closely by a claim, with the claim's words."""
    ends = sorted(((a.value.sentence.start + a.value.end, a) for a in amounts), key=lambda e: e[0])
    for pattern in patterns:
        for match in pattern.finditer(text):
            before = [(end, a) for end, a in ends if end <= match.start()]
            if before and match.start() - before[-1][0] <= _NEAR:
                yield before[-1][1], match.group()


class SoleSource(Check):
    kind = "sole-source"
    summary = "A total the narrative says is all of one source (`全部为财政拨款`) is that source's total in the tables."
    fields = {
        "says": Field(parse_patterns, "the claim that an amount has one source only", required=True),
        "wholes": Field(parse_quantity_ids, "the quantities a claim may be about", required=True),
        "sources": Field(parse_quantity_ids, "the quantities that are the source's total in the tables", required=True),
        "quantities": Field(parse_quantity_ids, "the vocabulary to read labels with", default=EVERY_QUANTITY),
    }
    variables = ("label", "claim", "reported", "computed", "table")
    default_message = "说明称「{label}」{reported}「{claim}」，表中该来源为 {computed}（{table}）"
    default_message_en = "the narrative says 「{label}」 {reported} is 「{claim}」, but the tables give that source as {computed} (「{table}」)"

    def run(self, rule: Rule, doc: DocumentFacts) -> Iterator[Finding]:
        vocabulary: Vocabulary = rule.params["quantities"]
        wholes = {q.id for q in rule.params["wholes"]}
        sources: tuple[Quantity, ...] = rule.params["sources"]
        by_passage: dict[int, list[Amount]] = defaultdict(list)
        for amount in doc.narrative.amounts:
            by_passage[id(amount.value.sentence.passage)].append(amount)
        for amounts in by_passage.values():
            text = halfwidth(amounts[0].value.sentence.passage.text)
            for amount, claim in _claimed(amounts, text, rule.params["says"]):
                quantity = vocabulary.classify(amount)
                if amount.kind != "money" or amount.prior or quantity is None or quantity.id not in wholes:
                    continue
                yield from self._compare(amount, claim, sources, doc)

    @staticmethod
    def _compare(amount: Amount, claim: str, sources: tuple[Quantity, ...], doc: DocumentFacts) -> Iterator[Finding]:
        every = [TableFigure(reading, reading[0].table) for q in sources for reading in q.readings(doc)]
        settled = against_tables(amount, every)
        if isinstance(settled, Finding):
            settled.values.update(label=amount.title, claim=claim,
                                  table="、".join(dict.fromkeys(f.table.name for f in every if f.understood)))
        if settled is not None:
            yield settled
