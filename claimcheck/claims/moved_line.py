"""'a 35.4% drop in sales of its older CF treatments': a change whose line is named after the words for the move.

A subject line counts for the figures after it; a change written before the noun that says what moved names its
line after the figure, so it is read here."""
from __future__ import annotations

import regex

from .business_lines import subject_lines
from .figure import Figure
from .metric_cue import CHANGE_NOUN_IN


def moved_line(fig: Figure) -> str | None:
    """The line a change right before 'drop in sales of …' is of, when the sentence names one there."""
    m, scan, lex = fig.m, fig.scan, fig.ctx.lex
    got = CHANGE_NOUN_IN.match(scan, m.end, min(fig.sent.end, m.end + 34))
    if got is None or (of := SALES_OF.match(scan, got.end(), got.end() + 24)) is None:
        return None
    lines = fig.ctx.per_sentence("lines", fig.whole, lambda s: subject_lines(scan, s.start, s.end, lex))
    return next((seg for a, _, seg in lines if got.end() <= a <= of.end()), None)


# "drop in sales of its …": the line is named after what moved (not "a 1% rise in global comparable sales", where the
# words before the sales word are a measure's scope, read elsewhere)
SALES_OF = regex.compile(r"(?:revenues?|sales)\s(?:of|from)\s(?:its\s|the\s)?", regex.IGNORECASE)
