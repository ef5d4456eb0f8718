"""A legend that says what a sentence's brackets hold: "신세계푸드는 올해 3분기 연결 기준(괄호 안은 전년 동기) 매출
4,012억원(3,958억원), 영업이익 92억원(81억원)". The period the legend names dates the bracketed figures only; every
other figure of the sentence keeps the period in view."""
from __future__ import annotations

import regex

from ..numbers.parse import Mention
from .period_phrases import PeriodRef

LEGEND_OPEN = regex.compile(r"[(（]\s?(?:괄호\s?(?:안은|안의\s?(?:숫자|수치)는|안|속은|속|는|내)|(?:year[\s-]earlier|prior[\s-]year)?\s?"
                            r"(?:figures?|numbers?)\s(?:in\s)?brackets?\s(?:are|for|show)|brackets?\s(?:show|are))\s?(?:은|는)?\s?$",
                            regex.IGNORECASE)
LEGEND_CLOSE = regex.compile(r"\s?(?:기준|수치|실적|figures?)?\s?[)）]")
# a figure in a bracket of its own right after another figure: "4,012억원(3,958억원)"
AFTER_FIGURE = regex.compile(r"(?:\d|원|%|[BMK]|bn|m)\s?[(（]$")


def legend_refs(refs: list[PeriodRef], scan: str) -> list[PeriodRef]:
    """The period phrases among refs that stand in a bracket legend."""
    return [r for r in refs if LEGEND_OPEN.search(scan, max(0, r.start - 24), r.start) and LEGEND_CLOSE.match(scan, r.end)]


def in_legend(refs: list[PeriodRef], m: Mention, scan: str) -> list[PeriodRef]:
    """refs as the figure m reads them under a bracket legend: only the legend's period for a bracketed figure, every
    period but the legend's for the others (refs unchanged when the sentence has no legend)."""
    legend = legend_refs(refs, scan)
    if not legend:
        return refs
    if AFTER_FIGURE.search(scan, max(0, m.start - 4), m.start) and scan[m.end:m.end + 1] in (")", "）"):
        return legend
    return [r for r in refs if r not in legend]
