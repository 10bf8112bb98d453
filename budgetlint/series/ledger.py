"""A disclosure's figures as other disclosures can see them: the ledger a series compares.

Cross-document rules (:mod:`budgetlint.series`) run after every disclosure was checked, often in
another process, so they cannot look at a disclosure's facts.  Each check leaves a *ledger*: the
figures of its understood tables, each under a key that names it the same way in every
disclosure of a template family — (table kind, row, column): the row by its subject code where it
has one (`2040501`), else by its label key (`基本支出`); the column by the quantity it holds, without
year words, and a row's whole amount as `合计` however it is headed (`2025年预算数`, `本年预算数`,
`金额`, `支出/支出用途/金额`, `合计`: a later year's template heads it differently, and puts last
year's beside it).

A posting is this year's figure (``year`` 0) or one the disclosure states for last year (``year``
−1): a `上年预算数` column, or what a narrative's change implies (`公共安全支出 26200.88 万元，与上年相比
增加 2687.77 万元` says last year's was 23513.11).  A narrative figure is posted only under the
keys of the table figures it agrees with, as the narrative check reads them: a sentence the
tables do not confirm says nothing about last year's disclosure.  Only understood tables give
postings (the consensus reading decided what each figure is).
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache
from typing import Iterator

from budgetlint.checks.backing import YEAR_WORDS, backing, printed_ref
from budgetlint.checks.base import fact_ref
from budgetlint.engine.quantities import Vocabulary
from budgetlint.figures import render_value
from budgetlint.engine.selectors import CHANGE_HEADING, PRIOR_HEADING, TableSelector
from budgetlint.report.result import Key, Posting
from budgetlint.understand.model import Column, DocumentFacts, Fact, Role
from budgetlint.understand.statements import Amount, Change

_YEAR = re.compile(r"((?:19|20)\d\d)年度?")
_NOT_BUDGET = re.compile(r"执行|决算|实际|调整")  # `比2025年预算执行数增加`: not last year's budget as printed
_REASON = re.compile(r"原因|由于|因为")  # `主要原因是基本支出增加 1447.63 万元`: a part's change, not the total's
_EVERY_TABLE = TableSelector()
_COMPARISON_WORDS = 24  # characters before a change that may say what it is on
ANY = ""  # a key's table kind or column that matches any (a narrative amount's name, not its cell)
TOTAL = "合计"  # the column of a row's whole amount, however a year's template heads it
_AMOUNT_WORDS = frozenset({"", "预算数", "预算", "金额", "预算金额", "合计", "总计", "小计"})


def ledger(doc: DocumentFacts, vocabulary: Vocabulary) -> tuple[Posting, ...]:
    """Every figure of the understood tables, and last year's figures the narrative's changes imply."""
    return tuple(_table_postings(doc)) + tuple(_change_postings(doc, vocabulary))


def key_of(fact: Fact) -> Key | None:
    """How a table figure is named in every disclosure; ``None`` when its row has no name to match."""
    kind = fact.table.kind
    row = fact.entry.code.digits if fact.entry.code and not fact.entry.code.inferred else fact.entry.key
    if kind is None or not row:
        return None
    return kind.id, row, _column_key(fact.column)


@lru_cache(maxsize=4096)
def _column_key(column: Column) -> str:
    """A column's name in every year's template (cached: asked of every figure under it)."""
    name = YEAR_WORDS.sub("", column.name)
    return TOTAL if name in _AMOUNT_WORDS or column.is_total else name


@lru_cache(maxsize=4096)
def year_of(column: Column, year: int | None) -> int | None:
    """0 for this year's column, −1 for last year's budget, ``None`` for a change, another year's, or
    last year's outturn (`上年执行数`, `2025年决算数`: not what last year's budget printed)."""
    path = "".join(column.path)
    if CHANGE_HEADING.search(path):
        return None
    named = [int(y) for y in _YEAR.findall(path)]
    if PRIOR_HEADING.search(path) or (named and year is not None and max(named) == year - 1):
        return None if _NOT_BUDGET.search(path) else -1
    return 0 if not named or max(named) == year else None


def _table_postings(doc: DocumentFacts) -> Iterator[Posting]:
    for table in doc.tables:
        if not table.understood:
            continue
        for fact in table.facts:
            if fact.column.role is not Role.VALUE or fact.figure.unit.dimension != "money":
                continue
            key, year = key_of(fact), year_of(fact.column, doc.identity.year)
            if key is not None and year is not None:
                yield Posting((key,), fact.figure, fact.interval, fact_ref(fact, heading=False), year,
                              names=(fact.entry.key,))


def _change_postings(doc: DocumentFacts, vocabulary: Vocabulary) -> Iterator[Posting]:
    for _, posting, _ in last_years(doc, vocabulary):
        if posting is not None:
            yield posting


def last_years(doc: DocumentFacts, vocabulary: Vocabulary) -> Iterator[tuple[Change, Posting | None, str]]:
    """Each change the narrative states with an amount, the last year's figure it implies (``None``
    where it cannot be matched with confidence) and why not (``budgetlint extract`` shows them)."""
    for change in doc.narrative.changes:
        if change.amount is not None:
            posting, why = _last_years(change, doc, vocabulary)
            yield change, posting, why


def _comparison(change: Change) -> str:
    """The words that say what the change is on (`，比2025年预算执行数增加`): from the amount it is of, in
    its sentence, to the change (not the amount's own name: `…执行等检察监督支出 1,895万元，与上年相比减少`)."""
    amount = change.candidates[0].value
    start = amount.end if amount.sentence is change.sentence and amount.end <= change.amount.start else 0
    return change.sentence.text[max(start, change.amount.start - _COMPARISON_WORDS): change.amount.start]


def _right_before(amount: Amount, change: Change, doc: DocumentFacts) -> bool:
    """Whether the amount is the last one stated before the change in its sentence (`1.行政运行(项)支出
    10,883.36 万元，与上年相比增加 2,915.22 万元`): the change is of it, not of the list's whole."""
    start = change.amount.start if change.amount else 0
    if amount.value.sentence is not change.sentence or amount.value.end > start:
        return False
    return not any(other.value.sentence is change.sentence and amount.value.end <= other.value.start < start
                   for other in doc.narrative.amounts if other is not amount)


def _last_years(change: Change, doc: DocumentFacts, vocabulary: Vocabulary) -> tuple[Posting | None, str]:
    """Last year's figure a change implies (this year's amount less the change), under the keys of
    the table figures the amount agrees with; or why there is none."""
    assert change.amount is not None
    if not change.candidates:
        return None, "the change names no amount"
    if len(change.candidates) > 1 and not _right_before(change.candidates[0], change, doc):
        return None, "the change may be of several amounts"
    if _NOT_BUDGET.search(_comparison(change)):
        return None, "the change is on last year's outturn, not its budget"
    if _REASON.search(change.subject):
        return None, "the change is given as a reason: it is a part's"
    amount = change.candidates[0]
    if amount.kind != "money" or amount.prior:
        return None, "the amount is not this year's money"
    named: dict[Key, str] = {}
    for figure in backing(amount, doc, vocabulary, _EVERY_TABLE):
        if figure.understood and len(figure.facts) == 1 and figure.interval.intersects(amount.value.interval):
            fact = figure.facts[0]
            key = key_of(fact)
            if key is not None and year_of(fact.column, doc.identity.year) == 0:
                named.setdefault(key, fact.entry.key)
    if not named:
        return None, "no understood table figure agrees with the amount"
    if amount.label:  # the same name may be read from another table last year (基本支出: all funds, or 财政拨款's)
        named.setdefault((ANY, amount.label, ANY), amount.label)
    printed = amount.value.figure
    implied = amount.value.interval - change.signed_amount
    value = implied.mid / printed.unit.scale
    decimals = max(printed.decimals, change.amount.figure.decimals)  # 3,666 − 21.8 is 3,644.2
    text = render_value(value, decimals, printed.grouped) + printed.unit.name
    figure = replace(printed, text=text, value=value, decimals=decimals)
    sign = "−" if change.direction >= 0 else "+"
    return Posting(tuple(named), figure, implied, printed_ref(change.amount, amount), -1,
                   f"{amount.value.text} {sign} {change.amount.text}", tuple(named.values())), ""
