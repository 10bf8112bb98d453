"""completion: a 决算's `完成年初预算的 C%` and `决算数小于预算数` agree with its two figures.

`年初预算为 A 万元，支出决算为 B 万元，完成年初预算的 C%`: ``check: rate`` wants C = B / A
(rounded or cut off at its last digit, as everywhere; where it is B over another budget the
paragraph states, `全年预算为 F`, the message says so); ``zero-budget`` reports a rate
given for a budget of zero (there is nothing to complete); ``direction`` wants the
comparison sentence to say what the figures show — 小于 when B < A, 大于 when B > A, 持平
or 等于 when they are equal within rounding, `基本持平` within ``roughly`` per cent of A.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Iterator

from budgetlint.checks.backing import narrative_ref, printed_ref
from budgetlint.checks.base import Check, Finding, discrepancy, parse_choice
from budgetlint.engine.rule import Field, Rule
from budgetlint.i18n import t
from budgetlint.interval import Interval
from budgetlint.understand.model import DocumentFacts
from budgetlint.understand.statements import Completion

_WORDS = {1: "the final figure is above the budget", -1: "the final figure is below the budget",
          0: "the final figure equals the budget"}


def parse_percent(value: object) -> Fraction:
    if not isinstance(value, (int, float)) or isinstance(value, bool) or not 0 <= value <= 100:
        raise ValueError("must be a percentage from 0 to 100")
    return Fraction(str(value))


def _direction(completion: Completion) -> int:
    """What the figures show: +1 above the budget, −1 below, 0 equal within rounding."""
    actual, budget = completion.actual.value.interval, completion.budget.value.interval
    if actual.intersects(budget):
        return 0
    return 1 if actual.lo > budget.hi else -1


class CompletionCheck(Check):
    kind = "completion"
    summary = "A 决算's completion rate and its 大于/小于/持平 sentence agree with the budget and the final figure."
    fields = {
        "check": Field(parse_choice("rate", "zero-budget", "direction"), "which property to check", required=True),
        "roughly": Field(parse_percent, "how far (per cent of the budget) `基本持平` may be from equal", default=Fraction(5)),
    }
    variables = ("label", "budget", "actual", "reported", "computed", "difference", "mistaken")
    default_message = "「{label}」年初预算 {budget}，决算 {actual}：{reported}，应为 {computed}"
    default_message_en = "「{label}」 initial budget {budget}, final {actual}: {reported}, should be {computed}"

    def run(self, rule: Rule, doc: DocumentFacts) -> Iterator[Finding]:
        check = rule.params["check"]
        for completion in doc.narrative.completions:
            if completion.budget is None:
                continue  # the sentence states no budget for this item
            if check == "rate":
                yield from self._rate(completion)
            elif check == "zero-budget":
                yield from self._zero(completion)
            else:
                yield from self._comparison(completion, rule.params["roughly"])

    @staticmethod
    def _values(completion: Completion) -> dict:
        label = completion.actual.label or completion.budget.label or completion.actual.printed_label
        return {"label": label, "budget": completion.budget.value.text, "actual": completion.actual.value.text}

    def _related(self, completion: Completion) -> tuple:
        return (narrative_ref(completion.budget), narrative_ref(completion.actual))

    def _rate(self, completion: Completion) -> Iterator[Finding]:
        rate, budget = completion.rate, completion.budget.value.interval
        if rate is None or budget.contains_zero():
            return
        expected = (completion.actual.value.interval / budget).scale(100)
        if expected.intersects(rate.figure.rate_interval):
            return
        finding = discrepancy(rate.figure, printed_ref(rate, completion.actual), expected, self._related(completion))
        if finding:
            finding.values.update(self._values(completion))
            other = next((b for b in completion.others if not b.value.interval.contains_zero() and
                          (completion.actual.value.interval / b.value.interval).scale(100)
                          .intersects(rate.figure.rate_interval)), None)
            finding.values["mistaken"] = t("; the rate printed is of the other budget stated, {budget}",
                                           budget=other.value.text) if other else ""
            yield finding

    def _zero(self, completion: Completion) -> Iterator[Finding]:
        rate, budget = completion.rate, completion.budget.value
        if rate is None or budget.figure.value != 0:
            return
        finding = Finding(subject=printed_ref(rate, completion.actual), reported=rate.text,
                          computed=t("no completion rate: the initial budget is zero"), related=self._related(completion))
        finding.values.update(self._values(completion))
        yield finding

    def _comparison(self, completion: Completion, roughly: Fraction) -> Iterator[Finding]:
        words = completion.comparison
        if words is None:
            return
        shown = _direction(completion)
        if completion.direction == shown:
            return
        budget = completion.budget.value.interval
        if completion.roughly and completion.direction == 0 and not budget.contains_zero():
            gap = (completion.actual.value.interval - budget) / budget
            if gap.intersects(Interval(-roughly / 100, roughly / 100)):
                return
        finding = Finding(subject=printed_ref(words, completion.actual), reported=words.text,
                          computed=t(_WORDS[shown]), related=self._related(completion))
        finding.values.update(self._values(completion))
        yield finding
