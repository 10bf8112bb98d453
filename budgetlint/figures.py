"""Printed figures: one parser for every number in a disclosure, and its rounding interval.

`2,368,819.00`, `2,444.5`, `236.88 万元`, `23.70%`, `（1,234）`, `９.９`, a blank or
`-` cell: each becomes a :class:`Figure` that remembers how it was printed (so a
message can quote it and render computed values the same way) and the interval of
values it stands for, in the base unit of its dimension (元 for money).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from budgetlint.interval import Interval
from budgetlint.textnorm import halfwidth


@dataclass(frozen=True, slots=True)
class Unit:
    name: str
    dimension: str  # "money", "percent" or "number"
    scale: int  # how many base units one unit is (万元 = 10 000 元)

    def __str__(self) -> str:
        return self.name


YUAN = Unit("元", "money", 1)
WAN_YUAN = Unit("万元", "money", 10_000)
YI_YUAN = Unit("亿元", "money", 100_000_000)
PERCENT = Unit("%", "percent", 1)
NUMBER = Unit("", "number", 1)

MONEY_UNITS = {"元": YUAN, "万元": WAN_YUAN, "亿元": YI_YUAN}
_SUFFIX_UNITS = {**MONEY_UNITS, "%": PERCENT}

BLANK_MARKS = frozenset({"", "-", "--", "—", "——", "/", "－", "–"})

_FIGURE = re.compile(
    r"""^(?P<neg>-)?
        (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)
        (?P<unit>万元|亿元|元|%)?$""",
    re.VERBOSE,
)
_BRACKETED = re.compile(r"^\((?P<inner>[^()]+)\)$")


@dataclass(frozen=True, slots=True)
class Figure:
    text: str
    value: Fraction  # in `unit`
    decimals: int
    unit: Unit
    blank: bool = False
    grouped: bool = False  # printed with thousands separators
    exact: bool = False  # a count of things (`1辆`, `24人`): whole, never rounded

    @property
    def interval(self) -> Interval:
        """The values this figure stands for, in the base unit of its dimension."""
        if self.blank:
            return Interval.exact(0)
        if self.exact:
            return Interval.exact(self.value * self.unit.scale)
        return Interval.rounded(self.value, self.decimals, self.unit.scale)

    @property
    def rate_interval(self) -> Interval:
        """The values a rate an agency worked out stands for: rounded to its last digit, or cut
        off there (`36.58%` for 36.5858%, as spreadsheets set to truncate print it)."""
        rounded = self.interval
        if self.blank or self.decimals < 0:
            return rounded
        step = Fraction(1, 10**self.decimals) * self.unit.scale
        return Interval(rounded.lo, max(rounded.hi, self.base_value + step)) if self.value >= 0 else \
            Interval(min(rounded.lo, self.base_value - step), rounded.hi)

    @property
    def base_value(self) -> Fraction:
        return self.value * self.unit.scale

    def render(self, base_value: Fraction) -> str:
        """A base-unit value written the way this figure is printed (unit, decimals, grouping)."""
        return render_value(base_value / self.unit.scale, max(self.decimals, 0), self.grouped)


def render_value(value: Fraction, decimals: int, grouped: bool = False) -> str:
    quantum = Decimal(1).scaleb(-decimals)
    d = (Decimal(value.numerator) / Decimal(value.denominator)).quantize(quantum, ROUND_HALF_UP)
    if d == 0:
        d = abs(d)
    return f"{d:,.{decimals}f}" if grouped else f"{d:.{decimals}f}"


def exact_decimals(value: Fraction, at_least: int = 0, at_most: int = 6) -> int:
    """The fewest decimals (within bounds) that write ``value`` exactly."""
    for d in range(at_least, at_most + 1):
        if (value * 10**d).denominator == 1:
            return d
    return at_most


def blank_figure(text: str, unit: Unit) -> Figure:
    return Figure(text=text, value=Fraction(0), decimals=0, unit=unit, blank=True)


def parse_figure(text: str, unit: Unit = NUMBER) -> Figure | None:
    """Parse a whole cell or token as a figure; ``None`` when it is not one.

    ``unit`` applies when the text carries no unit of its own (a table's
    `单位：元`).  Blank cells and dashes are figures too: an exact zero.
    """
    raw = text.strip()
    s = re.sub(r"\s+", "", halfwidth(raw))
    if s in BLANK_MARKS:
        return blank_figure(raw, unit)
    negative = False
    bracketed = _BRACKETED.match(s)
    if bracketed:
        s, negative = bracketed.group("inner"), True
    m = _FIGURE.match(s)
    if not m:
        return None
    if m.group("neg"):
        if negative:
            return None
        negative = True
    num = m.group("num")
    grouped = "," in num
    digits = num.replace(",", "")
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    value = Fraction(digits)
    if negative:
        value = -value
    suffix = m.group("unit")
    return Figure(
        text=raw,
        value=value,
        decimals=decimals,
        unit=_SUFFIX_UNITS[suffix] if suffix else unit,
        grouped=grouped,
    )
