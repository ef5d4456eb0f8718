"""A business line's or region's id from its printed name: lower case, words joined by '_', and a dotted
abbreviation read as one word ("U.S. Healthcare" and "US healthcare" are one line, "us_healthcare")."""
from __future__ import annotations

import regex

DOTTED_ABBREVIATION = regex.compile(r"\b(?:[A-Z]\.){2,3}")
NOT_WORD = regex.compile(r"[\W_]+")


def plain_id(word: str) -> str:
    word = DOTTED_ABBREVIATION.sub(lambda x: x.group().replace(".", ""), word)
    return NOT_WORD.sub("_", word).strip("_").lower()
