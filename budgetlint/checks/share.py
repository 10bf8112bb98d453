"""share: `占 Z%` equals the amount over its base, and the shares of a complete list add to 100.

Which amount and which base a share speaks of is read from the sentence (the amount
just before it, the whole of the list it is in, a base it names: `占预算总额的
2.1%`); a share is reported only when no reading makes it hold within rounding.
"""

from __future__ import annotations

from typing import Iterator

from budgetlint.checks.backing import narrative_ref, printed_ref
from budgetlint.checks.base import Check, Finding, discrepancy, parse_choice
from budgetlint.engine.rule import Field, Rule
from budgetlint.figures import PERCENT, Figure, render_value
from budgetlint.interval import Interval, interval_sum
from budgetlint.report.result import FigureRef
from budgetlint.understand.model import DocumentFacts
from budgetlint.understand.statements import Amount, Share

HUNDRED = Interval.exact(100)


def share_ref(share: Share) -> FigureRef:
    return printed_ref(share.rate, share.parts[0] if share.parts else None)


def readings(share: Share) -> list[tuple[Amount, Amount, Interval]]:
    """(amount, base, amount / base in %) for every way of reading the share, most likely first."""
    out = []
    for part in share.parts:
        for base in share.bases:
            if part is base or part.kind != base.kind or base.value.interval.contains_zero():
                continue
            out.append((part, base, (part.value.interval / base.value.interval).scale(100)))
    return out


class ShareCheck(Check):
    kind = "share"
    summary = "A share (占 Z%) equals its amount over its base; the shares of a complete list add to 100%."
    fields = {"check": Field(parse_choice("value", "partition"), "check each share, or the shares of a list", required=True)}
    variables = ("label", "base", "reported", "computed", "difference", "shares")
    default_message = "「{label}」占 {reported}，按 {base} 计算应为 {computed}"

    def run(self, rule: Rule, doc: DocumentFacts) -> Iterator[Finding]:
        if rule.params["check"] == "value":
            yield from self._values(doc)
        else:
            yield from self._partitions(doc)

    def _values(self, doc: DocumentFacts) -> Iterator[Finding]:
        for share in doc.narrative.shares:
            options = readings(share)
            if not options or any(expected.intersects(share.rate.interval) for _, _, expected in options):
                continue
            part, base, expected = options[0]
            finding = discrepancy(share.rate.figure, share_ref(share), expected,
                                  [narrative_ref(part), narrative_ref(base)])
            if finding:
                finding.values.update(label=part.label or part.printed_label,
                                      base=f"{base.label or base.printed_label} {base.value.text}")
                yield finding

    def _partitions(self, doc: DocumentFacts) -> Iterator[Finding]:
        for whole in doc.narrative.wholes:
            parts = [p for p in whole.parts if p.complete]
            shares = [next((s for s in doc.narrative.shares if s.parts and s.parts[0] is p and whole in s.bases), None)
                      for p in parts]
            if len(parts) < 2 or any(s is None for s in shares):
                continue
            if not interval_sum(p.value.interval for p in parts).intersects(whole.value.interval):
                continue  # the parts do not make up the whole: their shares need not either
            total = interval_sum(s.rate.interval for s in shares)
            if total.intersects(HUNDRED):
                continue
            decimals = max(2, *(s.rate.figure.decimals for s in shares))
            value = sum(s.rate.figure.value for s in shares)
            stated = Figure(text=f"{render_value(value, decimals)}%", value=value, decimals=decimals, unit=PERCENT)
            finding = discrepancy(stated, share_ref(shares[0]), HUNDRED,
                                  [share_ref(s) for s in shares[1:]] + [narrative_ref(whole)])
            if finding:
                finding.values.update(label=whole.label or whole.printed_label, base=whole.value.text,
                                      shares=" + ".join(s.rate.text for s in shares))
                yield finding
