"""The figure parser: every printed form in the samples, and its rounding interval."""

from fractions import Fraction

import pytest
from hypothesis import given
from hypothesis import strategies as st

from budgetlint.figures import NUMBER, PERCENT, WAN_YUAN, YUAN, parse_figure, render_value


@pytest.mark.parametrize("text, value, decimals, grouped", [
    ("2,368,819.00", "2368819", 2, True),
    ("2,444.5", "2444.5", 1, True),
    ("2368819", "2368819", 0, False),
    ("０.０５", "0.05", 2, False),  # full-width digits and point
    ("(1,234.00)", "-1234", 2, True),  # accounting negative
    ("（12.5）", "-12.5", 1, False),
    ("-36", "-36", 0, False),
    ("−1.43", "-1.43", 2, False),  # minus sign
    (" 9.9 ", "9.9", 1, False),
])
def test_parses_printed_forms(text, value, decimals, grouped):
    fig = parse_figure(text, YUAN)
    assert fig is not None and not fig.blank
    assert fig.value == Fraction(value) and fig.decimals == decimals and fig.grouped == grouped


def test_unit_next_to_the_figure_overrides_the_table_unit():
    fig = parse_figure("236.88 万元", YUAN)
    assert fig.unit == WAN_YUAN
    assert fig.interval.lo == Fraction(2368750) and fig.interval.hi == Fraction(2368850)
    pct = parse_figure("23.70%", YUAN)
    assert pct.unit == PERCENT and pct.interval.lo == Fraction("23.695")


def test_nine_point_nine_wan_is_98500_to_99500_yuan():
    fig = parse_figure("9.9", WAN_YUAN)
    assert (fig.interval.lo, fig.interval.hi) == (98500, 99500)
    assert Fraction(98593) in fig.interval


@pytest.mark.parametrize("text", ["", "-", "—", "——", "－", " ", "/"])
def test_blank_cells_are_exact_zero(text):
    fig = parse_figure(text, YUAN)
    assert fig.blank and fig.interval.lo == fig.interval.hi == 0


@pytest.mark.parametrize("text", ["合计", "≥90%", "2024年", "1,23,4", "12.3.4", "48人", "(1)一般", "3011202a"])
def test_non_figures(text):
    assert parse_figure(text, YUAN) is None


@given(st.decimals(min_value=-10**12, max_value=10**12, places=2, allow_nan=False, allow_infinity=False),
       st.integers(min_value=0, max_value=3), st.booleans())
def test_render_then_parse_round_trips(d, decimals, grouped):
    value = Fraction(str(d))
    text = render_value(value, decimals, grouped)
    fig = parse_figure(text, NUMBER)
    assert fig is not None and fig.decimals == decimals
    # the printed figure's interval holds the value it was rounded from
    assert value in fig.interval
    assert render_value(fig.value, decimals, grouped) == text
