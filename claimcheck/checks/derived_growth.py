"""derived-growth: a stated growth rate (or point change) that does not follow from the values it relates.

Within one sentence or table row, two or more levels of one metric and a growth figure for
it (revenue and revenue_growth, a margin and its point change) are compared. The growth is
accepted when it matches any step between consecutive levels or the compound rate over
all of them, within the rounding of every figure printed.
"""
from __future__ import annotations

import regex
from pydantic import Field

from .. import calendar as CAL
from ..vocab import Lexicon
from ..metric_taxonomy import taxonomy
from ..models import BEFORE_REVISION, Claim
from .common import Draft, Hedged, figure, group, label, overlap, pct_iv

KIND = "derived-growth"
SCOPE = "article"  # within one sentence
ALIASES = ("growth",)  # the kind's earlier name, still accepted in rule files
T = taxonomy()


class Options(Hedged):
    slack: float = Field(0.005, description="absolute tolerance on the growth rate, as a fraction "
                                            "(0.005 is half a point), beyond rounding")


def _steps(levels: list[Claim], hedge: float) -> list[tuple[float, float]]:
    ivs = [c.interval(hedge) for c in levels]
    out = []
    for a, b in zip(ivs, ivs[1:]):
        if a[0] > 0:
            out.append((b[0] / a[1] - 1, b[1] / a[0] - 1))
    if len(ivs) > 2 and ivs[0][0] > 0 and ivs[-1][0] > 0:  # (a loss at the end has no yearly rate: a root of a negative)
        n = len(ivs) - 1
        out.append(((ivs[-1][0] / ivs[0][1]) ** (1 / n) - 1, (ivs[-1][1] / ivs[0][0]) ** (1 / n) - 1))
    return out


def _points(levels: list[Claim], hedge: float) -> list[tuple[float, float]]:
    ivs = [c.interval(hedge) for c in levels]
    return [(b[0] - a[1], b[1] - a[0]) for a, b in zip(ivs, ivs[1:])]


FROM_TO = regex.compile(r"에서|→|->|\bfrom\b|(?<!\bcompared\s)\bto\b", regex.IGNORECASE)
# "dipped 1% to $4.46 billion compared to $4.52 billion a year earlier": the level after the words is the base
COMPARED_TO = regex.compile(r"\bcompared\s(?:to|with)\b|\bversus\b|\bvs\.?\s|\bagainst\b", regex.IGNORECASE)


# "increased 9% to $5.7 billion, though variable investment income fell to $195 million": a clause set against the
# change's own is about something else, and its level is no base of the change
SET_AGAINST = regex.compile(r",\s(?:though|although|while|whereas|but)\s|;\s", regex.IGNORECASE)


def _set_against(g: Claim, c: Claim) -> bool:
    """Whether level c follows the change g in a clause set against g's own (same line, one sentence)."""
    if c.line != g.line or c.column <= g.column:
        return False
    i, j = g.quote.find(g.text), g.quote.find(c.text)
    return 0 <= i < j and SET_AGAINST.search(g.quote, i, j) is not None


def _when(period: str | None) -> tuple[int, int] | None:
    """A sortable (year, month) for calendar and fiscal periods alike."""
    if not period:
        return None
    return CAL.period_end(period[2:] if period.startswith("FY") else period)


def _by_dates(levels: list[Claim], g: Claim) -> bool:
    """Whether two prose levels were put in order only by their typed periods, with no from-to words or table
    columns to say which is the base: then a growth that fits them read the other way round ('up 3.7% to $30.97
    billion, against $29.86 billion' typed 2023 and 2024 the wrong way) is a dating slip, not a wrong rate."""
    q = g.quote
    if q.lstrip().startswith("|") or len(levels) != 2:
        return False
    i, j = sorted((q.find(levels[0].text), q.find(levels[1].text)))
    return not (0 <= i and FROM_TO.search(q, i, j))


def _ordered(levels: list[Claim], g: Claim) -> list[Claim] | None:
    """Levels in time order, or None when prose does not say which way they relate.

    A table row is in column order. In prose two levels relate only when both are dated
    (then by date) or written as a from-to pair ("A에서 B로", "from A to B").
    """
    if g.quote.lstrip().startswith("|"):
        # in time order when every column is dated ("| Q3 2025 | Q3 2024 | % Change |" runs backwards)
        whens = [w for x in levels if (w := _when(x.period)) is not None]
        return [x for _, x in sorted(zip(whens, levels), key=lambda p: p[0])] if len(whens) == len(levels) else levels
    if len(levels) != 2:
        return None
    a, b = levels
    ea, eb = (_when(x.period) for x in (a, b))
    if ea and eb and ea != eb:
        return [a, b] if ea < eb else [b, a]
    q = g.quote
    i, j = q.find(a.text), q.find(b.text)
    if 0 <= i < j and COMPARED_TO.search(q, i + len(a.text), j):
        return [b, a]
    if 0 <= i < j and FROM_TO.search(q, i + len(a.text), j):
        return [a, b]
    return None


def _from_now(base: list[Claim], g: Claim, hedge: float) -> list[tuple[float, float]]:
    """A change in a row of three or more dated columns may run from any earlier column to its own period's
    ("| Q3 2025 | Q3 2024 | % Change | Q2 2025 |": the change is on the year-ago column, not the next one)."""
    now = [c for c in base if c.period == g.period]
    when = _when(g.period)
    if len(base) < 3 or not now or when is None:
        return []
    earlier = [c for c in base if (w := _when(c.period)) is not None and w < when]
    return [step for e in earlier for step in _implied([e, now[0]], g, hedge)]


