"""Plain-text tables aligned with spaces, as broker notes print them.

    (단위: 십억원, %)
                     3Q24     2Q25     3Q25    4Q25E
    매출액         22,176   20,735   21,875   23,400
      YoY             7.1     -4.4     -1.4      2.8

A header of period labels ('3Q24', '2025E', 'FY26', '1H25') set apart by two or more spaces, with
perhaps a consensus or change column ('컨센서스', 'QoQ', 'YoY') among them, then rows of a label and figures. Each figure belongs to the header label whose right edge is
nearest its own, measured in display columns (a Hangul syllable is two wide, as the writer saw
it). An indented row, a change ('  YoY') or a part ('  합성고무'), belongs to the row above it, so its
label is that row's label plus its own ('매출액 YoY', '매출액 합성고무').
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

import regex

PERIOD_LABEL = regex.compile(r"(?:[1-4]Q\d{2}|\d{2}\.?[1-4]Q|[1-4]Q\s?FY\d{2}|FY\s?\d{2}(?:\d{2})?(?:Q[1-4])?|[12]H\d{2}"
                             r"|(?:19|20)\d\d(?:\.\d{1,2})?|\d{2}\.\d{1,2})[EFPA]?", regex.IGNORECASE)
GAP = regex.compile(r"\S+(?:\s\S+)*")  # tokens: runs of text with at most one blank inside
FIGURE = regex.compile(r"[(△▲▼+-]?\(?\d[\d,]*(?:\.\d+)?\)?%?")
# a consensus column beside the periods ("3Q25E  컨센서스"): the market's forecast of the latest period, read as such
CONSENSUS_COLUMN = regex.compile(r"컨센서스|consensus", regex.IGNORECASE)
CHANGE_ROW = regex.compile(r"yoy|qoq|증감|성장률|%\s?yoy|y/y|q/q", regex.IGNORECASE)
# and a change column after them ("3Q24  3Q25  QoQ  YoY"): the change of the latest period over the one its basis names
CHANGE_COLUMN = regex.compile(r"%?\s?(?:yoy|qoq|y/y|q/q|증감률?|증감|chg|change)(?:\s?\(%\))?", regex.IGNORECASE)


@dataclass(frozen=True)
class Row:
    label: str
    label_span: tuple[int, int]  # offsets in the article
    cells: list[tuple[int, int, str]]  # (start, end, header label) of each figure


def _width(s: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in s)


def _header(line: str) -> list[tuple[int, str]] | None:
    """(display column of the right edge, label) of each header label, if the line is a period header."""
    toks = [(m.start(), m.group()) for m in GAP.finditer(line)]
    periods = [(a, t) for a, t in toks if PERIOD_LABEL.fullmatch(t)
               or (a and (CONSENSUS_COLUMN.fullmatch(t) or CHANGE_COLUMN.fullmatch(t)))]
    if sum(1 for _, t in periods if PERIOD_LABEL.fullmatch(t)) < 2 or len(periods) < len(toks) - 1:
        return None
    return [(_width(line[:a]) + _width(t), t) for a, t in periods]


def read(text: str, starts: list[int]) -> dict[int, tuple[int, list[str], Row]]:
    """Line index -> (its header's line index, header labels, row) for every row of a space-aligned table."""
    out: dict[int, tuple[int, list[str], Row]] = {}
    n = len(starts)
    line = (lambda i: text[starts[i]:(starts[i + 1] - 1 if i + 1 < n else len(text))].rstrip("\r"))
    i = 0
    while i < n:
        head = _header(line(i)) if "  " in line(i) and "|" not in line(i) else None
        if head is None:
            i += 1
            continue
        parent, j = "", i + 1
        while j < n and (row := _row(line(j), starts[j], head, parent)) is not None:
            out[j] = (i, [t for _, t in head], row)
            if not line(j).startswith((" ", "\t")):
                parent = row.label
            j += 1
        i = j
    return out


def _row(raw: str, base: int, head: list[tuple[int, str]], parent: str) -> Row | None:
    figs = [m for m in FIGURE.finditer(raw) if _alone(raw, m.start(), m.end())]
    if len(figs) < 2 or not raw.strip():
        return None
    label_end = figs[0].start()
    label = raw[:label_end].strip()
    if not label or len(label) > 30:
        return None
    if raw[:1] in " \t" and parent:
        label = f"{parent} {label}"  # '  YoY', '  합성고무' under '매출액': a change or a part of the row above
    ends = [e for e, _ in head]
    cells = []
    for k, m in enumerate(figs):
        if len(figs) == len(head):
            col = head[k][1]
        else:
            right = _width(raw[:m.end()])
            col = head[min(range(len(ends)), key=lambda c: abs(ends[c] - right))][1]
        cells.append((base + m.start(), base + m.end(), col))
    lead = len(raw) - len(raw.lstrip())
    return Row(label, (base + lead, base + lead + len(raw[lead:label_end].rstrip())), cells)


def _alone(raw: str, a: int, b: int) -> bool:
    """A figure set apart by blanks, not digits inside a label ('3Q25E' or 'K-IFRS 2.0')."""
    return (a == 0 or raw[a - 1] in " \t") and (b == len(raw) or raw[b] in " \t")
