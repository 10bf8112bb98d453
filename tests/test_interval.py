"""Interval arithmetic: the enclosure property, and the consistency verdict it gives."""

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from budgetlint.interval import Interval, interval_sum

values = st.fractions(min_value=-10**9, max_value=10**9, max_denominator=1000)


@st.composite
def intervals_with_member(draw):
    a, b = draw(values), draw(values)
    lo, hi = min(a, b), max(a, b)
    t = draw(st.fractions(min_value=0, max_value=1, max_denominator=100))
    return Interval(lo, hi), lo + (hi - lo) * t


@given(intervals_with_member(), intervals_with_member())
def test_sum_and_difference_enclose_every_combination(a, b):
    (x, xv), (y, yv) = a, b
    assert xv + yv in x + y
    assert xv - yv in x - y


@given(intervals_with_member(), values)
def test_scaling_encloses(a, k):
    x, xv = a
    assert xv * k in x.scale(k)


@given(intervals_with_member(), intervals_with_member())
def test_division_encloses_when_defined(a, b):
    (x, xv), (y, yv) = a, b
    if y.contains_zero():
        with pytest.raises(ZeroDivisionError):
            _ = x / y
    else:
        assert xv / yv in x / y


@given(st.lists(intervals_with_member(), min_size=1, max_size=20))
def test_sum_of_many_encloses(items):
    total = interval_sum(iv for iv, _ in items)
    assert sum(v for _, v in items) in total


@given(values, st.integers(min_value=0, max_value=4), st.sampled_from([1, 10_000]))
def test_rounded_interval_holds_exactly_the_values_that_print_the_same(v, decimals, scale):
    printed = Fraction(round(v * 10**decimals), 10**decimals)
    iv = Interval.rounded(printed, decimals, scale)
    half = Fraction(1, 2 * 10**decimals) * scale
    assert iv.lo == printed * scale - half and iv.hi == printed * scale + half


def test_zhangzhou_rounding_case_is_consistent():
    # 611.05 + 15349.33 + 545.82 = 16506.20 against 16506.19: consistent within rounding
    parts = [Interval.rounded(Fraction(s), 2) for s in ("611.05", "15349.33", "545.82")]
    assert interval_sum(parts).intersects(Interval.rounded(Fraction("16506.19"), 2))
    # but 584.50 against 605.50 is not
    assert not Interval.rounded(Fraction("605.50"), 2).intersects(Interval.rounded(Fraction("584.50"), 2))


def test_le_and_gap():
    a, b = Interval.exact(5), Interval(Fraction(1), Fraction(3))
    assert not a.le(b) and b.le(a)
    assert a.gap(b) == 2 and b.gap(a) == 2 and a.gap(a) == 0
