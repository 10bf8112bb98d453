"""part-exceeds-whole: a part the narrative lists under an amount is not larger than it.

`已安排…转移支付资金 18,225.94 万元，其中：安排基本公共卫生服务方向 35,541.8 万元`
(北京 卫健委 2026 p10) or `设备 8 台，其中单价 100 万元以上的 15 台` cannot both be right,
whatever the two are and whether the list claims to be complete.  Only a plain case is
read: the whole is the one amount its sentence states before the list (after `A、B、C；其中 D`
the 其中 may speak of the sum), the part is in the list's first stretch and in the same
unit (辆 are not 台(套); 万元 under 元 is a unit written wrong, for amount-unit).  Wholes the
vocabulary names (三公经费, 政府采购 …) are left to the breakdown rules, which add up all
their parts.
"""

from __future__ import annotations

import re
from typing import Iterator

from budgetlint.checks.backing import narrative_ref
from budgetlint.checks.base import Check, Finding
from budgetlint.engine.quantities import Vocabulary
from budgetlint.engine.rule import EVERY_QUANTITY, Field, Rule, parse_quantity_ids
from budgetlint.understand.model import DocumentFacts
from budgetlint.understand.statements import Amount


def _alone_before(whole: Amount, amounts: list[Amount]) -> bool:
    """Whether ``whole`` is the only amount its sentence states up to it."""
    return not any(a is not whole and a.value.sentence is whole.value.sentence and a.value.start < whole.value.start
                   for a in amounts)


_NUMBER = re.compile(r"^[\d,.\s]+")
_GENERIC_COUNTS = ("个", "项", "次")  # `单位共 1 个，包括：2 个行政股室`: 个 counts anything


def _comparable(part: Amount, whole: Amount) -> bool:
    """Same sentence, first stretch of the list, same unit: a count's unit names what is counted
    (not 个, which counts anything), and a part in 万元 under a whole in 元 is the whole's unit
    written wrong (amount-unit says so).  A part with no label before it names nothing to compare."""
    unit = _printed_unit(part)
    return (part.kind == whole.kind and unit == _printed_unit(whole) and part.segment == 0
            and bool(part.printed_label.strip()) and part.value.sentence is whole.value.sentence
            and unit not in _GENERIC_COUNTS)


def _printed_unit(amount: Amount) -> str:
    """The unit as printed after the number: `万元`, `辆`, `台(套)`."""
    return _NUMBER.sub("", amount.value.text).strip()


class PartExceedsWhole(Check):
    kind = "part-exceeds-whole"
    summary = "A part listed under an amount (`X，其中 A`) is not larger than the amount."
    fields = {"quantities": Field(parse_quantity_ids, "wholes these quantities name are left to the breakdown rules",
                                  default=EVERY_QUANTITY)}
    variables = ("label", "part", "reported", "computed")
    default_message = "「{part}」{reported}，大于它所属的「{label}」{computed}"
    default_message_en = "「{part}」 {reported} is larger than 「{label}」 {computed}, which it is listed under"

    def run(self, rule: Rule, doc: DocumentFacts) -> Iterator[Finding]:
        vocabulary: Vocabulary = rule.params["quantities"]
        amounts = doc.narrative.amounts
        for whole in doc.narrative.wholes:
            if vocabulary.classify(whole) is not None or not _alone_before(whole, amounts):
                continue
            part = next((p for p in whole.parts if _comparable(p, whole)
                         and p.value.interval.lo > whole.value.interval.hi), None)
            if part is None:
                continue
            yield Finding(subject=narrative_ref(part), reported=part.value.text, computed=whole.value.text,
                          related=(narrative_ref(whole),),
                          values={"label": whole.printed_label, "part": part.printed_label})
