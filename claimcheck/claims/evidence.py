"""Where each key field of a claim came from: the words that decided it, and how far they stand from the figure.

A claim's entity, metric, period and segment are each decided from some words: in the figure's own
sentence, its table row or column header, the table's caption, a heading above it, an earlier sentence,
or nothing but the article's date and main subject. The report shows these, and the engine lets a
finding be an error only when every field it rests on was stated, not carried or assumed.

An entry is (field, source, line, text): `source` is one of SOURCES, `line` the 1-based line of the
deciding words (None when nothing was read), `text` those words as printed.
"""
from __future__ import annotations

from ..models import ASSUMED, STATED, Ev
from .layout import Layout

SOURCES = STATED + ASSUMED + ("none",)
FIELDS = ("entity", "metric", "period", "segment")


class Where:
    """A decided field's source and the span of the words that decided it (offsets into the article)."""

    __slots__ = ("source", "start", "end", "text")

    def __init__(self, source: str, start: int | None = None, end: int | None = None, text: str | None = None):
        self.source, self.start, self.end, self.text = source, start, end, text

    def entry(self, field: str, lay: Layout) -> Ev:
        line = lay.line_of(self.start) + 1 if self.start is not None else None
        text = self.text
        if text is None and self.start is not None and self.end is not None:
            text = " ".join(lay.text[self.start:self.end].split())[:80] or None
        return (field, self.source, line, text)


NONE = Where("none")


def on_line(lay: Layout, line: int, source: str, text: str | None = None) -> Where:
    """Evidence that sits on a whole line (a heading, a table row's label), by 0-based line index."""
    start = lay.line_starts[line]
    return Where(source, start, start, text if text is not None else lay.line_text(line).strip()[:80])


def record(lay: Layout, found: dict[str, Where]) -> tuple[Ev, ...]:
    """The claim's evidence tuple, in FIELDS order; a field not decided by anything is `none`."""
    return tuple(found.get(f, NONE).entry(f, lay) for f in FIELDS)


def record_field(lay: Layout, evidence: tuple[Ev, ...], field: str, where: Where) -> tuple[Ev, ...]:
    """The evidence with one field's entry replaced, for a decision a later pass revises."""
    return tuple(where.entry(field, lay) if e[0] == field else e for e in evidence)


def describe(e: Ev) -> str:
    """'period 2025Q1: '1분기' in the same sentence' — one field's evidence in words, for the report."""
    f, source, line, text = e
    said = f"'{text}' " if text else ""
    where = {
        "clause": "in the same sentence",
        "table": f"in its table row or column (line {line})",
        "caption": f"in the table's caption (line {line})",
        "heading": f"in the heading on line {line}",
        "carried": f"carried from line {line}",
        "default": "taken from the article's date or main subject",
        "none": "not stated",
    }[source]
    return f"{f}: {said}{where}"
