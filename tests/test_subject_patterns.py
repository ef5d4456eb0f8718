"""Each subject pattern is tried only in sentences holding its words (subject_patterns.SUBJECTS pairs them). If a
pattern is widened and its words are not, the pattern silently stops matching what it was widened for: widening
'판매량' to '판매' once blocked every '판매량은'. So every match a pattern makes in the typing cases' texts must lie
where its words are found, within the reach of its lookbehinds and lookaheads."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from claimcheck.claims.subject_patterns import SUBJECTS

CASES = sorted((Path(__file__).resolve().parent / "cases").glob("typing*.yaml"))
TEXTS = [case["text"] for path in CASES for case in yaml.safe_load(path.read_text(encoding="utf-8"))["cases"]]
BEFORE, AFTER = 60, 80  # the longest lookbehind (a breakdown's first item and its change, '별 매출은 급식이 1,286억원으로 4.5% 감소했고, ') and lookahead (a figure and its metric) reach


@pytest.mark.parametrize("k", range(len(SUBJECTS)))
def test_a_subject_pattern_matches_only_where_its_words_are(k: int):
    rx, words = SUBJECTS[k]
    found = [(t, m) for t in TEXTS for m in rx.finditer(t)]
    missed = [t[m.start():m.end()] for t, m in found if not words.search(t, max(0, m.start() - BEFORE), m.end() + AFTER)]
    assert not missed, missed[:3]


def test_the_cases_exercise_most_subject_patterns():
    used = sum(1 for rx, _ in SUBJECTS if any(rx.search(t) for t in TEXTS))
    assert used >= len(SUBJECTS) - 3, f"only {used} of {len(SUBJECTS)} patterns match any case text"
