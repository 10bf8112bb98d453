"""What the narrative states: amounts, year-on-year changes, shares and breakdowns.

Each statement keeps the figures as printed (a :class:`Figure` with its interval)
and where they are.  Which amount a change or a share refers to is not always
certain from the wording (`…其中公务接待费 7.98 万元，与上年持平` may speak of the
part or of the whole); such statements carry their *candidates*, most likely
first, and a check reports only when no candidate makes the statement hold.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

from budgetlint.figures import Figure
from budgetlint.interval import Interval
from budgetlint.model import Location
from budgetlint.understand.codes import SubjectCode
from budgetlint.understand.lists import NamedList
from budgetlint.understand.passages import Sentence
from budgetlint.understand.subjects import Resolution, SubjectRef


@dataclass(eq=False)
class Printed:
    """A figure printed in the narrative, and where."""

    figure: Figure
    sentence: Sentence
    start: int  # offset in the sentence
    end: int

    @property
    def location(self) -> Location:
        return self.sentence.span(self.start, self.end)

    @cached_property
    def interval(self) -> Interval:
        """Worked out once: each rule compares it with many table figures."""
        return self.figure.interval

    @property
    def text(self) -> str:
        return self.sentence.text[self.start : self.end]


@dataclass(frozen=True)
class Named:
    """A subject named with its level in a sentence (`商贸事务（款）`), where it was printed."""

    ref: SubjectRef
    sentence: Sentence | None  # None: named in the heading above (no place to report it at)

    @property
    def location(self) -> Location | None:
        return self.sentence.span(self.ref.start, self.ref.end) if self.sentence else None


@dataclass(eq=False)
class Amount:
    """`事业单位医疗（2101102）9.9 万元`: a labelled amount of money or a count."""

    value: Printed
    label: str  # normalised: no spaces, numbering, subject or time words (`事业单位医疗`)
    printed_label: str  # the label as printed, for messages
    code: SubjectCode | None = None
    kind: str = "money"  # or "count"
    prior: bool = False  # last year's figure (`（2016 年度部门支出预算安排为 8,648.07 万元）`)
    basis: str = ""  # in a 决算: "budget" for `年初预算为 A 万元`, "actual" for `支出决算为 B 万元`
    subjects: tuple[Named, ...] = ()  # the 类/款/项 path it is the amount of, outermost first
    resolutions: tuple[Resolution, ...] = ()  # that path against the tables' codes and names
    whole: Amount | None = None  # the amount this one is listed under (`X，其中：…`)
    complete: bool = True  # whether the list this amount is in claims to be complete
    segment: int = 0  # which `；`-separated stretch of its list the amount is in
    parts: list[Amount] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)

    @property
    def location(self) -> Location:
        return self.value.location

    @property
    def title(self) -> str:
        """What the amount is of, for messages: the subject it names, else its label."""
        return self.subjects[-1].ref.name if self.subjects else self.label or self.printed_label


@dataclass(eq=False)
class Change:
    """`比上年增加 360.53 万元，增长 8%`, `与上年持平`: a change on last year."""

    sentence: Sentence
    candidates: list[Amount]  # the current amounts it may speak of, most likely first
    amount: Printed | None = None
    direction: int = 0  # +1 增加, -1 减少, 0 none stated
    rate: Printed | None = None
    rate_direction: int = 0
    flat: Printed | None = None  # where `持平` is claimed (a pseudo-figure: the words)
    subject: str = ""
    base: Amount | None = None  # the earlier figure, where the sentence prints it (`2025年当年预算执行数为 B 万元，
    #                             2026年预算安排 C 万元，比2025年预算执行数增加 D%`): D = (C − B) / B

    @property
    def signed_amount(self) -> Interval | None:
        if self.amount is None:
            return None
        return self.amount.interval.scale(self.direction or 1)

    @property
    def signed_rate(self) -> Interval | None:
        if self.rate is None:
            return None
        return self.rate.figure.rate_interval.scale(self.rate_direction or 1)


@dataclass(eq=False)
class Share:
    """`占 23.70%`, `占预算总额的 2.1%`: an amount as a share of a base."""

    rate: Printed
    parts: list[Amount]  # candidates for the amount it is the share of
    bases: list[Amount]  # candidates for the base
    base_label: str = ""  # the base the sentence names (`占“三公”经费的`), cleaned like a label
    named: bool = False  # whether ``bases`` are amounts stated under that name


@dataclass(eq=False)
class Completion:
    """`年初预算为 A 万元，支出决算为 B 万元，完成年初预算的 C%。决算数小于预算数…`: how an
    item's final figure stands to its budget.  The budget is ``None`` when the sentence names
    none for this item (`其中：因公出国（境）费决算为 0.00 万元，完成预算的 0%`)."""

    actual: Amount
    budget: Amount | None = None
    rate: Printed | None = None
    comparison: Printed | None = None  # `决算数小于预算数`, `与预算数基本持平`
    direction: int = 0  # the comparison's claim: +1 大于, −1 小于, 0 等于/持平
    roughly: bool = False  # `基本持平`: about equal, not exactly
    others: list[Amount] = field(default_factory=list)  # other budgets the paragraph states (`全年预算为 F`)


@dataclass
class Narrative:
    amounts: list[Amount] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)
    shares: list[Share] = field(default_factory=list)
    completions: list[Completion] = field(default_factory=list)
    lists: list[NamedList] = field(default_factory=list)  # `主要包括：A、B、C`: names without amounts

    @property
    def wholes(self) -> list[Amount]:
        """Amounts stated with their parts (`X，其中 A、B`)."""
        return [a for a in self.amounts if a.parts]
