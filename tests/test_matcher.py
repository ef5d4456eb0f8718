"""The cue and topic matchers read a long text through a lower-cased copy; they must find what the
case-insensitive trie finds in the text itself, spelling and all, whatever the characters."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from claimcheck import vocab as L
from claimcheck.word_matcher import LONG_TEXT, Matcher, _lowered

LEX = L.default()
CUES = sorted({cue for cue, _ in LEX.metric_cues})
# characters the re module folds by its extra case table, or that lower-case to two: the text is then read
# as it is; and capitals that fold simply (Kelvin sign, sigma, capital sharp s), read lower-cased
ODD = ["ſ", "ı", "İ", "µ", "ς", "ß", "ﬅ", "ϐ"]
SIMPLE_ODD = ["K", "Σ", "ẞ", "Ä"]
WORDS = st.sampled_from(CUES).flatmap(lambda w: st.sampled_from([w, w.upper(), w.title(), w.swapcase()]))
GLUE = st.sampled_from([" ", ", ", "\n", "은 ", "의 ", "12.5% ", "AI ", "cloud ", "광고 "])
SIMPLE = st.lists(st.one_of(WORDS, GLUE, st.sampled_from(SIMPLE_ODD)), min_size=1, max_size=60)


def _spans(matcher: Matcher, text: str, slow: bool) -> list[tuple[int, int, str]]:
    lower_rx = matcher.lower_rx
    if slow:
        matcher.lower_rx = None
    try:
        return [(m.start(), m.end(), m.group()) for m in matcher.finditer(text)]
    finally:
        matcher.lower_rx = lower_rx


def _long(text: str) -> str:
    return (text + " ") * (LONG_TEXT // len(text) + 2)  # long enough to be read lower-cased


@settings(max_examples=60, deadline=None)
@given(SIMPLE)
def test_lower_cased_reading_finds_what_the_text_holds(pieces):
    text = _long("".join(pieces))
    assert _lowered(text) is not None
    for matcher in (LEX.metric_rx, LEX.topic_rx):
        assert _spans(matcher, text, slow=False) == _spans(matcher, text, slow=True)


@settings(max_examples=20, deadline=None)
@given(SIMPLE, st.sampled_from(ODD))
def test_a_text_with_odd_case_folding_is_read_as_it_is(pieces, odd):
    text = _long("".join(pieces) + odd)
    assert _lowered(text) is None
    for matcher in (LEX.metric_rx, LEX.topic_rx):
        assert _spans(matcher, text, slow=False) == _spans(matcher, text, slow=True)


def test_the_fast_reading_is_used_on_a_long_plain_text():
    assert LEX.metric_rx.lower_rx is not None and LEX.topic_rx.lower_rx is not None
    text = "매출 Revenue 영업이익 " * 1000
    assert _lowered(text) == text.lower()
    assert _lowered(text + "ſ") is None  # folds by the extra table: read as it is
