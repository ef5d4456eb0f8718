"""Why a figure got its key, field by field, for the reports that show it (text, html)."""
from __future__ import annotations

from typing import NamedTuple

from .. import labels
from ..models import Claim

SAID = {"clause": "in the sentence", "table": "table row, line {line}", "caption": "table caption, line {line}",
        "heading": "heading, line {line}", "carried": "carried from line {line}", "default": "assumed"}


class Said(NamedTuple):
    """One decided field: its name, the value it got, the article's words when they differ from
    that value, and where the words were found ("in the sentence", "carried from line 12")."""

    field: str
    value: str
    words: str
    where: str


def fields(c: Claim) -> list[Said]:
    """The claim's entity, metric, period and segment, each with the words that decided it; an
    unstated period says so, other undecided fields are left out."""
    value = {"entity": c.entity, "metric": labels.metric(c.metric), "period": c.period,
             "segment": labels.of_claim(c) if c.segment else None}
    out = []
    for field, source, line, text in c.evidence:
        if field not in value or (source == "none" and field != "period"):
            continue
        if source == "none":
            out.append(Said("period", "", "", "not stated, read as current"))
            continue
        if source == "table" and text and (field == "period" or (field == "entity" and text not in c.quote)):
            # a table dates a figure by its column's header, and names the company in the row or the header;
            # a metric or segment comes from the row's label, which a space-aligned table may join from two lines
            out.append(Said(field, f"{value[field]}", "", f"the column headed '{text}'"))
            continue
        # (a metric assumed is recorded by the id it started from, 'revenue_growth' under 'organic revenue growth':
        # an id is no word of the article's)
        words = text if text and text != value[field] and text not in (c.metric, c.segment) \
            and not (field == "metric" and source == "default") else ""
        out.append(Said(field, f"{value[field]}", words, SAID[source].format(line=line)))
    return out
