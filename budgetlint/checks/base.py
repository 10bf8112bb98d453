"""What a check is, what it yields, and the helpers every arithmetic check shares."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar, Iterable, Iterator, Mapping

from budgetlint.engine.rule import Field, Rule
from budgetlint.figures import Figure, exact_decimals, render_value
from budgetlint.i18n import t
from budgetlint.interval import Interval
from budgetlint.model import Location
from budgetlint.report.result import FigureRef
from budgetlint.understand.model import DocumentFacts, Entry, Fact, TableFacts
from budgetlint.understand.relations import Sum

if TYPE_CHECKING:
    from budgetlint.series.forming import Pair


@dataclass
class Finding:
    """One violation as a check sees it; the runner adds the rule's id, severity and message."""

    subject: FigureRef
    reported: str
    computed: str
    difference: str | None = None
    related: tuple[FigureRef, ...] = ()
    values: dict[str, Any] = field(default_factory=dict)  # the message template's placeholders
    basis: str | None = None  # how the structure the relation rests on was confirmed (`本表其余 14 处合计相符`)


@dataclass(frozen=True)
class Agreement:
    """A relation that holds: the table figures in it are checked (they count in 核对覆盖率)."""

    facts: tuple[Fact, ...]


class Check:
    """A rule kind.  Subclasses set the class attributes and implement :meth:`run`."""

    kind: ClassVar[str]
    summary: ClassVar[str]  # one line: what rules of this kind check
    fields: ClassVar[Mapping[str, Field]]
    variables: ClassVar[tuple[str, ...]]  # placeholders available to message templates
    default_message: ClassVar[str]
    default_message_en: ClassVar[str]

    def run(self, rule: Rule, doc: DocumentFacts) -> Iterator[Finding]:
        raise NotImplementedError




def fact_ref(fact: Fact, heading: bool = True) -> FigureRef:
    """A table figure as a finding points at it; ``heading``: with where its column's heading is
    (a picture of the page shows it; a ledger of thousands of figures does without)."""
    return FigureRef(
        location=fact.location,
        text=fact.figure.text,
        table=fact.table.name,
        row=fact.entry.title,
        col=fact.column.title,
        heading=column_heading(fact) if heading else None,
    )


def column_heading(fact: Fact) -> Location | None:
    """Where the lowest heading of the fact's column is printed (on the fact's page), if it is."""
    for row in reversed(fact.table.table.header):
        cell = row[fact.column.index] if fact.column.index < len(row) else None
        if cell is not None and cell.text and cell.location.page == fact.location.page and cell.location.bbox:
            return cell.location
    return None


def entry_ref(table: TableFacts, entry: Entry) -> FigureRef:
    return FigureRef(location=entry.location, text=entry.label, table=table.name, row=entry.title)


def table_ref(table: TableFacts) -> FigureRef:
    """The table itself, for a comparison whose figures it does not print (they count as zero)."""
    return FigureRef(location=table.table.location, text="", table=table.name)


def holds(reported: Interval, relation: str, computed: Interval) -> bool:
    """Whether some values inside the intervals satisfy ``reported <relation> computed``."""
    return reported.le(computed) if relation == "<=" else reported.intersects(computed)


def discrepancy(figure: Figure, subject: FigureRef, computed: Interval, related: Iterable[FigureRef],
                relation: str = "=", peers: Iterable[Figure] = ()) -> Finding | None:
    """A finding when no value of ``figure`` can stand in ``relation`` to ``computed``.

    The computed figure is the middle of its interval (the sum of the printed
    values), written in the reported figure's unit with enough decimals to be
    exact; ``peers`` (the figures used) lend their decimals to a blank reported cell.
    """
    if holds(figure.interval, relation, computed):
        return None
    point = computed.mid
    in_unit = point / figure.unit.scale
    printed = [f.decimals for f in peers if not f.blank and f.unit == figure.unit]
    least = max(printed, default=figure.decimals) if figure.blank else figure.decimals
    if figure.unit.dimension == "percent":
        decimals = max(least, 2)  # a rate is shown to the hundredth of a percent, not exactly
    else:
        decimals = exact_decimals(in_unit, least, least + 4)
    difference = figure.base_value - point  # as frictionless and the JSON contract: reported − computed
    unit = _printed_unit(figure)
    return Finding(
        subject=subject,
        reported=t("blank") if figure.blank else figure.text,
        computed=render_value(in_unit, decimals, figure.grouped) + unit,
        difference=render_value(difference / figure.unit.scale, decimals, figure.grouped) + unit,
        related=tuple(related),
    )


