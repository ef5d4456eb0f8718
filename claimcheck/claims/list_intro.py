"""The lead-in sentence of a bulleted list, closed by a colon: it governs every bullet under it, as a section title
would, though it is too long (and may hold a figure of its own) to be read as one. It may say the list is on an
adjusted basis ("Compared to third quarter 2024, results for key financial measures, as adjusted for certain items …,
were as follows:") or name what the bullets measure ("Unilever's underlying sales growth by business group:")."""
from __future__ import annotations

from collections.abc import Callable

import regex

from .line_kinds import LIST_ITEM

ADJUSTED_INTRO = regex.compile(r"\b(?:as\sadjusted|on\san\sadjusted\sbasis|adjusted\sfor\scertain\sitems|on\sa\snon-GAAP\sbasis)\b"
                               r"|조정\s?기준으로", regex.IGNORECASE)
INTRO_CLOSE = regex.compile(r"[:：]\s*$")
FRAGMENT = regex.compile(r"^\s*[-*+•·]?\s*$")  # a bullet mark left alone on its line by a scrape
REACH = 12  # list lines looked back over for the lead-in


def adjusted_list(line_text: Callable[[int], str], line: int) -> bool:
    """Whether `line` sits in a bulleted list whose lead-in line, just above the list, says it is adjusted."""
    return ADJUSTED_INTRO.search(list_lead(line_text, line)) is not None


def list_lead(line_text: Callable[[int], str], line: int) -> str:
    """The lead-in line closed by a colon just above the bulleted list `line` sits in ("Unilever's underlying sales
    growth by business group in the third quarter:"), or "" when there is none."""
    at = lead_line(line_text, line)
    return "" if at is None else line_text(at)


def lead_line(line_text: Callable[[int], str], line: int) -> int | None:
    """The index of that lead-in line, or None."""
    if not LIST_ITEM.match(line_text(line)):
        return None
    for i in range(line - 1, max(-1, line - 1 - REACH), -1):
        raw = line_text(i)
        if LIST_ITEM.match(raw) or FRAGMENT.match(raw):
            continue
        return i if INTRO_CLOSE.search(raw) else None
    return None
