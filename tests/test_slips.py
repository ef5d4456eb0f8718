"""Which two disagreeing figures read like one figure copied wrong (checks/slips.py)."""
from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from claimcheck.checks.slips import slip
from claimcheck.models import Claim


def fig(value: float, step: float = 1.0) -> Claim:
    return Claim(file="a.md", line=1, column=1, text="x", entity="E", metric="revenue", value=value,
                 unit="KRW", quote="q", half_width=step / 2)


def test_known_forms() -> None:
    assert slip(fig(616), fig(661))  # two adjacent digits swapped
    assert slip(fig(51217), fig(51721))  # the same digits in another order
    assert slip(fig(186), fig(1186))  # a digit doubled
    assert slip(fig(-43.4, 0.1), fig(43.4, 0.1))  # the sign lost
    assert slip(fig(616.48, 0.01), fig(661))  # compared at the coarser step: 616 against 661
    assert not slip(fig(3), fig(6))  # single digits: any two differ in one place
    assert not slip(fig(1850), fig(2150, 10))  # 185 against 215
    assert not slip(fig(8725), fig(5964))


def span(low: float, high: float) -> Claim:
    return Claim(file="a.md", line=1, column=1, text="x", entity="E", metric="eps", value=(low + high) / 2, low=low,
                 high=high, unit="USD", quote="q")


def test_ranges() -> None:
    assert slip(span(1.20, 1.46), span(1.20, 1.64))  # one end's digits reordered, the other end shared
    assert slip(span(920, 1000), span(290, 1000))
    assert not slip(span(1.20, 1.46), span(1.20, 1.50))  # 146 against 150
    assert not slip(span(1.20, 1.46), span(1.10, 1.64))  # both ends moved: two ranges, no copy
    assert not slip(span(1.20, 1.46), fig(1.46, 0.01))  # a range against a point is no slip


digits = st.text("0123456789", min_size=2, max_size=7).filter(lambda s: s[0] != "0")


@given(digits, st.integers(0, 6), st.sampled_from("0123456789"))
def test_one_digit_changed_is_a_slip(s: str, at: int, d: str) -> None:
    at %= len(s)
    t = s[:at] + d + s[at + 1:]
    if t != s and t[0] != "0":
        assert slip(fig(int(s)), fig(int(t)))
        assert slip(fig(int(t)), fig(int(s)))


@given(digits, digits)
def test_symmetric(s: str, t: str) -> None:
    assert slip(fig(int(s)), fig(int(t))) == slip(fig(int(t)), fig(int(s)))
