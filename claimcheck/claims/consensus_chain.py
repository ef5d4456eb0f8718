"""A consensus sentence in English that lists the market's figures one after another: "The current consensus EPS
estimate is $1.52 on revenues of $620 million for the coming quarter and $5.52 on $1.76 billion in revenues for the
current fiscal year", "Analysts expect earnings of $1.40 per share, with revenues of $610 million". Every figure of the
chain the head opens is the market's expectation, until a word that is no part of such a list (a verb of reporting,
'versus', 'compared') ends it."""
from __future__ import annotations

import regex

# the head: who expects, and the verb or copula that hands over the first figure
HEAD = regex.compile(
    r"\b(?:(?:the\s)?(?:current\s|average\s|street\s)?consensus\s(?:(?:EPS|earnings|revenue|sales|profit)\s)?"
    r"(?:estimates?|expectations?|forecasts?|views?)\s(?:(?:for\s[^.;!?$€£¥₩\d]{1,40}?\s)?(?:is|are|was|were|stands?\sat|stood\sat|calls?\sfor|of|at))"
    r"|analysts(?:\spolled\sby\s[\w&.\s]{1,30}?)?\s(?:had\s)?(?:on\saverage\s)?(?:expect(?:ed)?|forecast|estimated?|project(?:ed)?|see)"
    r"|(?:Wall\s)?Street\s(?:expects|forecasts|sees))\s",
    regex.IGNORECASE)
# words that may stand between two figures of one list of expectations
LINK_WORDS = frozenset((
    "on", "of", "in", "and", "with", "for", "the", "a", "an", "its", "per", "share", "revenue", "revenues", "sales",
    "eps", "earnings", "coming", "current", "next", "this", "fiscal", "year", "quarter", "full", "full-year", "period",
    "billion", "million", "bn", "mn", "cents", "respectively", "growth", "like-for-like", "organic", "comparable", "first", "second", "third", "fourth", "ending",
))
# and the period words a list names its figures' spans with: "Q4", "2026", "FY26"
SPAN_TOKEN = regex.compile(r"(?:Q[1-4]|[12]H|H[12]|FY)?(?:20)?\d\d|Q[1-4]|FY|H[12]", regex.IGNORECASE)
FIGURE = regex.compile(r"[-+]?[$€£¥₩]?\d[\d.,]*[%BMKbmk]?")
WORD = regex.compile(r"[\p{L}-]+|[$€£¥₩]?\d[\d.,]*[%BMKbmk]?|[^\s\p{L}\d]")
REACH = 240  # no list of expectations runs longer


def in_chain(scan: str, start: int, pos: int) -> bool:
    """Whether the figure at pos continues a list of expectations a consensus head opened in its sentence (which
    starts at start): every word between the head and the figure is one such a list is written with."""
    lo = max(start, pos - REACH)
    heads = list(HEAD.finditer(scan, lo, pos))
    if not heads:
        return False
    gap = scan[heads[-1].end():pos]
    return all(_links(w) for w in WORD.findall(gap))


def _links(word: str) -> bool:
    return word.lower() in LINK_WORDS or word in (",", "$", "€", "£") or FIGURE.fullmatch(word) is not None \
        or SPAN_TOKEN.fullmatch(word) is not None
