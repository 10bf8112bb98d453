"""share: `占 Z%` equals the amount over its base, and the shares of a complete list add to 100.

Which amount and which base a share speaks of is read from the sentence (the amount
just before it, the whole of the list it is in, a base it names: `占预算总额的
2.1%`); a share is reported only when no reading makes it hold within rounding.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator

from budgetlint.checks.backing import narrative_ref, printed_ref
from budgetlint.checks.base import Check, Finding, discrepancy, fact_ref, parse_choice
from budgetlint.engine.quantities import Quantity, Vocabulary
from budgetlint.engine.rule import EVERY_QUANTITY, NO_QUANTITY, Field, Rule, parse_quantity_ids
from budgetlint.figures import PERCENT, Figure, render_value
from budgetlint.i18n import t
from budgetlint.interval import Interval, interval_sum
from budgetlint.report.result import FigureRef
from budgetlint.understand.model import DocumentFacts
from budgetlint.understand.statements import Amount, Share

HUNDRED = Interval.exact(100)


def share_ref(share: Share) -> FigureRef:
    return printed_ref(share.rate, share.parts[0] if share.parts else None)


@dataclass(frozen=True)
class Reading:
    """One way of reading a share: this amount over this base."""

    part: Amount
    base: str  # how messages name the base
    expected: Interval  # part / base, in %
    related: tuple[FigureRef, ...]


def readings(share: Share, doc: DocumentFacts, vocabulary: Vocabulary) -> list[Reading]:
    """Every way of reading the share, most likely first.  A base the sentence names but does
    not state (`占“三公”经费的 45.43%`) is the tables' figure for it, where the vocabulary
    knows the name; the sentence's other amounts are not guesses for it then."""
    bases = [(f"{b.title} {b.value.text}", b.value.interval, narrative_ref(b), b)
             for b in share.bases]
    quantity = vocabulary.named(share.base_label) if share.base_label and not share.named else None
    cells = quantity.cells(doc) if quantity is not None else []
    if cells:
        if not all(f.table.understood for f in cells):
            return []  # the base is in a table that was not understood: the share cannot be worked out
        bases = [(f"{quantity.name}（{f.table.name}）{f.figure.text}", f.interval, fact_ref(f), None) for f in cells]
    out = []
    for part in share.parts:
        for name, interval, ref, amount in bases:
            if part is amount or (amount is not None and part.kind != amount.kind) or interval.contains_zero():
                continue
            out.append(Reading(part, name, (part.value.interval / interval).scale(100), (narrative_ref(part), ref)))
    return out


def _base_it_is_of(part: Amount, stated: Interval, doc: DocumentFacts, totals: tuple[Quantity, ...],
                   vocabulary: Vocabulary) -> str | None:
    """The total the printed share is of, where it is another than the base read: `占部门支出总额的
    22%` that is 22% of the 财政拨款 only.  A total is taken as printed in the tables (understood
    ones) or stated in the narrative."""
    amount = part.value.interval
    # the bases that give the stated share, worked out once: each total is then compared, not divided by
    bases = Interval(amount.lo * 100 / stated.hi, amount.hi * 100 / stated.lo) if amount.lo > 0 and stated.lo > 0 else None
    for quantity in totals:
        values = [v for stating, v in _totals_printed(quantity, doc, vocabulary) if stating is not part]
        if any(v.intersects(bases) if bases is not None and v.lo > 0 else (amount / v).scale(100).intersects(stated)
               for v in values):
            return quantity.name
    return None


def _totals_printed(quantity: Quantity, doc: DocumentFacts, vocabulary: Vocabulary) -> list[tuple[Amount | None, Interval]]:
    """Every non-zero value of ``quantity`` the document prints, in an understood table (no amount) or in
    the narrative (with its amount), found once per document: each share that does not hold asks."""
    key = ("share totals", quantity.id)
    if key not in doc.memo:
        printed = [(None, f.interval) for f in quantity.cells(doc) if f.table.understood]
        printed += [(a, a.value.interval) for a in doc.narrative.amounts if vocabulary.classify(a) is quantity]
        doc.memo[key] = [(amount, v) for amount, v in printed if not v.contains_zero()]
    return doc.memo[key]


