"""Bullets run together on one line, as scraped digests print them: "Segment Performance - Americas: Sales of
$3.85 billion, a 6% increase [5] - EMEA: Sales of $2.18 billion, up 3% [5] - Linde Engineering: Sales decreased
by 15% to $519 million". Each " - Name: " opens a bullet of its own, and its label is what a label opening a line
would be: the business line (or the measure) of the figures after it, up to the next bullet.
"""
from __future__ import annotations

import regex

# " - " (or " • ") between two words; the label, when the bullet has one, is a short name before a colon
BULLET = regex.compile(r"(?<=\S)\s[-•]\s(?=\S)")
LABEL_AFTER = regex.compile(r"(?P<label>[\p{Lu}\p{Hangul}][^:：.;!?\n]{0,47}?)\s?[:：]\s")
FEWEST = 3  # a prose dash or two is no list: a line is a run of bullets when it has this many labelled ones
SHORTEST = 200  # characters: shorter lines are a list's own items, each on its line, or prose


def inline_bullets(raw: str, start: int) -> list[tuple[int, tuple[int, int] | None]]:
    """(offset of each bullet's mark, span of its label or None) along one line, offsets into the article;
    empty unless the line runs at least FEWEST labelled bullets together."""
    out: list[tuple[int, tuple[int, int] | None]] = []
    if len(raw) <= SHORTEST:
        return out
    for m in BULLET.finditer(raw):
        lab = LABEL_AFTER.match(raw, m.end())
        out.append((start + m.start(), (start + lab.start("label"), start + lab.end("label")) if lab else None))
    return out if sum(1 for _, lab in out if lab) >= FEWEST else []


def bullet_label(bullets: list[tuple[int, tuple[int, int] | None]], pos: int) -> tuple[int, int] | None:
    """The label of the bullet a position falls in (None when that bullet has none, or it falls before them all)."""
    got = None
    for at, lab in bullets:
        if at > pos:
            break
        got = lab
    return got if got and got[1] <= pos else None
