"""Markdown table cells: change columns, rows that name business lines, and the period a column stands under."""
from __future__ import annotations

import regex

from .. import calendar as CAL
from ..numbers.parse import Mention
from .. import vocab as L
from . import periods as PR
from .assign import label_cues
from .fixed_tables import CHANGE_ROW
from .layout import Layout
from .line_ids import plain_id
from .metric_cue import Typed
from .metric_patterns import LEVELS, RATIOS, T

# "증감률", "YoY", "% chg": a column of changes of whatever the row measures
# (and "| Energy Management organic (%) |": a line's organic growth, a change too)
GROWTH_HEAD = regex.compile(r"증감|증가율|성장률|변동률|전년\s?(?:동기\s?)?대비|전\s?분기\s?대비|전기\s?대비|yoy|qoq|y/y|q/q|y-o-y|q-o-q|growth|change|chg"
                            r"|\borganic\b|\borg\.",
                         regex.IGNORECASE)
CHANGE_BASIS = regex.compile(r"(?P<yoy>yoy|y/y|y-o-y|전년\s?(?:동기\s?)?대비)|(?P<qoq>qoq|q/q|q-o-q|전분기\s?대비)", regex.IGNORECASE)
# "| BUY (unchanged) | €140 | €116.30 |": a key-data row that opens on the house's rating names no line
RATING_ROW = regex.compile(r"^\s*(?:strong\s)?(?:buy|hold|sell|outperform|underperform|market\sperform|neutral|overweight|underweight"
                           r"|equal[\s-]weight|add|reduce|accumulate|매수|중립|매도|비중\s?확대|비중\s?축소|trading\sbuy)\b", regex.IGNORECASE)
TOTAL_ROW = regex.compile(r"^\s*(?:합계|총계|소계|계|전체|전사|연결|total|subtotal|consolidated|group)\b", regex.IGNORECASE)


PER_SALES_ROW = regex.compile(r"%\s?(?:of\s)?(?:net\s)?(?:sales|revenues?)\b|\bas\sa\s(?:%|percent(?:age)?)\sof\b|매출\s?대비", regex.IGNORECASE)


def growth_cell(lex: L.Lexicon, header: str, row_text: str, heading: str, m_value: float) -> Typed | None:
    """A percent under a change column, or in a change row ('매출액 YoY'), is the growth of the row's level
    (or of the table's subject)."""
    if not (GROWTH_HEAD.search(header) or GROWTH_HEAD.search(row_text)):
        return None
    row = [c.metric for c in label_cues(lex, row_text)]
    if any(r in RATIOS for r in row) or PER_SALES_ROW.search(row_text):
        # a margin's change is in points, and the row says which margin; "Operating Expenses (% Sales)" is a ratio too
        return None
    base = next((r for r in row if r in LEVELS), None) \
        or next((c.metric for c in label_cues(lex, heading) if c.metric in LEVELS), None) or "revenue"
    return Typed(T.growth(base) or "revenue_growth", negative=m_value < 0)


FOOTNOTE_MARK = regex.compile(r"(?:(?<=\p{L}{3})|(?<=\)))[1-9](?:,[1-9])*(?=\s|$)|[¹²³⁴⁵⁶⁷⁸⁹]")
OF_WHICH = regex.compile(r"^(?:thereof|of\swhich|hereof|davon)\s?[:,]?\s+", regex.IGNORECASE)


def row_segment(lex: L.Lexicon, row_text: str) -> str | None:
    """A row label that names no metric, company, period or total is a business line ("서치플랫폼", "Services")."""
    return L.remembered(lex, "row segment", row_text, lambda: _row_segment(lex, row_text))


def _row_segment(lex: L.Lexicon, row_text: str) -> str | None:
    if " › " in row_text:  # a part's row under its parent's (make_layout.SUB_JOIN): the part is the line
        parent, part = row_text.rsplit(" › ", 1)
        return _row_segment(lex, part) or _row_segment(lex, parent)
    # "| IaaS4 |", "| Thereof Cloud ERP Suite2 |", "| Underwriting income (loss)1 |", "| premiums written1,2 |": a
    # release's footnote marks and its "of which" name no part of the line
    label = regex.sub(r"\([^)]*\)", "", FOOTNOTE_MARK.sub("", row_text)).strip(" *")
    label = OF_WHICH.sub("", label)
    if not label or len(label) > 48 or TOTAL_ROW.match(label) or RATING_ROW.match(label) or PR.header_period(label)[0]:
        return None  # and "| 2023 |": a year heads its row, no line
    if cues := label_cues(lex, label):
        # "AIDC 매출", "Cloud revenue": the words before the row's one metric name its line
        prefix = label[:cues[0].start].strip(" ·-")
        # and "매출액 합성고무": a part's row under its metric's row, read with that row's label before its own
        part = label[cues[0].end:].strip(" ·-") if not prefix else ""
        part = "" if CHANGE_ROW.search(part) else part
        if len(cues) > 1 and part and not prefix and cues[1].start >= cues[0].end:
            return _row_segment(lex, part)  # "순영업수익 IB수수료": a part whose own label holds a metric word too
        if len(cues) > 1 or not (prefix or part) or L.taxonomy().says(cues[0].metric) is not None \
                or (prefix or part).lower() in lex.not_segments:
            return None
        return _row_segment(lex, prefix or part)
    if any(True for _ in lex.entity_rx.finditer(label)) or PR.find(label, 0, len(label), None, None):
        return None
    topic = L.topic(lex, label)
    return topic or plain_id(label) or None


