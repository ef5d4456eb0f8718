"""When a period ends, calendar and fiscal: whether a figure for it can still be a forecast depends on it."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from claimcheck.calendar import period_end


@pytest.mark.parametrize("period,fy_end,want", [
    ("2025", None, (2025, 12)),
    ("2025Q3", None, (2025, 9)),
    ("FY2026Q1", 6, (2025, 9)),     # Microsoft: the year ends in June
    ("FY2026", 6, (2026, 6)),
    ("FY2025Q4", 9, (2025, 9)),     # Apple: the year ends in September
    ("FY2026Q2", -3, (2025, 9)),    # a March year named by its start is moved to its end year when read
    ("FY2026H1", 6, (2025, 12)),
    ("FY2026Q1", None, None),       # a fiscal label without its calendar says nothing
])
def test_period_end(period, fy_end, want):
    assert period_end(period, fy_end) == want


@given(st.integers(2000, 2090), st.integers(1, 12))
def test_a_fiscal_years_fourth_quarter_ends_with_the_year(year, fy_end):
    assert period_end(f"FY{year}Q4", fy_end) == period_end(f"FY{year}", fy_end) == (year, fy_end)
