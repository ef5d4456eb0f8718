"""Property tests: parse() and extract() never raise and always point at their own text."""
from __future__ import annotations

import math
import string

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from claimcheck.claims.build import extract
from claimcheck.models import Article
from claimcheck.numbers.parse import parse

ALPHABET = (
    string.digits
    + ",.~-+%$()[]△▲▼"
    + "만억조천백원달러위안"
    + "년월일분기개명배위p"  # suffixes that change a figure's kind
    + "０１９％．＋－～"  # fullwidth forms folded by the parser
    + "abcxyzKMBQETbnmk"
    + "  \n\n"
)

# Pieces that look like real figures, so random joins reach ranges, compounds and suffixes often.
TOKENS = [
    "1", "12", "1,234", "3.5", "0.05", "79", "1,400", "2,426", "5", "천", "백", "만", "억", "조",
    "원", "달러", " 달러", "위안", " 위안", "엔", "%", "%p", "%포인트", "bp", "bn", " billion",
    "$", "€", "¥", "USD ", "~", "-", " to ", "+", "△", "▲", "▼", "(", ")", "약 ", " ", "\n",
    "개", " 개", "회", "명", "년", "개월", "분기", "위", "배", "x", "2025-11-13", "9월 30일",
    "삼성전자 ", "매출 ", "영업이익 ", "전년 대비 ", "증가했다. ", "| ", " |", "GPT-4", "EC2", "Q4",
    # issue-8 forms: spans, tolerances, hyphenated scales
    "대", " 후반", "초반", "중후반", " 수천억", "수백만", "±", "+/- ", "plus or minus ", "-billion", "-plus", " Billion",
]

text_strategy = st.one_of(
    st.text(alphabet=ALPHABET, max_size=120),
    st.lists(st.sampled_from(TOKENS), max_size=40).map("".join),
)

SETTINGS = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(text_strategy)
@example("2,426억5천만 위안 1,060억~1,120억 달러 △5.2% $320+ 3-6개월")
@example("$0\n억")
def test_parse_spans_and_bounds(text):
    got = parse(text)
    prev_start = -1
    for m in got:
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert m.start > prev_start  # in text order, no duplicates
        prev_start = m.start
        if m.low is not None and m.high is not None:
            assert m.low <= m.high
            assert m.low <= m.value <= m.high
        assert (m.low is None) == (m.high is None)
        assert m.half_width >= 0
        assert not math.isnan(m.value)


@SETTINGS
@given(text_strategy)
@example("삼성전자 매출은 79조1,400억원, 영업이익률 34.3%\n\n| 구분 | 3Q25 |\n|---|---|\n| 매출 | 1,200억 |\n")
@example("$0\n억")  # a figure never runs across a line break
@example("삼성전자 매출 1,000\n억원")
def test_extract_claims_point_at_their_text(text):
    art = Article(path="prop.md", text=text)
    claims = extract(art)
    lines = text.split("\n")
    for c in claims:
        assert c.file == "prop.md"
        assert 1 <= c.line <= len(lines)
        assert c.column >= 1
        assert c.text, c
        assert lines[c.line - 1][c.column - 1:].startswith(c.text), (c.line, c.column, c.text)
        if c.low is not None and c.high is not None:
            assert c.low <= c.high
