"""Closed intervals of exact rationals: the arithmetic of rounded figures.

A printed figure stands for every value that rounds to it, so sums, differences,
scalings and ratios of printed figures are intervals too.  Two quantities that
should be equal are *consistent* when their intervals intersect (the XBRL
Calculations 1.1 rule): only when no values inside the intervals can satisfy a
relation is it violated.  Fractions keep the bounds exact, so a verdict never
depends on binary floating point.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from typing import Iterable

Number = Fraction | int


@dataclass(frozen=True, slots=True)
class Interval:
    lo: Fraction
    hi: Fraction

    def __post_init__(self) -> None:
        if self.lo > self.hi:
            raise ValueError(f"empty interval [{self.lo}, {self.hi}]")

    @classmethod
    def exact(cls, value: Number) -> Interval:
        v = Fraction(value)
        return cls(v, v)

    @classmethod
    def rounded(cls, value: Number, decimals: int, scale: Number = 1) -> Interval:
        """The values that print as ``value`` with ``decimals`` digits, times ``scale``."""
        half = Fraction(1, 2 * 10**decimals) if decimals >= 0 else Fraction(10 ** (-decimals), 2)
        v, s = Fraction(value), Fraction(scale)
        a, b = (v - half) * s, (v + half) * s
        return cls(min(a, b), max(a, b))

    @property
    def mid(self) -> Fraction:
        return (self.lo + self.hi) / 2

    def __add__(self, other: Interval) -> Interval:
        return Interval(self.lo + other.lo, self.hi + other.hi)

    def __sub__(self, other: Interval) -> Interval:
        return Interval(self.lo - other.hi, self.hi - other.lo)

    def __neg__(self) -> Interval:
        return Interval(-self.hi, -self.lo)

    def scale(self, factor: Number) -> Interval:
        f = Fraction(factor)
        a, b = self.lo * f, self.hi * f
        return Interval(min(a, b), max(a, b))

    def contains_zero(self) -> bool:
        return self.lo <= 0 <= self.hi

    def __truediv__(self, other: Interval) -> Interval:
        """Quotient; undefined (ZeroDivisionError) when the divisor may be zero."""
        if other.contains_zero():
            raise ZeroDivisionError("divisor interval contains zero")
        candidates = [a / b for a in (self.lo, self.hi) for b in (other.lo, other.hi)]
        return Interval(min(candidates), max(candidates))

    def intersects(self, other: Interval) -> bool:
        return self.lo <= other.hi and other.lo <= self.hi

    def le(self, other: Interval) -> bool:
        """Whether ``self <= other`` can hold for some values inside both intervals."""
        return self.lo <= other.hi

    def gap(self, other: Interval) -> Fraction:
        """Distance between the intervals; zero when they intersect."""
        if self.intersects(other):
            return Fraction(0)
        return other.lo - self.hi if self.hi < other.lo else self.lo - other.hi

    def __contains__(self, value: Number) -> bool:
        return self.lo <= Fraction(value) <= self.hi

    def __str__(self) -> str:
        return f"[{float(self.lo):g}, {float(self.hi):g}]"


ZERO = Interval.exact(0)


def interval_sum(intervals: Iterable[Interval]) -> Interval:
    total = ZERO
    for iv in intervals:
        total = total + iv
    return total
