"""Publication dates that scraped pages print among other words, which datelines.py's stricter forms miss.

- a stamp: a date with its clock time in the head ("한빛경제신문 입력 2025.10.29 16:38", "연합뉴스 2024-11-14 18:00:34",
  "Hormel Foods(US:HRL)2025-08-28 10:20"): an outlet or a ticker may stand before it, but a time of day after a
  date is how a page stamps when it went up;
- a newswire's dateline, wherever it sits ("OMAHA, Neb., Nov. 6, 2025 /PRNewswire/ --", "HOLLYWOOD, FL / ACCESS
  Newswire / August 25, 2025 /"): under a long navigation menu it can be far below the head;
- a headline that closes on a full date ("... Earnings Call Transcript October 13, 2025").

datelines.publication_date asks these only after its own forms found nothing, so a page's date line still wins.
A date that an event word governs ("on 2026-02-05 10:00") is passed over, as there.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import regex

from .date_forms import dates_in

Piece = Callable[[int, int], bool]  # whether text[start:end], a date, may be the piece's own (not an event's)

CLOCK = regex.compile(r",?\s?(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?!\d)")
WIRES = regex.compile(r"PR\s?Newswire|GLOBE\s?NEWSWIRE|Business\s?Wire|ACCESS\s?Newswire|ACCESSWIRE|Newsfile"
                      r"|EQS[\s-]?News", regex.IGNORECASE)
WIRE_REACH = 60  # a wire dateline's date sits next to the wire's name: "…, Oct. 27, 2025 /PRNewswire/ --"
LINE_END = regex.compile(r"[\W_]*$")


def stamp(text: str, body: int, head_end: int, piece: Piece) -> dt.date | None:
    """The first date in the head that a clock time follows."""
    for start, end, got in dates_in(text, body, head_end):
        if CLOCK.match(text, end) and piece(start, end):
            return got
    return None


def newswire(text: str, body: int, piece: Piece) -> dt.date | None:
    """The date nearest a newswire's name on its line, for the first such name that has one."""
    for m in WIRES.finditer(text, body):
        a = text.rfind("\n", 0, m.start()) + 1
        b = text.find("\n", m.end())
        b = len(text) if b < 0 else b
        near = [(min(abs(m.start() - end), abs(start - m.end())), got)
                for start, end, got in dates_in(text, max(a, m.start() - WIRE_REACH), min(b, m.end() + WIRE_REACH))
                if piece(start, end)]
        if near:
            return min(near)[1]
    return None


def title_date(text: str, body: int, piece: Piece) -> dt.date | None:
    """A full date that closes the first line with words on it."""
    while body < len(text) and text[body] in "\r\n \t":
        body += 1
    b = text.find("\n", body)
    b = len(text) if b < 0 else b
    got = dates_in(text, body, b)
    if got and LINE_END.fullmatch(text, got[-1][1], b) and piece(got[-1][0], got[-1][1]):
        return got[-1][2]
    return None