def _by_basis(levels: list[Claim], g: Claim) -> list[Claim] | None:
    """"| 3Q24 | 2Q25 | 3Q25 | YoY |": a dated yoy or qoq change relates its period to the one a year or quarter back."""
    step = {"yoy": -4, "qoq": -1}.get(g.basis or "")
    if not (step and g.period and "Q" in g.period):
        return None
    back = CAL.shift_quarter(g.period, step)
    then = [c for c in levels if c.period == back]
    now = [c for c in levels if c.period == g.period]
    return [then[0], now[0]] if then and now else None


def _apart_from_basis(base: list[Claim], g: Claim) -> bool:
    """"$5.2B in Q3 (+63% YoY) and is guided to $6.2B in Q4 (+66% YoY)": two dated quarters a quarter apart are
    no base for a change its sentence says is on the year before, nor a year apart for one on the quarter before."""
    step = {"yoy": -4, "qoq": -1}.get(g.basis or "")
    then, now = (base[0].period, base[1].period) if len(base) == 2 else (None, None)
    if not step or not then or not now or "Q" not in then or "Q" not in now or g.quote.lstrip().startswith("|"):
        return False
    return CAL.shift_quarter(now, step) != then


def _implied(base: list[Claim], g: Claim, hedge: float) -> list[tuple[float, float]]:
    """The rates (as fractions) a growth or a point change could be, from levels in time order."""
    if g.unit == "pp":
        return [(a / 100, b / 100) for a, b in _points(base, hedge)]
    return _steps(base, hedge)


def check(claims: list[Claim], options: Options, lexicon: Lexicon) -> list[Draft]:
    o = options
    out = []
    for (_, _, ent, seg), cs in group(claims, lambda c: (c.file, c.sentence, c.entity, c.segment)).items():
        # (a plan a revision left behind, "(prior range $7.06–$7.20)", is no level the growth relates)
        levels = [c for c in cs if not c.change and c.bound == "eq" and not T.is_growth(c.metric)
                  and not (c.forecaster or "").endswith(BEFORE_REVISION)]
        for g in (c for c in cs if c.bound == "eq"):
            if T.is_growth(g.metric) and g.unit == "%":  # "16.6%(7,276억원)": the amount it moved is no rate
                # a running total grows from last year's running total, a quarter from a quarter
                # and a reported change relates reported levels: "surpassing the Consensus Estimate of $1.40" is no base
                levels_of = [c for c in levels if T.growth(c.metric) == g.metric and c.unit != "%"
                             and (c.cadence == "ytd") == (g.cadence == "ytd") and (g.estimate or not c.estimate)
                             and not _set_against(g, c)]
                same_unit = {c.unit for c in levels_of}
                if len(levels_of) < 2 or len(same_unit) != 1:
                    continue
                got = pct_iv(g, o.hedge)
                base = _by_basis(levels_of, g) or _ordered(levels_of, g)
                if base is None or _apart_from_basis(base, g):
                    continue
                cands = _implied(base, g, o.hedge)
            elif g.change and g.unit == "pp":
                rates = [c for c in levels if c.metric == g.metric and c.unit == "%" and (g.estimate or not c.estimate)]
                base = _by_basis(rates, g) or _ordered(rates, g)
                if base is None or len(base) < 2:
                    continue
                cands = _implied(base, g, o.hedge)
                got = pct_iv(g, o.hedge)
            else:
                continue
            if any(c.period for c in base) and not all(c.period for c in base):
                continue  # "| $24.1 billion | +2% | … | NII ex-Markets $23.4 billion |": a dated level and an undated one are no series
            if len({c.cadence for c in base if c.cadence}) > 1:
                continue  # "지난해 … 651억원 … 1분기 … 260억원": a year's level and a quarter's are no series
            if g.period and all(c.period for c in base) and not any(c.period == g.period for c in base):
                continue  # two bases ('the $94.93B of Q4 2024 and the $94.0B of Q3 2025'): the current level is elsewhere
            cands = cands + _from_now(base, g, o.hedge)
            got = (got[0] - o.slack, got[1] + o.slack)
            if not cands or any(overlap(got, c) for c in cands):
                continue
            # read the other way round the levels fit: more likely their dates were typed backwards than the rate wrong
            backwards = _by_dates(base, g) and any(overlap(got, c) for c in _implied(base[::-1], g, o.hedge))
            unit = " points" if g.unit == "pp" else "%"  # "+7.7%", "+1.2 points"
            implied = " or ".join(f"{(lo + hi) / 2 * 100:+.1f}{unit}" for lo, hi in cands)
            msg = (f"{label(g)} is stated as {figure(g)}, but the values it relates "
                   f"({', '.join(figure(c) for c in base)}) imply {implied}.")
            why = "growth and levels stated together in one sentence or table row"
            if backwards:
                msg += " Read the other way round they fit; only their typed periods say which is the base."
                why += "; the levels fit the rate the other way round, so this is info"
            out.append(Draft(msg, tuple([g, *base]), f"{ent}|{seg}|{g.metric}|{g.file}", 2 if backwards else 0, why))
    return out
