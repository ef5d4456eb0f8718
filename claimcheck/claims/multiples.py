"""Price-earnings multiples: "목표 PER 13배를 적용", "about 26x FY26E EPS; the shares trade on 23.2x". A multiple is a
claim only where the sentence speaks of earnings per share or a P/E; a target's multiple (the one a price target is
set at) is `target_per`, the shares' own `per`."""
from __future__ import annotations

import regex

from ..numbers.parse import Mention

# the words that make a multiple a price-earnings one, within its sentence
PE_WORDS = regex.compile(r"\bP/?E\b|\bPER\b|주가수익비율|\bEPS\b|주당순이익|\bearnings\smultiple|\bprice[\s-]to[\s-]earnings", regex.IGNORECASE)
# a multiple a target is set at: named as the target's, applied to earnings, or the price target's own
TARGET_BEFORE = regex.compile(r"(?:목표|타깃|target|적정)\s?(?:P/?E|PER|멀티플|배수|multiple)(?:\s?\([^()]{0,12}\))?[^.;\d]{0,16}$"
                              r"|(?:price\s)?target(?:[^.;]|\.(?=\d)){0,60}?\b(?:about|around|roughly|at|on|is|implies|implying|equivalent\sto)\s(?:an?\s)?$"
                              r"|목표\s?주가[^.;]{0,60}$", regex.IGNORECASE)
TARGET_AFTER = regex.compile(r"\s?(?:를|을)?\s?(?:적용|부여|target)", regex.IGNORECASE)


def pe_multiple(scan: str, start: int, end: int, m: Mention) -> bool:
    """Whether the multiple m, in the sentence scan[start:end], is a price-earnings one."""
    return m.kind == "multiple" and PE_WORDS.search(scan, start, end) is not None


def pe_metric(scan: str, start: int, m: Mention) -> str:
    """'target_per' for the multiple a price target is set at, else 'per'."""
    if TARGET_BEFORE.search(scan, max(start, m.start - 80), m.start) or TARGET_AFTER.match(scan, m.end, m.end + 8):
        return "target_per"
    return "per"


# "about 30x FY26E EPS", "15배(2026E)": the year of the earnings a multiple is of, written right after it
YEAR_AFTER = regex.compile(r"\s?\(?\s?(?:FY\s?(?P<fy>\d\d)|(?P<y>20\d\d))\s?[EF]?\b")


def multiple_year(scan: str, m: Mention) -> int | None:
    """The year named right after the multiple, if any."""
    got = YEAR_AFTER.match(scan, m.end, m.end + 12)
    if got is None:
        return None
    return int(got["y"]) if got["y"] else 2000 + int(got["fy"])