def _printed_unit(figure: Figure) -> str:
    """The unit written after the figure (`567万元`, `8%`), to write after computed values too."""
    if figure.unit.dimension == "percent":
        return "%"
    name, text = figure.unit.name, figure.text.rstrip()
    if name and text.endswith(name):
        return (" " if text[: -len(name)].endswith(" ") else "") + name
    return ""


def mismatch(reported: Fact, computed: Interval, used: Iterable[Fact], relation: str = "=") -> list[Finding]:
    """:func:`discrepancy` for a table figure and the table figures it was computed from."""
    used = list(used)
    finding = discrepancy(reported.figure, fact_ref(reported), computed,
                          [fact_ref(f) for f in used if not f.blank], relation, [f.figure for f in used])
    if finding is None:
        return []
    finding.values.update(table=reported.table.name, row=reported.entry.title,
                          column=reported.column.title, count=len(used))
    return [finding]


def exceptions(table: TableFacts, sums: Iterable[Sum]) -> Iterator[Finding]:
    """Findings for the ``sums`` that fail where something confirms the reading they rest on, each
    saying what (:mod:`budgetlint.understand.confirmation`).  A failing sum nothing confirms says
    more likely that the table was read wrong than that it is wrong, and is not reported; nor is
    anything of a table where one does (it is not understood, BL003)."""
    if not table.understood:
        return
    for s in sums:
        why = table.confirmations.get(s)
        if why is None:
            continue
        for finding in mismatch(s.total, s.computed, s.parts):
            finding.basis = why.text()
            yield finding


def known_facts(facts: Iterable[Fact | None]) -> list[Fact] | None:
    """The facts, or ``None`` when one cell holds text instead of a figure (its sum is unknown)."""
    out = list(facts)
    return None if any(f is None for f in out) else out  # type: ignore[return-value]


def signed_sum(terms: Iterable[tuple[int, Fact]]) -> Interval:
    total = Interval.exact(0)
    for sign, fact in terms:
        total = total + fact.interval if sign > 0 else total - fact.interval
    return total


def parse_choice(*choices: str):
    """A field parser accepting one of ``choices``."""

    def parse(value: Any) -> str:
        if value not in choices:
            raise ValueError(f"must be one of: {', '.join(choices)}")
        return value

    return parse


def parse_text_field(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ValueError("must be a non-empty string")
    return value.strip()


def parse_words(value: Any) -> tuple[str, ...]:
    """A list of words (plain text, not patterns)."""
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise ValueError("must be a list of words")
    return tuple(v.strip() for v in value)


def parse_bool_field(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("must be true or false")
    return value


def where(location) -> str:
    """A short pointer to a location, for messages (`第318行`, `第3页`, `公开01表!C5`)."""
    if location.page is not None:
        return t("page {page}", page=location.page)
    if location.part is not None and location.line is not None:
        return location.cell_name()
    if location.line is not None:
        return t("line {line}", line=location.line)
    return location.file


LEVELS = {3: "class level", 5: "section level", 7: "item level"}  # of a subject code, by its digits (类, 款, 项)


def level_name(digits: int) -> str:
    """The level a code of ``digits`` digits names (`类`), else its length (`9位`)."""
    return t(LEVELS[digits]) if digits in LEVELS else t("{n}-digit level", n=digits)


def confirmed_by(agreeing: int) -> str:
    """The basis of a cross-document finding: how many other figures of the two disclosures agree."""
    return t("{n} other figures of the two disclosures agree", n=agreeing)


class SeriesCheck(Check):
    """A rule kind over two disclosures of a series (:mod:`budgetlint.series`): it runs once every
    disclosure of the run was checked, on the figures each left in its ledger, never on one
    document's facts."""

    relation: ClassVar[str]  # the pairs it compares (budgetlint.series.forming)

    def compare(self, rule: Rule, pair: Pair) -> Iterator[Finding]:
        raise NotImplementedError
