"""A comparison's list of bases dated by the period phrase that closes it: "net income of $67 million and diluted EPS of
$0.06 compared with net income of $310 million and diluted earnings per share of $0.24 for the three months ended
September 30, 2024". Every figure after the comparison word is that period's, the first one too (the period phrase
follows it only after another figure, which dating.date would not look past), and each is a base, so the year-ago
period is carried into no later sentence."""
from __future__ import annotations

import regex

from ..numbers.parse import Mention
from . import periods as PR
from .layout import Sentence

COMPARED = regex.compile(r"\b(?:compared\s(?:with|to)|versus|vs\.?|as\sagainst)\s", regex.IGNORECASE)
COMPARED_REACH = 90  # from the comparison word to the list's first figure: "compared with net income of "
# what joins the list's figures up to the period phrase: labels, "and", per-share asides; no clause break
LIST_GAP = regex.compile(r"(?:[^.;:()\n]|\.(?=\d))*?,?\s(?:for|in|during)\s(?:the\s)?", regex.IGNORECASE)
LIST_REACH = 120
DIGIT = regex.compile(r"\d")
NO_NOW = regex.compile(r"\b(?:while|but|whereas)\b", regex.IGNORECASE)  # a new clause, about now again


def compared_list(scan: str, sent: Sentence, m: Mention, refs: list[PR.PeriodRef]) -> tuple[str, bool] | None:
    """(the period closing the comparison list that figure m stands in, whether another figure of the list comes
    between), or None. A figure the period phrase follows straight away takes it anyway, and keeps a yearless lead's
    span ("Third quarter EPS were $1.02 in 2025 compared with $0.97 in 2024"): it is only a base."""
    leads = list(COMPARED.finditer(scan, max(sent.start, m.start - COMPARED_REACH), m.start))
    lead = leads[-1] if leads else None
    if lead is None or any(lead.end() <= r.start < m.start for r in refs) or NO_NOW.search(scan, lead.end(), m.start):
        return None
    after = next((r for r in refs if m.end <= r.start <= m.end + LIST_REACH), None)
    if after is None or not after.period or after.relative or NO_NOW.search(scan, m.end, after.start) \
            or not LIST_GAP.fullmatch(scan, m.end, after.start):
        return None
    return after.period, DIGIT.search(scan, m.end, after.start) is not None
