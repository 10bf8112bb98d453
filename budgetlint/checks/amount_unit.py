"""amount-unit: an amount written in 元 among a narrative that counts in 万元 (or the other way).

A narrative states its amounts in one unit: `水生态环境管理工作 3,953.30 万元 …` around
`污染防治项目 18,686.86 元` (深圳 生态环境局 2026 p11) is a project of 1.87 万元 only
by a slip of the unit.  A figure is reported when the narrative states at least ``at_least``
non-zero amounts and all but ``at_most`` of them in the other unit, and the paragraph around it
uses that unit too: a zero is the same in every unit, and a rate (`每人 800 元`, `元/人`) is not an
amount of the disclosure.
"""

from __future__ import annotations

from collections import Counter
from typing import Any, Iterator

from budgetlint.checks.base import Check, Finding
from budgetlint.engine.rule import Field, Rule
from budgetlint.figures import MONEY_UNITS
from budgetlint.report.result import FigureRef
from budgetlint.understand.model import DocumentFacts
from budgetlint.understand.statements import Amount

_PER = ("/", "每", "／")  # `800 元/人`: a rate, not an amount


def _count(value: Any) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 0 <= value <= 1000:
        raise ValueError("a whole number from 0 to 1000")
    return value


def _amounts(doc: DocumentFacts) -> list[Amount]:
    """The narrative's non-zero money amounts that are amounts of the disclosure, not rates."""
    out = []
    for amount in doc.narrative.amounts:
        value = amount.value
        after = value.sentence.text[value.end:value.end + 1]
        if amount.kind == "money" and value.figure.value != 0 and after not in _PER:
            out.append(amount)
    return out


class AmountUnit(Check):
    kind = "amount-unit"
    summary = "An amount is written in the unit the rest of the narrative uses (万元, not 元)."
    fields = {
        "at_least": Field(_count, "how many amounts in the narrative's own unit make it its unit", default=10),
        "at_most": Field(_count, "how many amounts in another unit the narrative may hold before that unit "
                         "counts as used on purpose", default=2),
    }
    variables = ("reported", "computed", "unit", "other", "count")
    default_message = "说明中的金额以{unit}计（{count} 处），此处「{reported}」以{other}计，应为 {computed}？"
    default_message_en = "the narrative states its amounts in {unit} ({count} of them), but here 「{reported}」 " \
                         "is in {other}: should it be {computed}?"

    def run(self, rule: Rule, doc: DocumentFacts) -> Iterator[Finding]:
        amounts = _amounts(doc)
        units = Counter(a.value.figure.unit.name for a in amounts)
        if not units:
            return
        (unit, count), = units.most_common(1)
        if count < rule.params["at_least"] or unit not in MONEY_UNITS:
            return
        for amount in amounts:
            figure = amount.value.figure
            other = figure.unit.name
            if other == unit or units[other] > rule.params["at_most"]:
                continue
            paragraph = amount.value.sentence.passage
            if not any(a.value.sentence.passage is paragraph and a.value.figure.unit.name == unit for a in amounts):
                continue
            yield Finding(subject=FigureRef(location=amount.location, text=amount.value.text),
                          reported=amount.value.text, computed=f"{figure.text.removesuffix(other).strip()} {unit}",
                          values={"unit": unit, "other": other, "count": count})
