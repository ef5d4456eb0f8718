"""A business line's or region's id from its printed name: lower case, words joined by '_', and a dotted
abbreviation read as one word ("U.S. Healthcare" and "US healthcare" are one line, "us_healthcare")."""
from __future__ import annotations

import regex

DOTTED_ABBREVIATION = regex.compile(r"\b(?:[A-Z]\.){2,3}")
NOT_WORD = regex.compile(r"[\W_]+")
# "the Boats segment", "Boats segment operating profit" (a table's row) and "Boats" name one line
UNIT_WORD = regex.compile(r"(?<=[A-Za-z]{2})\s(?:segments?|divisions?|units?|business)$", regex.IGNORECASE)


def plain_id(word: str) -> str:
    word = UNIT_WORD.sub("", word.strip())
    word = DOTTED_ABBREVIATION.sub(lambda x: x.group().replace(".", ""), word)
    return NOT_WORD.sub("_", word).strip("_").lower()
