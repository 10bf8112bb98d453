"""growth: a year-on-year change and its rate agree, in size and in direction.

`比上年增加 X 万元，增长 Y%` on a current amount C claims Y = X / (C − X): the
rate check recomputes it (with the table's figure for C where the tables print
it, which is more precise than the narrative's).  The direction check wants the
words to agree (`增加 … 下降 Y%` does not); the flat check wants `持平` to mean no
change; the zero-base check wants no rate when last year's figure was zero.
The table check wants the change to be what the table's two years show (this year's figure
less the one printed beside it for last year).  Each is reported only when no reading of the
sentence makes it hold.  A rate that is the current
figure over last year's (`24.5 万元，比上年 43.1 万元下降 56.8%`, where the fall is 43.2%) is said to be.
"""

from __future__ import annotations

import re
from typing import Iterator

from budgetlint.checks.backing import backing, last_years, narrative_ref, printed_ref
from budgetlint.checks.base import Check, Finding, discrepancy, fact_ref, parse_choice
from budgetlint.engine.rule import EVERY_QUANTITY, Field, Rule, parse_quantity_ids
from budgetlint.engine.selectors import parse_tables
from budgetlint.i18n import t
from budgetlint.interval import Interval
from budgetlint.understand.model import DocumentFacts
from budgetlint.understand.statements import Amount, Change

_WORDS = {1: "up", -1: "down", 0: "flat"}
_ROUGHLY = re.compile(r"(基本|大体|大致)(上)?([与和同跟]上年(度)?)?持平")
_BASIS = re.compile(r"预算|执行|决算")  # what of last year's a change is on (`比上年预算`)


