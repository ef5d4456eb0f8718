"""Figures read in another unit: a bare table cell in its table's declared unit, and a currency conversion
that restates the figure before it."""
from __future__ import annotations

from dataclasses import replace

import regex

from ..models import Claim
from ..numbers.parse import Mention
from .article_context import Ctx
from .layout import Layout
from .table_units import NO_AMOUNT, PCT_ROW, column_unit
from .tables import scales_money


# "(Q3 24: 61.8)": the year of a period label is no amount in the unit its list declares
PERIOD_DIGITS = regex.compile(r"(?<![\p{L}])(?:[QH][1-4]|FY)\s?$")


def in_table_unit(m: Mention, lay: Layout) -> Mention:
    """A bare table cell in the unit its column or table declares: "| EPS(원) |" keeps its own, "| PER(배) |" is no
    amount, a percent row or column is percent, the rest the table's ("(단위: 십억원)")."""
    if m.kind not in ("plain", "money") or m.scaled or PERIOD_DIGITS.search(lay.scan, max(0, m.start - 4), m.start):
        return m
    li = lay.line_of(m.start)
    unit, cell = lay.units.get(li), lay.cell_at(li, m.start)
    # a column's own unit, else its row's ("| Business EPS (€) | 2.65 |" in a table of € millions)
    own = (column_unit(cell[1].header) or column_unit(cell[1].row_label)) if cell else None
    if own is None and unit and cell and PCT_ROW.search(cell[1].header):
        own = ("percent", "%", 1.0)
    unit = own or unit
    if not unit or unit == NO_AMOUNT or not (m.kind == "plain" or scales_money(m, unit, lay)):
        return m
    return in_unit(m, unit, lay.text)


def in_unit(m: Mention, unit: tuple[str, str, float], text: str) -> Mention:
    """A bare table cell read in its table's declared unit; "(1,000)" in a table is negative."""
    kind, cur, scale = unit
    neg = text[m.start - 1:m.start] == "(" and text[m.end:m.end + 1] == ")"
    v = -abs(m.value) if neg else m.value
    if kind == "percent":
        return replace(m, kind="percent", unit="%", value=v)
    return replace(m, kind="money", unit=cur, value=v * scale, half_width=m.half_width * scale, scaled=True,
                   low=m.low * scale if m.low is not None else None, high=m.high * scale if m.high is not None else None)


def converted(ctx: Ctx, base: Claim, m: Mention, approx: bool, si: int) -> Claim:
    lay = ctx.lay
    li = lay.line_of(m.start)
    # "a pre-tax loss of JPY 365.0 billion (EUR 3.54 billion)": the conversion is of the same amount, loss and all
    flip = base.value < 0 < m.value
    value, low, high = (-m.value, -m.high if m.high is not None else None, -m.low if m.low is not None else None) if flip \
        else (m.value, m.low, m.high)
    return base.model_copy(update=dict(
        line=li + 1, column=m.start - lay.line_starts[li] + 1, text=ctx.art.text[m.start:m.end], value=value,
        low=low, high=high, unit=m.unit, bound="approx" if approx else "eq", half_width=m.half_width,
        sentence=si))
