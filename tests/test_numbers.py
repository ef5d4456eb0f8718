"""Data-driven cases for claimcheck.numbers.parse: tests/cases/numbers.yaml."""
from __future__ import annotations

import math
from pathlib import Path

import pytest
import yaml

from claimcheck.numbers.parse import parse

# one list of cases over numbers*.yaml, so a new class of forms can come in a file of its own
CASES_FILES = sorted((Path(__file__).parent / "cases").glob("numbers*.yaml"))
CASES = [case for f in CASES_FILES for case in yaml.safe_load(f.read_text(encoding="utf-8"))]

FLOAT_KEYS = ("value", "low", "high", "half_width")
EXACT_KEYS = ("kind", "unit", "scaled", "plus", "sign_mark")
ALLOWED_KEYS = {"text", *FLOAT_KEYS, *EXACT_KEYS}


def _params():
    out = []
    for i, case in enumerate(CASES):
        marks = []
        if case.get("xfail"):
            marks.append(pytest.mark.xfail(strict=True, reason=case["xfail"]))
        out.append(pytest.param(case, id=case.get("id") or f"case{i}", marks=marks))
    return out


def _same(got: float | None, want) -> bool:
    if want is None or got is None:
        return got is None and want is None
    return math.isclose(got, float(want), rel_tol=1e-9, abs_tol=1e-12)


def test_case_file_is_well_formed():
    assert isinstance(CASES, list) and CASES
    for case in CASES:
        assert set(case) <= {"id", "text", "expect", "xfail"}, case
        assert isinstance(case["text"], str) and isinstance(case["expect"], list), case
        for e in case["expect"]:
            assert {"text", "kind", "value"} <= set(e) <= ALLOWED_KEYS, e
            assert e["text"] in case["text"], e


@pytest.mark.parametrize("case", _params())
def test_number_case(case):
    text = case["text"]
    got = parse(text)
    # every mention, expected or not, points at its own text
    for m in got:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
    shown = [(m.text, m.kind, m.value, m.low, m.high, m.unit) for m in got]
    assert len(got) == len(case["expect"]), f"{text!r} parsed as {shown}"
    search_from = 0
    for m, want in zip(got, case["expect"]):
        # the expected span is the first occurrence of its text at or after the previous one
        start = text.index(want["text"], search_from)
        assert (m.start, m.end, m.text) == (start, start + len(want["text"]), want["text"]), shown
        search_from = m.end
        assert m.kind == want["kind"], shown
        for key in FLOAT_KEYS:
            if key in want:
                assert _same(getattr(m, key), want[key]), f"{key}: got {getattr(m, key)!r}, want {want[key]!r} in {shown}"
        for key in ("unit", "scaled", "plus", "sign_mark"):
            if key in want:
                assert getattr(m, key) == want[key], f"{key}: got {getattr(m, key)!r}, want {want[key]!r}"
        if m.low is not None and m.high is not None:
            assert m.low <= m.value <= m.high


def test_from_to_gives_two_claims():
    from claimcheck.claims.build import extract
    from claimcheck.models import Article

    claims = extract(Article(path="a.md", text="Nvidia revenue grew from $30.0bn to $35.1bn in the quarter."))
    assert [(c.text, c.value) for c in claims] == [("$30.0bn", 30.0e9), ("$35.1bn", 35.1e9)]


def test_korean_from_to_gives_two_claims():
    from claimcheck.claims.build import extract
    from claimcheck.models import Article

    claims = extract(Article(path="a.md", text="삼성전자 영업이익률은 6.3%에서 14.1%로 상승했다."))
    assert [(c.text, c.value) for c in claims] == [("6.3%", 6.3), ("14.1%", 14.1)]
