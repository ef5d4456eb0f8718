"""Severity follows evidence: how many key fields a finding takes on trust."""
from __future__ import annotations

from claimcheck.engine import assumed_fields
from claimcheck.models import Claim


def _claim(value: float, weak: int, half_width: float = 0.0) -> Claim:
    fields = ("entity", "metric", "period")
    ev = tuple((f, "carried" if i < weak else "clause", 1, "x") for i, f in enumerate(fields))
    return Claim(file="a.md", line=1, column=1, text=str(value), entity="Kia", metric="revenue", value=value,
                 unit="KRW", quote="q", half_width=half_width, evidence=ev + (("segment", "none", None, None),))


def test_a_value_stated_plainly_once_speaks_for_its_copies():
    assert assumed_fields([_claim(10, 0), _claim(10, 2), _claim(12, 0)]) == 0


def test_a_conflict_resting_on_a_carried_field_counts_it():
    assert assumed_fields([_claim(10, 0), _claim(12, 1)]) == 1


def test_every_value_a_finding_lists_counts_even_a_third_one():
    assert assumed_fields([_claim(10, 0), _claim(12, 0), _claim(15, 2)]) == 2


def test_two_assumed_fields_on_one_side():
    assert assumed_fields([_claim(10, 0), _claim(12, 2)]) == 2

