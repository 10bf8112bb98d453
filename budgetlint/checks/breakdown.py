"""breakdown: a total the narrative breaks down (`X，其中：A …、B …`) equals its parts.

A rule names the total and the parts by quantity (基本支出 = 人员经费 + 公用经费;
三公 = 出国 + 接待 + 公务用车; 编制 = 行政编制 + 事业编制 …), or asks for coded
parts (`其中：（1）…（2080505）24.27 万元 …`: items of one classification level).
It applies only where every listed part is one of its parts, in a list that
claims to be complete (`其中`, not `主要用于`).  With ``changes: true`` the
parts' changes on last year must also add up to the total's.  An ``open`` total's list
may name only some of its parts: it is reported only where they add up to more.
"""

from __future__ import annotations

from typing import Iterator

from budgetlint.checks.backing import narrative_ref, printed_ref
from budgetlint.checks.base import Check, Finding, discrepancy, parse_bool_field
from budgetlint.engine.quantities import Quantity, Vocabulary
from budgetlint.engine.rule import EVERY_QUANTITY, NO_QUANTITY, Field, Rule, parse_quantity_ids
from budgetlint.interval import Interval, interval_sum
from budgetlint.understand.model import DocumentFacts
from budgetlint.understand.statements import Amount, Change

CODED = "coded"


def _parts(value) -> object:
    return CODED if value == CODED else parse_quantity_ids(value)


def _same_level_codes(parts: list[Amount]) -> bool:
    codes = [p.code for p in parts]
    if any(c is None for c in codes):
        return False
    return len({(c.scheme, len(c.digits)) for c in codes}) == 1  # type: ignore[union-attr]


def _change_of(amount: Amount, amounts: list[Amount], vocabulary: Vocabulary) -> Change | None:
    """The amount's change on last year, or that of the same quantity stated elsewhere with the same value."""
    own = [c for c in amount.changes if c.amount is not None]
    if own:
        return own[0]
    quantity = vocabulary.classify(amount)
    for other in amounts:
        if other is not amount and quantity and vocabulary.classify(other) is quantity \
                and other.value.interval.intersects(amount.value.interval):
            found = [c for c in other.changes if c.amount is not None]
            if found:
                return found[0]
    return None


class Breakdown(Check):
    kind = "breakdown"
    summary = "A total the narrative breaks down into listed parts equals their sum (and so do their changes)."
    fields = {
        "total": Field(parse_quantity_ids, "the quantity (or quantities) broken down", required=True),
        "parts": Field(_parts, "the quantities that make it up, or 'coded' for items of one code level", required=True),
        "changes": Field(parse_bool_field, "also add up the parts' changes on last year", default=False),
        "open": Field(parse_quantity_ids, "totals whose list may leave parts out (预算支出 by fiscal fund: "
                      "money of other sources unnamed): reported only where the parts exceed them", default=NO_QUANTITY),
        "quantities": Field(parse_quantity_ids, "the vocabulary to read labels with", default=EVERY_QUANTITY),
    }
    variables = ("label", "reported", "computed", "difference", "parts", "count")
    default_message = "「{label}」{reported}，所列{count}项（{parts}）相加为 {computed}"
    default_message_en = "「{label}」 {reported}, but the {count} parts listed ({parts}) add up to {computed}"

    def run(self, rule: Rule, doc: DocumentFacts) -> Iterator[Finding]:
        vocabulary: Vocabulary = rule.params["quantities"]
        totals: tuple[Quantity, ...] = rule.params["total"]
        for whole in doc.narrative.wholes:
            if not all(p.complete for p in whole.parts) or vocabulary.classify(whole) not in totals:
                continue
            parts = self._listed_parts(rule, whole.parts, vocabulary)
            if not parts:
                continue
            if rule.params["changes"]:
                yield from self._changes(whole, parts, doc, vocabulary)
            else:
                summed = interval_sum(p.value.interval for p in parts)
                if vocabulary.classify(whole) in rule.params["open"] and summed.lo <= whole.value.interval.hi:
                    continue  # short of an open total: the money of the sources it does not name
                finding = discrepancy(whole.value.figure, narrative_ref(whole), summed,
                                      [narrative_ref(p) for p in parts], peers=[p.value.figure for p in parts])
                if finding:
                    yield self._named(finding, whole, parts)

    def _changes(self, whole: Amount, parts: list[Amount], doc: DocumentFacts, vocabulary: Vocabulary) -> Iterator[Finding]:
        total = _change_of(whole, doc.narrative.amounts, vocabulary)
        changes = [_change_of(p, [], vocabulary) for p in parts]
        if total is None or any(c is None for c in changes):
            return
        summed = Interval.exact(0)
        for c in changes:
            summed = summed + c.signed_amount  # type: ignore[union-attr, operator]
        stated = total.signed_amount
        if stated is None or stated.intersects(summed):
            return
        figure = total.amount.figure  # type: ignore[union-attr]
        shown = summed.scale(total.direction or 1)
        finding = discrepancy(figure, printed_ref(total.amount, whole), shown,
                              [printed_ref(c.amount, p) for c, p in zip(changes, parts)])  # type: ignore[union-attr]
        if finding:
            yield self._named(finding, whole, parts)

    @staticmethod
    def _listed_parts(rule: Rule, listed: list[Amount], vocabulary: Vocabulary) -> list[Amount]:
        """The parts this rule adds up: the list up to the first `；` stretch it does not know.

        `编制 24 人，其中行政编制 0 人、事业编制 24 人；实有人员 22 人，其中…` lists 编制's
        parts, then goes on to another subject after the `；`.  One known part before such a
        stretch is no list: `其中：因公出国（境）经费 0 万元…；公务接待费费 6.51 万元…` goes on
        with parts it misnames, not with another subject.
        """
        def known(part: Amount) -> bool:
            if rule.params["parts"] == CODED:
                return part.code is not None
            return vocabulary.classify(part) in rule.params["parts"]

        parts: list[Amount] = []
        for segment in dict.fromkeys(p.segment for p in listed):
            stretch = [p for p in listed if p.segment == segment]
            if not all(known(p) for p in stretch):
                if len(parts) < 2:
                    return []
                break
            parts.extend(stretch)
        if rule.params["parts"] == CODED and not _same_level_codes(parts):
            return []
        return parts

    @staticmethod
    def _named(finding: Finding, whole: Amount, parts: list[Amount]) -> Finding:
        finding.values.update(label=whole.title, count=len(parts),
                              parts="、".join(p.title for p in parts))
        return finding
