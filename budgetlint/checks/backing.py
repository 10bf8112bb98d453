"""Where the tables back a narrative amount: by subject code, by quantity, or by row label.

`事业单位医疗（2101102）9.9 万元` is backed by the 2101102 row (or the rows under a
类/款 code); `基本支出 584.50 万元` by the cells the vocabulary names for 基本支出;
`城乡医疗救助 1784 万元` by a table row labelled 城乡医疗救助.  A narrative amount
agrees with the tables when it agrees with any figure that backs it: the same
quantity is often printed in several tables, some with other funds included.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from budgetlint.checks.base import fact_ref, table_ref
from budgetlint.checks.lookup import code_value, table_code_value
from budgetlint.engine.quantities import Vocabulary
from budgetlint.engine.selectors import TOTAL, ColumnSelector, TableSelector, total_column
from budgetlint.interval import Interval, interval_sum
from budgetlint.report.result import FigureRef
from budgetlint.understand.model import DocumentFacts, Fact, TableFacts
from budgetlint.understand.rows import total_rank
from budgetlint.understand.statements import Amount, Printed

_TOTAL_COLUMN = ColumnSelector((TOTAL,))
YEAR_WORDS = re.compile(r"(19|20)\d\d年度?|当年|本年度?|上一?年度?|去年")


@dataclass(frozen=True)
class TableFigure:
    """A figure the tables print for an amount: one cell, or the cells under a code (none: zero)."""

    facts: tuple[Fact, ...]
    table: TableFacts
    part: bool = False  # a column of the row other than its total (the 基本支出 or 项目支出 of a subject)

    @property
    def interval(self) -> Interval:
        return interval_sum(f.interval for f in self.facts)

    @property
    def understood(self) -> bool:
        """Whether its table was understood: a figure of a table whose sums do not hold under any
        reading may have been read from the wrong row or column, and proves nothing either way."""
        return self.table.understood

    @property
    def refs(self) -> list[FigureRef]:
        return [fact_ref(f) for f in self.facts if not f.blank] or [table_ref(self.table)]


def by_code(amount: Amount, doc: DocumentFacts, tables: TableSelector) -> list[TableFigure]:
    """The code's total in each table, and its figure in each other value column: a narrative
    listing a subject under `（3）专项业务经费：` gives the row's 专项 figure, not its total."""
    if amount.code is None:
        return []
    out = []
    for table in tables.select(doc):
        facts = table_code_value(table, _TOTAL_COLUMN, amount.code.digits)
        if facts is None:
            continue
        out.append(TableFigure(tuple(facts), table))
        for group in table.groups if facts else ():
            total = total_column(group)
            for column in group.value_columns:
                if column is not total:
                    part = code_value(group, column.index, amount.code.digits)
                    if part:
                        out.append(TableFigure(tuple(part), table, part=True))
    return out


def by_quantity(amount: Amount, doc: DocumentFacts, vocabulary: Vocabulary) -> list[TableFigure]:
    quantity = vocabulary.classify(amount)
    if quantity is None:
        return []
    return [TableFigure(reading, reading[0].table) for reading in quantity.readings(doc)]


def by_label(amount: Amount, doc: DocumentFacts, tables: TableSelector, vocabulary: Vocabulary) -> list[TableFigure]:
    if len(amount.label) < 2 or total_rank(amount.label):
        return []
    if (amount.whole is not None and not amount.complete and amount.whole.code is None
            and vocabulary.classify(amount.whole) is None):
        return []  # `综合管理 367.65 万元，主要包括：…行政运行 85.04 万元`: a project's own 行政运行, not the subject
    return list(_rows_by_label(doc, tables.select(doc)).get(amount.label, ()))


def _rows_by_label(doc: DocumentFacts, tables: list[TableFacts]) -> dict[str, list[TableFigure]]:
    """Each row label's total figures in ``tables``, in the tables' order, found once per document
    (a narrative's amounts are many; each is looked up, not compared with every row)."""
    key = ("rows by label", tuple(id(t) for t in tables))
    if key not in doc.memo:
        index: dict[str, list[TableFigure]] = {}
        for table in tables:
            for group in table.groups:
                column = total_column(group)
                if column is None:
                    continue
                for entry in group.entries:
                    fact = entry.cells.get(column.index)
                    if not entry.is_total and fact is not None:
                        index.setdefault(entry.key, []).append(TableFigure((fact,), table))
        doc.memo[key] = index
    return doc.memo[key]


def backing(amount: Amount, doc: DocumentFacts, vocabulary: Vocabulary, tables: TableSelector) -> list[TableFigure]:
    """The table figures for an amount, by the strongest evidence it carries (from every table that
    prints it, understood or not: see :attr:`TableFigure.understood`)."""
    if amount.code is not None:
        return by_code(amount, doc, tables)
    return by_quantity(amount, doc, vocabulary) or by_label(amount, doc, tables, vocabulary)


def narrative_ref(amount: Amount) -> FigureRef:
    return FigureRef(location=amount.location, text=amount.value.text, row=amount.title)


def printed_ref(printed: Printed, about: Amount | None = None) -> FigureRef:
    """A narrative figure (a rate, a share, a change) named by the amount it is about."""
    row = about.title if about is not None else None
    return FigureRef(location=printed.location, text=printed.text, row=row or None)


def last_years(fact: Fact, year: int | None) -> Fact | None:
    """The figure the row prints for last year beside ``fact``: the column whose heading is the
    same but for its year (`2021年/…/小计` beside `2022年/…/小计`, `上年预算数` beside `本年预算数`)."""
    prior = ("上年", "上一年", "去年") + ((f"{year - 1}年",) if year else ())

    def yearless(path: tuple[str, ...]) -> tuple[str, ...]:
        return tuple(YEAR_WORDS.sub("", k) for k in path)

    if any(w in k for k in fact.column.path for w in prior):
        return None  # the fact is itself last year's
    own = yearless(fact.column.path)
    for other in fact.entry.cells.values():
        if (other is not fact and not other.blank and yearless(other.column.path) == own
                and any(w in k for k in other.column.path for w in prior)):
            return other
    return None
