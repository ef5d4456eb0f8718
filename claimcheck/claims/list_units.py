"""The unit a list's lead line declares for the bare figures of its items: "Ericsson Q3 25 against consensus (SEK b.
unless stated):" over "- Net sales: 56.2 (Q3 24: 61.8; consensus: 55.6)", "실적 요약 (단위: 억원)" over "· 매출액: 942".
An analyst's note prints its key figures so, as a table without rules; the items take the unit as a table's
cells take their caption's."""
from __future__ import annotations

import regex

from .layout import Layout
from .line_kinds import LIST_ITEM
from .table_units import PCT_ROW, UNIT_DECL, unit_of

# a lead line: short, closing on a colon or on its bracketed unit
LEAD_END = regex.compile(r"[:：]\s*$|\)\s*$")
LEAD_MAX = 120


def declare(lay: Layout, lines: list[str]) -> None:
    """Sets lay.units for each item line of a list whose lead line declares a money unit (items up to the first
    line that is no item)."""
    for i, raw in enumerate(lines):
        if len(raw) > LEAD_MAX or not LEAD_END.search(raw) or LIST_ITEM.match(raw) or "(" not in raw and "단위" not in raw:
            continue
        unit = unit_of(" ".join(UNIT_DECL.findall(raw)))
        if unit is None or unit[0] != "money" or unit[2] == 1.0:
            continue  # only a scaled money unit: a bare "원" or "$" says nothing about a bare 56.2
        for j in range(i + 1, len(lines)):
            if not LIST_ITEM.match(lines[j]):
                break
            if j not in lay.units and j not in lay.cells:
                lay.units[j] = ("percent", "%", 1.0) if _pct_item(lines[j]) else unit


def _pct_item(raw: str) -> bool:
    """An item whose label names a rate ('- Adjusted EBITA margin: 15.1%'): its bare figures are percents."""
    label = raw.split(":", 1)[0] if ":" in raw else ""
    return bool(label) and PCT_ROW.search(label) is not None
