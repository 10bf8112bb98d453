"""cross-table: the same quantity printed in two tables agrees.

Each side names tables, and within them a row and a column (by default the
total row and the total column).  With ``match: code`` the left side gives one
figure per subject code and the right side the figure for the same code: the
row with that code, or the sum of the rows under it (a 类 on the left against
项 rows on the right).  ``relation: "<="`` allows the left figure to be smaller
(一般公共预算 is part of all funds).  ``first: true`` on a side takes only the
first kind in its list that the document has; ``combine: true`` adds up the
figures of all its tables (财政拨款 = 一般公共预算 + 政府性基金 + 国有资本经营); ``or_row`` names a
row of the left table the right one may print instead (a 支出总表 that counts the money carried
to next year totals the 支出总计).

A disagreement is reported only where the two tables are confirmed to print the
same thing: they agree on most of the figures compared (or, by code, on the sum of
them all), or both figures are totals their own tables' rows confirm.  Two tables
that agree on nothing are more likely two different tables (a 结转 table taken for
the 支出表, a code looked up where it is not printed) than wrong.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from functools import cached_property
from typing import Iterator

from budgetlint.checks.base import Agreement, Check, Finding, mismatch, parse_choice, table_ref
from budgetlint.checks.base import holds as satisfies
from budgetlint.checks.lookup import table_code_value
from budgetlint.engine.rule import Field, Rule
from budgetlint.engine.selectors import Side, parse_side
from budgetlint.i18n import t
from budgetlint.interval import Interval, interval_sum
from budgetlint.understand.model import DocumentFacts, Fact, TableFacts
from budgetlint.understand.relations import Tally


@dataclass(frozen=True, eq=False)
class Comparison:
    """A figure of the left table against what the right table(s) print for it."""

    fact: Fact
    partner: tuple[Fact, ...]  # summed (none: the right tables print zero)
    tables: tuple[TableFacts, ...]
    relation: str
    instead: Fact | None = None  # the left table's figure the right one may print in the fact's place

    @cached_property
    def computed(self) -> Interval:
        return interval_sum(f.interval for f in self.partner) if self.partner else Interval.exact(0)

    @cached_property
    def holds(self) -> bool:
        return satisfies((self.instead or self.fact).interval, self.relation, self.computed)

    @property
    def telling(self) -> bool:
        return any(f.figure.value != 0 for f in (self.fact, *self.partner))

    @property
    def verified(self) -> bool:
        """Both sides are figures their own tables' sums confirm (or locate as wrong: a total its
        own rows do not add up to, at which alone its table's sums fail)."""
        return bool(self.partner) and all(f in f.table.verified or f in f.table.located
                                          for f in (self.fact, *self.partner))


