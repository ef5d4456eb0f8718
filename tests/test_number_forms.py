"""Properties of the issue-8 number forms (cases in tests/cases/numbers_forms.yaml): Korean magnitude
spans, hyphenated English scales and tolerances, and that the grammar stays linear on hostile runs."""
from __future__ import annotations

import sys

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck.numbers.parse import parse

SCALES = {"만": 1e4, "억": 1e8, "조": 1e12}
PARTS = ["초반", "중반", "후반", "초중반", "중후반"]


def _printed(n: int) -> str:
    return f"{n:,}"  # Korean articles group thousands: "1,500억원대"


def _step(n: int) -> int:
    """The span's step, worked out apart from the parser: 10 to the number of trailing zeros."""
    digits = str(n)
    return 10 ** (len(digits) - len(digits.rstrip("0")))


@settings(max_examples=300, deadline=None)
@given(n=st.integers(1, 9_999), scale=st.sampled_from(sorted(SCALES)), space=st.sampled_from(["", " "]),
       dae=st.booleans(), part=st.sampled_from([None, *PARTS]), part_space=st.sampled_from(["", " "]),
       tail_dae=st.booleans())
def test_korean_span_stays_inside_its_step(n, scale, space, dae, part, part_space, tail_dae):
    # "N조원 후반대", "N억 원대 초반", "N만원대": one mention over the whole phrase, low < high inside [N, N + step]
    text = f"{_printed(n)}{scale}{space}원" + ("대" if dae else "")
    if part:
        text += part_space + part + ("대" if tail_dae else "")
    if not dae and not part:
        text += "대"
    got = parse(text)
    assert [m.text for m in got] == [text]
    m = got[0]
    base, step = n * SCALES[scale], _step(n) * SCALES[scale]
    assert m.kind == "money" and m.unit == "KRW"
    assert base - 1e-9 * base <= m.low < m.high <= (base + step) * (1 + 1e-12)
    assert m.value == (m.low + m.high) / 2
    if part is None:
        assert (m.low, m.high) == (base, base + step)


@settings(max_examples=200, deadline=None)
@given(n=st.integers(0, 999), dae_or_part=st.sampled_from(["대", *(p for p in PARTS), *("대 " + p for p in PARTS)]))
def test_percent_span_stays_inside_its_step(n, dae_or_part):
    text = f"{n}%{dae_or_part}"
    got = parse(text)
    assert [m.text for m in got] == [text]
    step = _step(n) if n else 1
    assert n <= got[0].low < got[0].high <= n + step


@settings(max_examples=200, deadline=None)
@given(whole=st.integers(1, 999), frac=st.sampled_from(["", ".5", ".25"]),
       word=st.sampled_from(["billion", "million", "trillion", "Billion", "bn"]), plus=st.sampled_from(["", "+", "-plus"]))
def test_hyphenated_scale_keeps_its_scale(whole, frac, word, plus):
    text = f"${whole}{frac}-{word}{plus}"
    got = parse(text)
    assert [m.text for m in got] == [text]
    factor = {"billion": 1e9, "bn": 1e9, "million": 1e6, "trillion": 1e12}[word.lower()]
    assert abs(got[0].value - float(f"{whole}{frac}") * factor) <= 1e-6 * got[0].value
    assert got[0].low is None and got[0].plus == bool(plus)


# pieces of the new forms and their near misses, run together with and without blanks
HOSTILE = ["5조원 후반대", "10%대", "1조 ", "1 조 ", "원대", " 초반", "후반대", "대", "$1.75-billion", "-billion",
           "-plus", "+", "±", "+/- ", "plus or minus ", "2%", "1,000억", "3만원대 ", "~", "-", "6천억 원대", "수천억"]


def _cost(text: str) -> int:
    """Calls made while parsing (Python functions and C functions such as a regex search): a count
    of work that a busy machine cannot stretch, unlike a timing. A rescan of the text per figure
    shows as calls growing with the square of the text."""
    calls = 0

    def count(frame, event, arg):  # noqa: ANN001 - the profiler's signature
        nonlocal calls
        if event in ("call", "c_call"):
            calls += 1

    sys.setprofile(count)
    try:
        parse(text)
    finally:
        sys.setprofile(None)
    return calls


def test_hostile_runs_parse_in_linear_time():
    # growth, not seconds: four times the text may take at most five times the calls (a quadratic
    # rescan takes sixteen); regex backtracking inside one call is bounded by the grammar's possessive
    # pieces, and tests/test_robustness.py guards the worst inputs against a hang
    runs = ["".join(HOSTILE), " ".join(HOSTILE), "1조 ", "1 조 ", "1조 2천 3백억 ", "10%대 후반 ", "±", "$1-billion-",
            "5조원 후반대", "1~", "±1%"]
    for piece in runs:
        small, big = ((piece * (n // len(piece) + 1))[:n] for n in (5_000, 20_000))
        ratio = _cost(big) / max(_cost(small), 1)
        assert ratio < 5, f"{piece!r}: 4x the text took {ratio:.1f}x the calls"