def column_period(lay: Layout, line: int, k: int, fy: int | None) -> tuple[str | None, bool] | None:
    """For a change column after exactly two period columns ("3Q24 | 3Q25 | 증감률"), or one that names its
    basis ("| 3Q24 | 2Q25 | 3Q25 | YoY |"), the latest period. Over three or more columns with no basis
    ("2024 | 2025E | 2026E | 성장률") the change may be any step or a CAGR."""
    header = lay.headers.get(line) or []
    periods = [p for p in (PR.header_period(h, fy) for h in header[1:min(k, len(header))]) if p[0]]
    named = k < len(header) and CHANGE_BASIS.search(header[k])
    # the latest, whichever way the columns run ("| Q3 2025 | Q3 2024 | % Change |" is the third quarter's change)
    return max(periods, key=lambda p: p[0] or "") if periods and (len(periods) == 2 or named) else None


# "% vs Q2 2025": a change column that names its base; its figures are the latest column's change on that base
VERSUS = regex.compile(r"\b(?:vs\.?|versus|over|against)\s|대비", regex.IGNORECASE)


def versus_period(lay: Layout, line: int, k: int, fy: int | None) -> tuple[str | None, bool] | None:
    """The period of a change column that names its base: the latest of the table's other period columns."""
    header = lay.headers.get(line) or []
    if k >= len(header) or not VERSUS.search(header[k]):
        return None
    others = [p for j, h in enumerate(header[1:], 1) if j != k and (p := PR.header_period(h, fy))[0]]
    return max(others, key=lambda p: p[0] or "") if others else None


def column_basis(header: str, period: str | None = None, fy: int | None = None) -> str | None:
    """"YoY", "전년 대비", "QoQ", "전분기 대비": the basis a change column names; or "% vs Q2 2025" against the
    figure's own period, one quarter back or four."""
    m = CHANGE_BASIS.search(header)
    if m:
        return m.lastgroup
    base = PR.header_period(header, fy)[0] if period and VERSUS.search(header) else None
    if base and period:
        return {CAL.shift_quarter(period, -1): "qoq", CAL.shift_quarter(period, -4): "yoy"}.get(base)
    return None


# "($ millions, except per share data)": a money cell with no scale of its own is in the table's unit, a per-share row not
PER_SHARE_ROW = regex.compile(r"per\s(?:diluted\s)?share|\bEPS\b|주당|book\svalue", regex.IGNORECASE)


def scales_money(m: Mention, unit: tuple[str, str, float], lay: Layout) -> bool:
    cell = lay.cell_at(lay.line_of(m.start), m.start)
    return unit[0] == "money" and unit[2] > 1 and unit[1] == m.unit and cell is not None \
        and not PER_SHARE_ROW.search(cell[1].row_label)


# "| Actual rates | Constant rates |": a change column at constant exchange rates
CC_COLUMN = regex.compile(r"\bconstant\s(?:exchange\s)?(?:rates?|currenc(?:y|ies)|fx)\b|\bcc\b|불변\s?환율|고정\s?환율", regex.IGNORECASE)


def constant_rate_column(header: str) -> bool:
    """Whether a column's header says its changes are at constant exchange rates."""
    return CC_COLUMN.search(header) is not None


# "| 2025년 4분기 | 직전 분기 | 전년 동기 |": a level column named by where it stands from the table's dated one
PREVIOUS_HEAD = regex.compile(r"^\s*(?:직전\s?분기|전\s?분기|previous\squarter|prior\squarter|last\squarter)\s*$", regex.IGNORECASE)
YEAR_AGO_HEAD = regex.compile(r"^\s*(?:전년\s?동기|작년\s?동기|전년\s?같은\s?기간|year[\s-]ago(?:\squarter)?|prior[\s-]year(?:\squarter)?"
                              r"|same\squarter\slast\syear)\s*$", regex.IGNORECASE)


def relative_column(lay: Layout, line: int, k: int, fy: int | None) -> tuple[str | None, bool] | None:
    """The period of a level column headed "직전 분기" or "전년 동기": the table's first dated column's, a quarter
    (or a year) back."""
    header = lay.headers.get(line) or []
    if k >= len(header):
        return None
    back = -1 if PREVIOUS_HEAD.match(header[k]) else -4 if YEAR_AGO_HEAD.match(header[k]) else 0
    if not back:
        return None
    dated = next((p for h in header[1:] if (p := PR.header_period(h, fy))[0]), None)
    shifted = CAL.shift_quarter(dated[0], back) if dated and dated[0] else None
    return (shifted, False) if shifted else None
