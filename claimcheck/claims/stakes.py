"""A holding's worth and a sale's proceeds: "Prosus's Tencent stake was worth about US$179bn", "sold its whole
holding in Nvidia for $5.83 billion", "raising $5.83 billion from the sale of 32.1 million shares". The figure is an
investment of the company that holds (or sold) the stake, never a figure of the company the stake is in: not its price,
not its profit."""
from __future__ import annotations

import regex

from .figure import Figure

STAKE_BEFORE = regex.compile(r"\b(?:stake|holding|holdings|position|shares)\b(?:\s(?:in|of)\s[^,;]{1,48}?)?"
                             r"\s(?:was\s|were\s|is\s|are\s)?(?:worth|valued\sat|for)\s"
                             r"(?:about\s|roughly\s|some\s|nearly\s|around\s|almost\s)?(?:US|HK|A|C)?[$€£¥₩]?$", regex.IGNORECASE)
RAISING_BEFORE = regex.compile(r"\b(?:raising|raised|fetching|fetched|netting|netted)\s(?:about\s|roughly\s|some\s)?"
                               r"(?:US|HK|A|C)?[$€£¥₩]?$", regex.IGNORECASE)
# "After Selling Off $5.8 Billion Nvidia Stake": the sale's amount before the stake it sold
SOLD_BEFORE = regex.compile(r"\b(?:selling|sold|sells|sell|offloading|offloaded)\s(?:off\s)?(?:a\s|its\s)?(?:US|HK|A|C)?[$€£¥₩]?$",
                            regex.IGNORECASE)
STAKE_AFTER = regex.compile(r"\s(?:[A-Z][\w.&-]*\s){0,2}(?:stake|holding)\b", regex.IGNORECASE)
PROCEEDS_AFTER = regex.compile(r"\s(?:from|through|via|in)\s(?:the\s)?(?:sale|disposal|sell-?down)\sof\b", regex.IGNORECASE)
REACH = 90  # characters back to the stake word


def stake_value(fig: Figure, metric: str, ent: str | None) -> tuple[str, str | None]:
    """(metric, entity): a stake's worth or a sale's proceeds as the holder's investment; anything else unchanged."""
    scan, m = fig.scan, fig.m
    if m.kind != "money":
        return metric, ent
    lo = max(fig.sent.start, m.start - REACH)
    said = STAKE_BEFORE.search(scan, lo, m.start)
    if said is None and (raised := RAISING_BEFORE.search(scan, lo, m.start)) is not None \
            and PROCEEDS_AFTER.match(scan, m.end, min(fig.sent.end, m.end + 40)):
        said = raised
    if said is None and (sold := SOLD_BEFORE.search(scan, lo, m.start)) is not None \
            and STAKE_AFTER.match(scan, m.end, min(fig.sent.end, m.end + 40)):
        said = sold
    if said is None:
        return metric, ent
    # the holder is the company named in the possessive ("Prosus's Tencent stake"), else the story's own company
    fig.said = (said.start(), said.end())
    held = [e[2] for e in fig.own if e[0] < m.start and POSSESSIVE.match(scan, e[1])]
    holder = held[0] if held else fig.ctx.main
    return "investment", holder or ent


POSSESSIVE = regex.compile(r"['’]s?\s")