class CrossTable(Check):
    kind = "cross-table"
    summary = "The same quantity printed in two tables (or for the same code) agrees."
    fields = {
        "left": Field(parse_side, "the figure checked: {tables, row, column}", required=True),
        "right": Field(parse_side, "the figure it must agree with: {tables, row, column}", required=True),
        "match": Field(parse_choice("cells", "code"), "compare the selected cells, or figures by subject code", default="cells"),
        "relation": Field(parse_choice("=", "<="), "'=' or '<=' (left at most right)", default="="),
    }
    variables = ("table", "row", "column", "reported", "computed", "difference", "count",
                 "other_table", "relation", "code")
    default_message = "{table}「{row}」{reported}，与{other_table}的 {computed} 不一致（差 {difference}）"
    default_message_en = "「{table}」 「{row}」 {reported} differs from {computed} in 「{other_table}」 (difference {difference})"

    def run(self, rule: Rule, doc: DocumentFacts) -> Iterator[Finding | Agreement]:
        left: Side = rule.params["left"]
        right: Side = rule.params["right"]
        left_tables = [t for t in left.select(doc) if t.understood]
        right_tables = right.select(doc)
        if not left_tables or not right_tables or not all(t.understood for t in right_tables):
            return
        for table in left_tables:
            partners = [t for t in right_tables if t is not table
                        and not (t in left_tables and t.number < table.number)]
            if not partners:
                continue
            if rule.params["match"] == "code":
                comparisons = list(self._by_code(rule, table, partners, right))
            else:
                comparisons = list(self._by_cells(rule, left.cells(table), partners, right))
            yield from self._exceptions(rule, comparisons)

    def _exceptions(self, rule: Rule, comparisons: list[Comparison]) -> Iterator[Finding | Agreement]:
        """The comparisons that fail where the tables are confirmed to print the same thing (and
        the figures of those that hold, as checked)."""
        settled = _settled(comparisons)
        tally = Tally(sum(c.holds and c.telling for c in settled), sum(not c.holds for c in settled))
        by_code = rule.params["match"] == "code"
        anchored = by_code and rule.params["relation"] == "=" and _sums_agree(settled)
        reported: set[tuple] = set()
        for c in settled:
            if c.holds:
                yield Agreement((c.instead or c.fact, *c.partner))
                continue
            same = (c.fact.table, c.fact.figure.value, tuple(id(f) for f in c.partner))
            if same in reported:
                continue  # one figure printed again beside another column group (收支总表 支出 by function,
            reported.add(same)  # by economic class …): one disagreement
            if tally.confirmed:
                basis = t("the two tables agree on their other {n} figures compared", n=tally.holds)
            elif anchored:
                basis = t("the figures compared add up to the same total in both tables")
            elif by_code and _totals_agree(c.fact.table, c.tables):
                basis = t("the two tables' totals agree")
            elif c.verified and not by_code:  # one total against another
                basis = t("both figures are totals their own tables' rows confirm")
            else:
                continue
            for finding in mismatch(c.fact, c.computed, c.partner, c.relation):
                if not finding.related:
                    finding.related = tuple(table_ref(t) for t in c.tables)
                finding.values.update(other_table="、".join(t.name for t in c.tables), relation=c.relation,
                                      code=c.fact.entry.code.digits if c.fact.entry.code else "")
                finding.basis = basis
                yield finding

    def _by_cells(self, rule: Rule, facts: list[Fact], partners: list[TableFacts], right: Side) -> Iterator[Comparison]:
        left: Side = rule.params["left"]
        if right.combine:
            groups = [[f for t in partners for f in right.cells(t)]]
        else:
            groups = [list(reading) for t in partners for f in right.cells(t) for reading in right.readings(f)]
        for fact in facts:
            for partner in groups:
                if partner:
                    tables = tuple(dict.fromkeys(f.table for f in partner))
                    for instead in (None, *left.instead(fact)):
                        yield Comparison(fact, tuple(partner), tables, rule.params["relation"], instead)

    def _by_code(self, rule: Rule, table: TableFacts, partners: list[TableFacts], right: Side) -> Iterator[Comparison]:
        left: Side = rule.params["left"]
        for group in table.groups:
            columns = left.column.resolve(group)
            if not columns or len(columns) != 1:
                continue
            counts = Counter(e.code.digits for e in group.entries if e.code)
            for entry in group.entries:
                if not entry.code or counts[entry.code.digits] > 1 or entry.is_total:
                    continue
                if left.codes is not None and not left.codes.fullmatch(entry.code.digits):
                    continue
                fact = entry.cells.get(columns[0].index)
                if fact is None:
                    continue
                for partner, tables in self._code_partners(entry.code.digits, partners, right):
                    yield Comparison(fact, tuple(partner), tuple(tables), rule.params["relation"])

    def _code_partners(self, code: str, partners: list[TableFacts], right: Side) -> Iterator[tuple[list[Fact], list[TableFacts]]]:
        found = [(table_code_value(t, right.column, code), t) for t in partners]
        if not right.combine:
            yield from ((facts, [t]) for facts, t in found if facts is not None)
        elif all(facts is not None for facts, _ in found):
            yield [f for facts, _ in found for f in facts], [t for _, t in found]


def _settled(comparisons: list[Comparison]) -> list[Comparison]:
    """One comparison per figure where it agrees with none of its partners (the first), every one
    that holds where it agrees with some: a figure is compared with each reading of its partner."""
    by_fact: dict[int, list[Comparison]] = {}
    for c in comparisons:
        by_fact.setdefault(id(c.fact), []).append(c)
    out: list[Comparison] = []
    for mine in by_fact.values():
        holding = [c for c in mine if c.holds]
        out.extend(holding or mine[:1])
    return out


def _grand_totals(table: TableFacts) -> list[Fact]:
    """The figures of each group's highest-ranked total rows that its rows confirm."""
    out = []
    for group in table.groups:
        totals = [e for e in group.entries if e.is_total]
        if totals:
            rank = max(e.total_rank for e in totals)
            out += [f for e in totals if e.total_rank == rank for f in e.cells.values()
                    if f in table.verified and f.figure.value != 0]
    return out


def _totals_agree(table: TableFacts, others: tuple[TableFacts, ...]) -> bool:
    """Whether a confirmed grand total of ``table`` is one of the others' (the 财政拨款收支总表's 一般公共预算
    支出 and the 一般公共预算支出表's 合计): the tables are about the same money, whatever they split it by."""
    mine = _grand_totals(table)
    theirs = [f for other in others for f in _grand_totals(other)]
    return any(a.interval.intersects(b.interval) for a in mine for b in theirs)


def _sums_agree(comparisons: list[Comparison]) -> bool:
    """Whether the left figures compared add up to what their partners add up to (and are not all
    zero): the two tables cover the same money, however they split it."""
    if not comparisons or not any(c.telling for c in comparisons):
        return False
    left = interval_sum(c.fact.interval for c in comparisons)
    right = interval_sum(c.computed for c in comparisons)
    return left.intersects(right)
