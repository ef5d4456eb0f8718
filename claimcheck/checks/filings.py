"""Looking a claim up among filed figures: the keys its period and span name, and the filed figure for
each, computed from filed levels for a margin, a share or a growth rate the ledger does not hold.
Shared pieces of the ledger check, not a kind."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import regex

from .. import calendar as CAL
from .. import labels
from .. import vocab as L
from ..filed import Filed, FiledSource, Key, Ledger, place, spanned
from ..metric_taxonomy import taxonomy
from ..models import Claim

HALF = regex.compile(r"(?P<year>(?:FY)?\d{4})H(?P<half>[12])")
Span = tuple[str, str | None, str | None]  # period, cadence, through (None with cadence ytd: any quarter)


@dataclass(frozen=True)
class Filing:
    """The filed figure a claim is compared with: the current one (or one computed from current figures),
    its earlier values (restated since), and for a computed figure what it was computed from."""

    figure: Filed
    first: tuple[Filed, ...] = ()
    inputs: tuple[Filed, ...] = ()


def spans(c: Claim) -> list[Span]:
    """The spans a claim's period and cadence name, as the ledger names them: a half year is the year to
    date through its second quarter; a flow without a cadence has its period's."""
    p = c.period
    if not p:
        return []
    half = HALF.fullmatch(p)
    if not spanned(c.metric):
        return [(half["year"], None, f"{half['year']}Q2")] if half and half["half"] == "1" else [(p, None, None)]
    if half and half["half"] == "1" and c.cadence in (None, "semiannual", "ytd"):
        return [(half["year"], "ytd", f"{half['year']}Q2")]
    return [(p, c.cadence or cadence_of(p), None)]


def cadence_of(period: str) -> str:
    return "quarterly" if "Q" in period else "semiannual" if "H" in period else "monthly" if "-" in period else "annual"


def keys(c: Claim, ledger: Ledger) -> list[Key]:
    """Every key the claim may mean: each span, each basis a growth rate without one may have, and for a
    running total that names no end, each quarter the ledger has a total through."""
    tax = taxonomy()
    bases: list[str | None] = [c.basis]
    if c.basis is None and tax.is_growth(c.metric):
        bases = ["yoy", "qoq"]
    out: list[Key] = []
    for period, cadence, through in spans(c):
        for basis in bases:
            if basis == "qoq" and "Q" not in period:
                continue  # a year's or a running total's growth is on the year before
            k: Key = (c.entity or "", c.segment, c.metric, period, cadence, basis, c.unit, through)
            if cadence == "ytd" and through is None:
                out.extend(x for x in ledger.throughs(place(k)) if x[6] == c.unit)
            else:
                out.append(k)
    return out


def ambiguous(c: Claim) -> bool:
    """Whether the claim leaves open which filed figure it means: a running total that names no end
    ('누적', period the year), or a quarter's growth rate with no basis. Such a claim is matched when it
    holds any of them, and otherwise unverifiable: the ledger may lack the one it means."""
    spanned_ = spans(c)
    if any(cadence == "ytd" and through is None for _, cadence, through in spanned_):
        return True
    return c.basis is None and taxonomy().is_growth(c.metric) and any("Q" in p for p, _, _ in spanned_)


def filing(ledger: Ledger, key: Key, compute: bool, lex: L.Lexicon) -> Filing | None:
    """The filed figure for a key, or one computed from filed levels when the ledger has none."""
    versions = ledger.get(key)
    if versions:
        return Filing(versions[-1], tuple(v for v in versions if v.restated))
    if not compute or key[6] != "%":
        return None
    tax = taxonomy()
    metric = key[2]
    if ratio := tax.ratio_of(metric):
        return _computed(ledger, key, _level(key, ratio[0]), _level(key, ratio[1]), _percent,
                         f"{labels.metric(ratio[0])} / {labels.metric(ratio[1])}")
    if (level := tax.share_of(metric)) and (whole := _whole(key, lex)):
        part = _level(key, level)
        return _computed(ledger, key, part, (whole, None, *part[2:]), _percent,
                         f"{labels.metric(level)} / {whole} {labels.metric(level)}")
    if (level := tax.growth_of(metric)) and key[5] in ("yoy", "qoq"):
        cur = _level(key, level, key[4])
        prev = _shifted(cur, -4 if key[5] == "yoy" else -1)
        return _computed(ledger, key, cur, prev, _growth, f"{labels.metric(level)} against {prev[3]}") if prev else None
    return None


def covers(ledger: Ledger, entity: str, metric: str) -> bool:
    """Whether the ledger speaks to a metric of an entity, directly or through the levels it is computed from."""
    tax = taxonomy()
    levels = [metric, *(tax.ratio_of(metric) or ()), tax.share_of(metric), tax.growth_of(metric)]
    return any(m and (entity, m) in ledger.metrics for m in levels)


Place = tuple[str, str | None, str, str, str | None, str | None, str | None]


def _level(key: Key, metric: str, cadence: str | None = None) -> Place:
    """Where the level a ratio is computed from is filed: the ratio's period, over its span."""
    span = cadence or ("ytd" if key[7] else cadence_of(key[3]))
    return (key[0], key[1], metric, key[3], span, None, key[7])


def _whole(key: Key, lex: L.Lexicon) -> str | None:
    """What a share is of: the entity for one of its segments, the parent for a business of its own (AWS)."""
    if key[1]:
        return key[0]
    return L.parent(lex, key[0])


def _shifted(at: Place, by: int) -> Place | None:
    period = CAL.shift_quarter(at[3], by)
    through = CAL.shift_quarter(at[6], by) if at[6] else None
    if period is None or (at[6] and through is None):
        return None
    return (at[0], at[1], at[2], period, at[4], None, through)


def _percent(a: float, b: float) -> float | None:
    return a / b * 100 if b > 0 else None


def _growth(a: float, b: float) -> float | None:
    return (a / b - 1) * 100 if b > 0 else None  # growth from a loss or from nothing is no percentage


def _computed(ledger: Ledger, key: Key, a_at: Place, b_at: Place, how: Callable[[float, float], float | None],
              concept: str) -> Filing | None:
    """The ratio of two filed levels in one currency: from the current figures, and again from the figures
    as first filed when either was restated."""
    a_units, b_units = ledger.units(a_at), ledger.units(b_at)
    unit = next((u for u in a_units if u in b_units), None)
    if unit is None:
        return None
    a, b = a_units[unit], b_units[unit]
    now = how(a[-1].value, b[-1].value)
    if now is None:
        return None
    figure = _made(key, now, a[-1], b[-1], concept)
    first = how(a[0].value, b[0].value) if (a[0] is not a[-1] or b[0] is not b[-1]) else None
    older = (_made(key, first, a[0], b[0], concept).model_copy(update={"restated": True}),) \
        if first is not None and first != now else ()
    return Filing(figure, older, (a[-1], b[-1]))


def _made(key: Key, value: float, a: Filed, b: Filed, concept: str) -> Filed:
    dates = [d for d in (a.as_of, b.as_of) if d]
    return Filed(entity=key[0], segment=key[1], metric=key[2], period=key[3], cadence=key[4], basis=key[5],
                 through=key[7], value=value, unit="%", as_of=max(dates) if dates else None, derived=True,
                 source=FiledSource(kind=a.source.kind, document=a.source.document, concept=concept, form=a.source.form))
