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
from budgetlint.engine.quantities import Vocabulary
from budgetlint.engine.rule import EVERY_QUANTITY, Field, Rule, parse_quantity_ids
from budgetlint.engine.selectors import parse_tables
from budgetlint.understand.model import DocumentFacts
from budgetlint.understand.statements import Amount


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
                whole = vocabulary.classify(amount.whole) if amount.whole is not None else None
                key = ("quantity", quantity.id, whole.id if whole else "")
            else:
                continue
            statements.setdefault(key, []).append(amount)
        for group in statements.values():
            first = group[0]
            if len(group) < 2 or backing(first, doc, vocabulary, rule.params["tables"]):
                continue
            for later in group[1:]:
                finding = discrepancy(later.value.figure, narrative_ref(later), first.value.interval,
                                      [narrative_ref(first)])
                if finding:
                    finding.computed = first.value.text
                    finding.values.update(label=later.title, first=where(first.location))
                    yield finding
