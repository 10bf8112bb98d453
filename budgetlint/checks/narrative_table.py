"""narrative-vs-table: an amount the narrative states equals the table figure it names.

``by: code`` checks amounts printed with a subject code, ``by: quantity`` amounts
whose label the vocabulary knows (收入总计, 基本支出, 公务接待费 …), ``by: label``
the others whose label is a table row's (城乡医疗救助).  Units differ (万元 in the
text, 元 in the tables): the comparison is on intervals, so `9.9 万元` agrees with
`98593` 元.  An amount agrees when any figure backing it agrees.
"""

from __future__ import annotations

from fractions import Fraction
from functools import lru_cache
from typing import Iterator

from budgetlint.checks.backing import TableFigure, by_code, by_label, by_quantity, last_years, narrative_ref
from budgetlint.checks.base import Agreement, Check, Finding, discrepancy, parse_bool_field, parse_choice
from budgetlint.engine.rule import EVERY_QUANTITY, Field, Rule, parse_quantity_ids
from budgetlint.engine.selectors import TableSelector, parse_tables
from budgetlint.figures import Unit
from budgetlint.i18n import t
from budgetlint.interval import Interval
from budgetlint.understand.model import DocumentFacts
from budgetlint.understand.statements import Amount, Printed


def near(printed: Printed, table: TableFigure) -> Interval:
    """What a narrative figure may stand for against a table figure printed to more decimals: its
    rounding, and one unit of its last digit either way — writers cut figures off, or add up
    figures they had rounded (`2036.82 万元` for 2,036.812545 万元 is no error a reader would
    report)."""
    figure, stated = printed.figure, printed.interval
    finer = any(not f.blank and f.figure.decimals - figure.decimals > exponent(f.figure.unit, figure.unit)
                for f in table.facts)
    if not finer or figure.decimals < 0:
        return stated
    return stated + _last_digit(figure.decimals, figure.unit)


@lru_cache(maxsize=None)
def _last_digit(decimals: int, unit: Unit) -> Interval:
    """± one unit of the last digit of a figure with ``decimals`` decimals in ``unit``."""
    step = Fraction(1, 10**decimals) * unit.scale
    return Interval(-step, step)


@lru_cache(maxsize=None)
def exponent(finer: Unit, coarser: Unit) -> int:
    """How many decimals of ``coarser`` one decimal place of ``finer`` makes up for (元 against 万元: -4)."""
    ratio = Fraction(finer.scale) / Fraction(coarser.scale)
    n = 0
    while ratio >= 10:
        ratio /= 10
        n += 1
    while ratio < 1:
        ratio *= 10
        n -= 1
    return n


def against_tables(amount: Amount, every: list[TableFigure]) -> Agreement | Finding | None:
    """An amount against the table figures that may back it: an agreement when one of them agrees,
    a finding (its computed figure the closest) when every one was understood and none agrees, and
    nothing when none was understood or the one it may have meant was not (a disagreement is not known)."""
    figures = [f for f in every if f.understood]
    if not figures:
        return None
    agreeing = [f for f in figures if f.interval.intersects(near(amount.value, f))]
    if agreeing:
        return Agreement(tuple(fact for f in agreeing for fact in f.facts))
    if len(figures) < len(every):
        return None
    closest = min(figures, key=lambda f: (f.part, f.interval.gap(amount.value.interval)))
    related = [ref for f in figures if not f.part for ref in f.refs]
    return discrepancy(amount.value.figure, narrative_ref(amount), closest.interval, related)


class NarrativeVsTable(Check):
    kind = "narrative-vs-table"
    summary = "An amount stated in the narrative equals the table figure it names (by code, quantity or label)."
    fields = {
        "by": Field(parse_choice("code", "quantity", "label"), "how the amount names its table figure", required=True),
        "tables": Field(parse_tables, "the tables to look in for codes and row labels", required=True),
        "quantities": Field(parse_quantity_ids, "the vocabulary to read labels with", default=EVERY_QUANTITY),
        "unless_named_in": Field(parse_tables, "tables whose rows a label may name instead (a project named "
                                 "`物业管理费`): a label naming one of their rows is not compared"),
        "leading": Field(parse_bool_field, "compare only amounts that open their paragraph (a project listed as "
                         "`2.物业管理费 134.09 万元，主要用于…`, not an item inside another's account)", default=False),
    }
    variables = ("label", "code", "reported", "computed", "difference", "table", "mistaken")
    default_message = "说明中「{label}」{reported}，表中为 {computed}（{table}）"
    default_message_en = "the narrative gives 「{label}」 as {reported}, the table as {computed} (「{table}」)"

    @staticmethod
    def figures(rule: Rule, doc: DocumentFacts, amount: Amount) -> list[TableFigure]:
        """The table figures this rule compares an amount with (none: the rule does not check it)."""
        by, tables, vocabulary = rule.params["by"], rule.params["tables"], rule.params["quantities"]
        if amount.kind != "money" or amount.prior or amount.basis == "budget":
            return []  # a count, last year's figure or a 决算's 年初预算: the tables print this year's outturn
        if by == "code":
            return by_code(amount, doc, tables)
        if amount.code is not None:
            return []
        if by == "quantity":
            return by_quantity(amount, doc, vocabulary)
        if vocabulary.classify(amount) is not None or _names_a_row(amount, doc, rule.params.get("unless_named_in")):
            return []
        return by_label(amount, doc, tables, vocabulary)

    def run(self, rule: Rule, doc: DocumentFacts) -> Iterator[Finding]:
        opening = _opening(doc) if rule.params["leading"] else None
        for amount in doc.narrative.amounts:
            if opening is not None and amount not in opening:
                continue
            every = self.figures(rule, doc, amount)
            settled = against_tables(amount, every)
            if not isinstance(settled, Finding):
                if settled is not None:
                    yield settled
                continue
            finding, figures = settled, [f for f in every if f.understood]
            finding.values.update(label=amount.title,
                                  code=amount.code.digits if amount.code else "",
                                  table="、".join(dict.fromkeys(f.table.name for f in figures)),
                                  mistaken=t("; the figure printed is last year's") if _last_years(amount, figures, doc)
                                  else "")
            yield finding


def _names_a_row(amount: Amount, doc: DocumentFacts, tables: TableSelector | None) -> bool:
    """Whether the amount's label is the name of a row of ``tables``: `2.物业管理费 134.09 万元` in a
    list of projects is the project of that name, not the subject 30209 物业管理费."""
    return tables is not None and any(e.key == amount.label and not e.is_total
                                      for t in tables.select(doc) for g in t.groups for e in g.entries)


def _last_years(amount: Amount, figures: list[TableFigure], doc: DocumentFacts) -> bool:
    """Whether the amount stated is the figure of last year that the compared row prints beside
    this year's (a `上年预算数` or `2025年预算数` column): last year's text left in."""
    for figure in figures:
        prior = last_years(figure.facts[0], doc.identity.year) if len(figure.facts) == 1 else None
        if prior is not None and prior.interval.intersects(near(amount.value, TableFigure((prior,), figure.table))):
            return True
    return False


def _opening(doc: DocumentFacts) -> set[Amount]:
    """The amounts that are the first of their paragraph."""
    first: dict[int, Amount] = {}
    for amount in doc.narrative.amounts:
        first.setdefault(id(amount.value.sentence.passage), amount)
    return set(first.values())
