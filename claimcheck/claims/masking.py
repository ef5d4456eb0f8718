"""The text layout reads: the article with what is not prose (front matter, URLs, code, comments) blanked."""
from __future__ import annotations

import regex

from ..numbers import patterns as P
from ..read import FRONT_MATTER

TITLE_VALUE = regex.compile(r"^title:[ \t]*(.+)$", regex.MULTILINE)


def _blanked(base: str, spans: list[tuple[int, int]]) -> str:
    """base with every span blanked but its line breaks, made from slices: a list of a 5 MB article's
    characters cost a third of a second to make and join."""
    out: list[str] = []
    last = 0
    for a, b in sorted(spans):
        a = max(a, last)
        if a < b:
            out += (base[last:a], "\n".join(" " * len(piece) for piece in base[a:b].split("\n")))
            last = b
    out.append(base[last:])
    return "".join(out)


# one character each way, so offsets into the scan still index the article
DASHES = str.maketrans({"\u2010": "-", "\u2011": "-", "\u2012": "-", "\u2013": "-", "\u2212": "-", "\u00ad": "-"})
HAS_DASH = regex.compile(r"[\u2010-\u2013\u2212\u00ad]")


def mask(text: str) -> str:
    """Same-length text with front matter, URLs, link targets, code and comments blanked, and the
    typographic hyphens and dashes ('fourth‑quarter' with U+2011) read as the ASCII hyphen."""
    base = text.translate(DASHES) if HAS_DASH.search(text) else text
    fm = FRONT_MATTER.match(text)  # only its extent is needed here; read.py parses it
    fm_end = fm.end() if fm else 0
    spans = [(0, fm_end)]
    if fm_end and (t := TITLE_VALUE.search(text, 0, fm_end)):
        spans = [(0, t.start(1)), (t.end(1), fm_end)]  # a headline states figures too
    for rx in (P.FENCE, P.HTML_COMMENT, P.INLINE_CODE, P.MD_LINK_TARGET, P.URL, IMAGE_ALT, WORTH_OF):
        spans += (m.span() for m in rx.finditer(text))
    spans += (m.span() for m in P.emails(text))
    return _blanked(base, spans)


# image alt text is a caption of a picture, not a figure
IMAGE_ALT = regex.compile(r"!\[[^\]\n]*\]")

# "수주잔고는 지난해 매출의 약 2년치에 해당하는 18조2000억원": how many years' worth of another figure an amount is; the
# other figure's metric and year describe the size, and are neither the amount's nor a claim of their own
WORTH_OF = regex.compile(r"(?:(?:지난해|작년|올해|연간|전년)\s?)?\p{Hangul}{1,8}의\s(?:약\s?)?\d+(?:\.\d+)?\s?(?:년|개월|분기)\s?치"
                         r"(?:에\s?(?:해당하는|달하는|이르는)|를|가|로)?")
