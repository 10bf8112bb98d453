"""Closed intervals of exact rationals: the arithmetic of rounded figures.

A printed figure stands for every value that rounds to it, so sums, differences,
scalings and ratios of printed figures are intervals too.  Two quantities that
should be equal are *consistent* when their intervals intersect (the XBRL
Calculations 1.1 rule): only when no values inside the intervals can satisfy a
relation is it violated.  Bounds are exact, so a verdict never depends on binary
floating point.

Reading a table means adding up its figures many times over (each reading the
layout allows is tried), so the bounds are kept as whole multiples of
1/``SCALE`` — exact for every figure printed with up to 12 decimals — and added as
integers; only a quotient (a share, a growth rate) needs fractions.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Iterable

Number = Fraction | int

SCALE = 2 * 10**12  # the bounds of a figure with d ≤ 12 decimals are whole multiples of 1/SCALE


class Interval:
    """``[lo, hi]``; held as integers over :data:`SCALE` where the bounds allow, else as fractions."""

    __slots__ = ("_lo", "_hi", "_fixed")

    def __init__(self, lo: Number, hi: Number):
        lo, hi = Fraction(lo), Fraction(hi)
        if lo > hi:
            raise ValueError(f"empty interval [{lo}, {hi}]")
        a, b = lo * SCALE, hi * SCALE
        if a.denominator == 1 and b.denominator == 1:
            self._set(a.numerator, b.numerator, True)
        else:
            self._set(lo, hi, False)

    def _set(self, lo: Number, hi: Number, fixed: bool) -> None:
        object.__setattr__(self, "_lo", lo)
        object.__setattr__(self, "_hi", hi)
        object.__setattr__(self, "_fixed", fixed)

    @classmethod
    def _scaled(cls, lo: int, hi: int) -> Interval:
        out = cls.__new__(cls)
        out._set(lo, hi, True)
        return out

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError("an Interval is immutable")

    def __reduce__(self) -> tuple:
        """Pickled by its bounds (a result crosses to the parent process), not by its slots, which
        an immutable object cannot have set back."""
        return Interval, (self.lo, self.hi)

    @classmethod
    def exact(cls, value: Number) -> Interval:
        if isinstance(value, int):  # a count, a zero: no fraction to build
            return cls._scaled(value * SCALE, value * SCALE)
        return cls(value, value)

    @classmethod
    def rounded(cls, value: Number, decimals: int, scale: Number = 1) -> Interval:
        """The values that print as ``value`` with ``decimals`` digits, times ``scale``."""
        v = Fraction(value)
        digits = v * 10**decimals if decimals >= 0 else None
        if digits is not None and digits.denominator == 1 and isinstance(scale, int) and scale > 0 and decimals <= 12:
            unit = scale * 10 ** (12 - decimals)  # SCALE / (2·10^d), times the scale
            n = digits.numerator
            return cls._scaled((2 * n - 1) * unit, (2 * n + 1) * unit)
        half = Fraction(1, 2 * 10**decimals) if decimals >= 0 else Fraction(10 ** (-decimals), 2)
        s = Fraction(scale)
        a, b = (v - half) * s, (v + half) * s
        return cls(min(a, b), max(a, b))

    @property
    def lo(self) -> Fraction:
        return Fraction(self._lo, SCALE) if self._fixed else self._lo

    @property
    def hi(self) -> Fraction:
        return Fraction(self._hi, SCALE) if self._fixed else self._hi

    @property
    def mid(self) -> Fraction:
        return (self.lo + self.hi) / 2

    def __add__(self, other: Interval) -> Interval:
        if self._fixed and other._fixed:
            return Interval._scaled(self._lo + other._lo, self._hi + other._hi)
        return Interval(self.lo + other.lo, self.hi + other.hi)

    def __sub__(self, other: Interval) -> Interval:
        if self._fixed and other._fixed:
            return Interval._scaled(self._lo - other._hi, self._hi - other._lo)
        return Interval(self.lo - other.hi, self.hi - other.lo)

    def __neg__(self) -> Interval:
        if self._fixed:
            return Interval._scaled(-self._hi, -self._lo)
        return Interval(-self.hi, -self.lo)

    def scale(self, factor: Number) -> Interval:
        if self._fixed and isinstance(factor, int):
            a, b = self._lo * factor, self._hi * factor
            return Interval._scaled(min(a, b), max(a, b))
        f = Fraction(factor)
        a, b = self.lo * f, self.hi * f
        return Interval(min(a, b), max(a, b))

    def contains_zero(self) -> bool:
        return self._lo <= 0 <= self._hi

    def __truediv__(self, other: Interval) -> Interval:
        """Quotient; undefined (ZeroDivisionError) when the divisor may be zero."""
        if other.contains_zero():
            raise ZeroDivisionError("divisor interval contains zero")
        candidates = [a / b for a in (self.lo, self.hi) for b in (other.lo, other.hi)]
        return Interval(min(candidates), max(candidates))

    def _pair(self, other: Interval) -> tuple[Number, Number, Number, Number]:
        """Both intervals' bounds in one representation, for comparing."""
        if self._fixed and other._fixed:
            return self._lo, self._hi, other._lo, other._hi
        return self.lo, self.hi, other.lo, other.hi

    def intersects(self, other: Interval) -> bool:
        a, b, c, d = self._pair(other)
        return a <= d and c <= b

    def exceeds(self, other: Interval) -> bool:
        """Whether every value of ``self`` is above every value of ``other``."""
        a, _, _, d = self._pair(other)
        return a > d

    @property
    def positive(self) -> bool:
        return self._lo > 0

    def le(self, other: Interval) -> bool:
        """Whether ``self <= other`` can hold for some values inside both intervals."""
        a, _, _, d = self._pair(other)
        return a <= d

    def gap(self, other: Interval) -> Fraction:
        """Distance between the intervals; zero when they intersect."""
        if self.intersects(other):
            return Fraction(0)
        return other.lo - self.hi if self.hi < other.lo else self.lo - other.hi

    def __contains__(self, value: Number) -> bool:
        return self.lo <= Fraction(value) <= self.hi

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Interval):
            return NotImplemented
        return self.lo == other.lo and self.hi == other.hi

    def __hash__(self) -> int:
        return hash((self.lo, self.hi))

    def __repr__(self) -> str:
        return f"Interval({self.lo!r}, {self.hi!r})"

    def __str__(self) -> str:
        return f"[{float(self.lo):g}, {float(self.hi):g}]"


ZERO = Interval.exact(0)


def interval_sum(intervals: Iterable[Interval]) -> Interval:
    total = ZERO
    for iv in intervals:
        total = total + iv
    return total