def _made_to_add_up(share: Share, shares: list[Share]) -> bool:
    """Whether a share is one of a sentence's list of shares of one base that add up to exactly
    100% as printed: agencies nudge a share by its last digit so that they do."""
    def base(s: Share) -> object:
        return (s.rate.sentence.passage, s.base_label) if s.base_label else (s.bases[0] if s.bases else s)

    same = [s for s in shares if base(s) == base(share)]
    return len(same) >= 2 and sum(s.rate.figure.value for s in same) == 100


class ShareCheck(Check):
    kind = "share"
    summary = "A share (占 Z%) equals its amount over its base; the shares of a complete list add to 100%."
    fields = {
        "check": Field(parse_choice("value", "partition"), "check each share, or the shares of a list", required=True),
        "quantities": Field(parse_quantity_ids, "the vocabulary that names a base stated only in the tables",
                            default=EVERY_QUANTITY),
        "other_bases": Field(parse_quantity_ids, "totals a share that does not hold may have been computed on "
                             "instead (the message then says which)", default=NO_QUANTITY),
    }
    variables = ("label", "base", "reported", "computed", "difference", "shares", "mistaken")
    default_message = "「{label}」占 {reported}，按 {base} 计算应为 {computed}"
    default_message_en = "「{label}」 share {reported}, computed from {base} it is {computed}"

    def run(self, rule: Rule, doc: DocumentFacts) -> Iterator[Finding]:
        if rule.params["check"] == "value":
            yield from self._values(rule, doc)
        else:
            yield from self._partitions(doc)

    def _values(self, rule: Rule, doc: DocumentFacts) -> Iterator[Finding]:
        for share in doc.narrative.shares:
            options = readings(share, doc, rule.params["quantities"])
            stated = share.rate.figure.rate_interval
            if _made_to_add_up(share, doc.narrative.shares):  # one digit's nudge so the list adds to 100%
                step = share.rate.figure.interval.hi - share.rate.figure.interval.lo
                stated = Interval(stated.lo - step, stated.hi + step)
            if not options or any(o.expected.intersects(stated) for o in options):
                continue
            best = options[0]
            finding = discrepancy(share.rate.figure, share_ref(share), best.expected, best.related)
            if finding:
                other = _base_it_is_of(best.part, stated, doc, rule.params["other_bases"], rule.params["quantities"])
                finding.values.update(label=best.part.title, base=best.base,
                                      mistaken=t("; the share printed is of {base}", base=other) if other else "")
                yield finding

    def _partitions(self, doc: DocumentFacts) -> Iterator[Finding]:
        for whole in doc.narrative.wholes:
            parts = [p for p in whole.parts if p.complete]
            shares = [next((s for s in doc.narrative.shares if s.parts and s.parts[0] is p and whole in s.bases), None)
                      for p in parts]
            if len(parts) < 2 or any(s is None for s in shares) or whole.value.interval.contains_zero():
                continue  # a whole of 0: its parts' shares are no shares of anything
            if not interval_sum(p.value.interval for p in parts).intersects(whole.value.interval):
                continue  # the parts do not make up the whole: their shares need not either
            total = interval_sum(s.rate.figure.rate_interval for s in shares)
            if total.intersects(HUNDRED):
                continue
            decimals = max(2, *(s.rate.figure.decimals for s in shares))
            value = sum(s.rate.figure.value for s in shares)
            stated = Figure(text=f"{render_value(value, decimals)}%", value=value, decimals=decimals, unit=PERCENT)
            finding = discrepancy(stated, share_ref(shares[0]), HUNDRED,
                                  [share_ref(s) for s in shares[1:]] + [narrative_ref(whole)])
            if finding:
                finding.values.update(label=whole.title, base=whole.value.text,
                                      shares=" + ".join(s.rate.text for s in shares))
                yield finding
