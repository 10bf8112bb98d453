"""restatement: the same quantity stated twice in the narrative with different values.

`人员经费 560 万元` in one section and `人员经费支出 567 万元` in another cannot
both be right.  Quantities the tables print are left to narrative-vs-table,
which reports each wrong statement against the table; this rule covers the
quantities only the narrative states (机关运行经费, 政府采购, 编制 …) and codes.
"""

from __future__ import annotations

from typing import Iterator

from budgetlint.checks.backing import backing, narrative_ref
from budgetlint.checks.base import Check, Finding, discrepancy, where
from budgetlint.i18n import t
from budgetlint.engine.quantities import Vocabulary
from budgetlint.engine.rule import EVERY_QUANTITY, Field, Rule, parse_quantity_ids
from budgetlint.engine.selectors import parse_tables
from budgetlint.understand.model import DocumentFacts
from budgetlint.understand.statements import Amount


def _whole(amount: Amount, vocabulary: Vocabulary) -> str:
    """What the amount is a part of: the 公用经费 of a subject (`行政运行 80 万元，其中公用经费 20 万元`)
    is not the department's 公用经费, nor the 其他用车 of the vehicles bought those of the vehicles held."""
    whole = amount.whole
    if whole is None:
        return ""
    quantity = vocabulary.classify(whole)
    if quantity is not None:
        return quantity.id
    return whole.code.digits if whole.code is not None else whole.label


def _agreed(group: list[Amount]) -> Amount | None:
    """The statement the others should agree with: the first of the value most statements give,
    where more than half give it; of two statements that differ, the first, when both are in one
    section (two sections may each speak of their own unit or project).  ``None``: no value is agreed
    (a quantity stated for each unit or project in turn)."""
    counts = [sum(o.value.interval.intersects(a.value.interval) for o in group) for a in group]
    best = max(counts)
    if best >= 2 and best * 2 > len(group):
        return group[counts.index(best)]
    if len(group) == 2 and group[0].value.sentence.passage.heading == group[1].value.sentence.passage.heading:
        return group[0]
    return None


def basis(group: list[Amount], agreed: Amount) -> str:
    """How the value the others are held to was established."""
    same = sum(a.value.interval.intersects(agreed.value.interval) for a in group)
    if same >= 2:
        return t("{n} of the {total} statements of it give {value}", n=same, total=len(group), value=agreed.value.text)
    return t("both statements are in one section")


class Restatement(Check):
    kind = "restatement"
    summary = "The same quantity stated twice in the narrative carries the same value."
    fields = {
        "tables": Field(parse_tables, "quantities these tables print are left to narrative-vs-table", required=True),
        "quantities": Field(parse_quantity_ids, "the vocabulary to read labels with", default=EVERY_QUANTITY),
    }
    variables = ("label", "reported", "computed", "difference", "first")
    default_message = "「{label}」在此为 {reported}，在{first}为 {computed}"
    default_message_en = "「{label}」 is {reported} here and {computed} at {first}"

    def run(self, rule: Rule, doc: DocumentFacts) -> Iterator[Finding]:
        vocabulary: Vocabulary = rule.params["quantities"]
        statements: dict[tuple[str, str], list[Amount]] = {}
        for amount in doc.narrative.amounts:
            quantity = vocabulary.classify(amount)
            if amount.prior or amount.basis == "budget":
                continue  # last year's figure, or a 决算's 年初预算, is another quantity
            if amount.code is not None:
                key = ("code", amount.code.digits)
            elif quantity is not None:  # `其他用车` of the 购置车辆 is not `其他用车` of the 车辆 held
                key = ("quantity", quantity.id, _whole(amount, vocabulary))
            else:
                continue
            statements.setdefault(key, []).append(amount)
        for group in statements.values():
            if len(group) < 2 or any(f.understood for f in backing(group[0], doc, vocabulary, rule.params["tables"])):
                continue
            agreed = _agreed(group)
            if agreed is None:
                continue
            for later in (a for a in group if not a.value.interval.intersects(agreed.value.interval)):
                finding = discrepancy(later.value.figure, narrative_ref(later), agreed.value.interval,
                                      [narrative_ref(agreed)])
                if finding:
                    finding.computed = agreed.value.text
                    finding.values.update(label=later.title, first=where(agreed.location))
                    finding.basis = basis(group, agreed)
                    yield finding