class Growth(Check):
    kind = "growth"
    summary = "A change on last year and its rate agree (rate = change / (current − change)), in size and direction."
    fields = {
        "check": Field(parse_choice("rate", "direction", "flat", "zero-base", "table"), "which property to check",
                       required=True),
        "tables": Field(parse_tables, "where current figures are looked up by code or label", required=True),
        "quantities": Field(parse_quantity_ids, "the vocabulary to read labels with", default=EVERY_QUANTITY),
    }
    variables = ("label", "reported", "computed", "difference", "change", "current", "rate", "mistaken", "this_year",
                 "last_year", "table")
    default_message = "「{label}」{change}，增长率 {reported} 与计算值 {computed} 不符"
    default_message_en = "「{label}」 {change}: growth rate {reported} does not match the computed {computed}"

    def run(self, rule: Rule, doc: DocumentFacts) -> Iterator[Finding]:
        check = rule.params["check"]
        for change in doc.narrative.changes:
            if check == "direction":
                yield from self._direction(change)
            elif check == "table":
                yield from self._against_table(rule, doc, change)
            elif check == "flat":
                yield from self._flat(rule, doc, change)
            elif change.rate is not None and change.candidates and (change.amount or change.base):
                yield from self._rate(rule, doc, change, zero_base=check == "zero-base")

    def _current(self, rule: Rule, doc: DocumentFacts, amount: Amount) -> Interval:
        """The current figure: the table's where it agrees with the narrative, else the narrative's."""
        stated = amount.value.interval
        for figure in backing(amount, doc, rule.params["quantities"], rule.params["tables"]):
            if figure.understood and figure.interval.intersects(stated):
                return figure.interval
        return stated

    def _moves(self, rule: Rule, doc: DocumentFacts, change: Change, amount: Amount) -> tuple[Interval, Interval]:
        """The change and last year's figure, for one reading of what the change is of: the change
        as stated and the current figure less it, or the current figure less the stated base."""
        current = self._current(rule, doc, amount)
        if change.amount is not None:
            x = change.signed_amount
            return x, current - x
        base = change.base.value.interval
        return current - base, base

    def _rate(self, rule: Rule, doc: DocumentFacts, change: Change, zero_base: bool) -> Iterator[Finding]:
        stated = change.signed_rate
        options: list[tuple[Amount, Interval | None]] = []
        ratios: list[Interval | None] = []
        for amount in change.candidates:
            x, base = self._moves(rule, doc, change, amount)
            if base.contains_zero():
                if stated.contains_zero():
                    return  # nothing last year and no change this year: `增长 0%` is harmless
                options.append((amount, None))
                ratios.append(None)
                continue
            expected = (x / base).scale(100)
            if expected.intersects(stated):
                return
            options.append((amount, expected))
            ratios.append(((x + base) / base).scale(100))
        if not options:
            return
        amount, expected = options[0]
        ratio = ratios[0]
        if zero_base and expected is None and all(e is None for _, e in options):
            yield self._finding(change, amount, t("no growth rate: last year's figure is zero"), None)
        elif not zero_base and expected is not None:
            shown = expected.scale(change.rate_direction or 1)
            used = printed_ref(change.amount, amount) if change.amount else narrative_ref(change.base)
            finding = discrepancy(change.rate.figure, printed_ref(change.rate, amount), shown,
                                  [narrative_ref(amount), used])
            if finding:
                finding.values.update(self._values(change, amount))
                mistaken = ratio is not None and ratio.intersects(change.rate.interval)
                finding.values["mistaken"] = t("; the rate printed is this year's figure over last year's") if mistaken else ""
                yield finding

    def _finding(self, change: Change, amount: Amount, computed: str, difference: str | None) -> Finding:
        subject = change.rate if change.rate is not None else change.flat
        finding = Finding(subject=printed_ref(subject, amount), reported=subject.text, computed=computed,
                          difference=difference, related=(narrative_ref(amount),))
        finding.values.update(self._values(change, amount))
        return finding

    def _against_table(self, rule: Rule, doc: DocumentFacts, change: Change) -> Iterator[Finding]:
        """The change stated against the table's own two years: this year's figure less the one the
        row prints for last year (`2021年` beside `2022年`), where the sentence speaks of the same
        basis (`比上年预算` is not compared with a 执行数 column, nor the other way)."""
        if change.amount is None or not change.candidates:
            return
        said = _BASIS.findall(change.sentence.text[:change.amount.start])
        amount = change.candidates[0]  # the most likely only: `其中 A 6.51 万元，较上年减少…` is not of the whole
        readings = []
        for figure in backing(amount, doc, rule.params["quantities"], rule.params["tables"]):
            if not figure.understood or len(figure.facts) != 1 or not figure.interval.intersects(amount.value.interval):
                continue
            prior = last_years(figure.facts[0], doc.identity.year)
            if prior is None or not all(b in "".join(prior.column.path) for b in said):
                continue
            moved = figure.interval - prior.interval
            if moved.intersects(change.signed_amount):
                return
            readings.append((figure.facts[0], prior, moved))
        if not readings:
            return
        current, prior, moved = readings[0]
        direction = change.direction or 1
        finding = discrepancy(change.amount.figure, printed_ref(change.amount, amount), moved.scale(direction),
                              [fact_ref(current), fact_ref(prior)])
        if finding:
            if moved.scale(direction).hi < 0:  # the table moves the other way: say so in words, not with a sign
                finding.computed = f"{t(_WORDS[-direction])} {finding.computed.lstrip('-')}"
            finding.values.update(self._values(change, amount))
            finding.values.update(this_year=current.figure.text, last_year=prior.figure.text, table=current.table.name)
            yield finding

    def _values(self, change: Change, amount: Amount) -> dict:
        if change.amount is None and change.base is not None:
            words = t("from {base} to {current}", base=change.base.value.text, current=amount.value.text)
        else:
            words = t(_WORDS[change.direction]) + (f" {change.amount.text}" if change.amount else "")
        rate = t("rate of decline") if (change.rate_direction or change.direction) < 0 else t("growth rate")
        return {"label": amount.title, "change": words, "current": amount.value.text, "rate": rate}

    def _direction(self, change: Change) -> Iterator[Finding]:
        if not (change.amount and change.rate and change.direction and change.rate_direction):
            return
        if change.direction == change.rate_direction:
            return
        if change.amount.interval.contains_zero() and change.rate.interval.contains_zero():
            return
        amount = change.candidates[0] if change.candidates else None
        finding = Finding(subject=printed_ref(change.rate, amount), reported=change.rate.text,
                          computed=t("{direction} (as the change of {amount} says)",
                                     direction=t(_WORDS[change.direction]), amount=change.amount.text),
                          related=(printed_ref(change.amount),))
        if amount is not None:
            finding.values.update(self._values(change, amount))
        yield finding

    def _flat(self, rule: Rule, doc: DocumentFacts, change: Change) -> Iterator[Finding]:
        if change.flat is None or _ROUGHLY.search(change.sentence.text):
            return  # `基本与上年持平`: a small change is roughly flat
        moved = [p for p in (change.amount, change.rate) if p is not None and not p.interval.contains_zero()]
        about = change.candidates[0] if change.candidates else None
        if moved:
            computed = t("{direction} {amount}", direction=t(_WORDS[change.direction or 1]), amount=moved[0].text)
            related = [printed_ref(p) for p in moved]
        elif change.base is not None and about is not None:
            x = [self._moves(rule, doc, change, a)[0] for a in change.candidates]
            if any(d.contains_zero() for d in x):
                return
            difference, figure = x[0].mid, change.base.value.figure
            computed = t("{base} and {current} ({direction} {change})", base=change.base.value.text,
                         current=about.value.text, direction=t(_WORDS[1 if difference > 0 else -1]),
                         change=f"{figure.render(abs(difference))}{figure.unit}")
            related = [narrative_ref(change.base), narrative_ref(about)]
        else:
            return
        finding = Finding(subject=printed_ref(change.flat, about), reported=change.flat.text, computed=computed,
                          related=tuple(related))
        if about is not None:
            finding.values.update(self._values(change, about))
        yield finding
