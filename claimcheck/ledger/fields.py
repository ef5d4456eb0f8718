"""The checks a row of the newsroom's ledger passes, field by field, and the Record it makes: the columns
and JSONL fields are the ledger@1 record's (spec/ledger.md). A problem is a LedgerError naming the place
and the field, the first one in the row's order. Names are made canonical through the entity table."""
from __future__ import annotations

import datetime as dt
from typing import Any

import regex

from .. import vocab as L
from ..filed import FiledSource, Record, spanned
from ..metric_taxonomy import taxonomy
from .common import LedgerError, amount, entity_named

FIELDS = ("entity", "segment", "metric", "period", "cadence", "basis", "through", "value", "unit", "start", "end",
          "as_of", "source", "document", "concept", "form", "derived", "restated")
REQUIRED = ("entity", "metric", "period", "value", "unit")
PERIOD = regex.compile(r"(?:FY)?\d{4}(?:Q[1-4]|H[12])?|\d{4}-(?:0[1-9]|1[0-2])")
THROUGH = regex.compile(r"(?:FY)?\d{4}Q[1-4]")
UNIT = regex.compile(r"[A-Z]{3}|%|pp|count")
CADENCES = ("annual", "semiannual", "quarterly", "monthly", "ttm", "ytd")
BASES = ("yoy", "qoq", "mom", "cagr")
TRUE, FALSE = ("true", "yes", "1", "y"), ("false", "no", "0", "n", "")
# the fields checked together, once per distinct combination in a file (Memo)
WHO = ("entity", "segment")
WHEN = ("metric", "period", "cadence", "through")
REST = ("basis", "unit", "start", "end", "as_of", "derived", "restated", "source", "document", "concept", "form")
NEEDED = tuple(f for f in REQUIRED if f != "value")


class Memo:
    """A ledger repeats its entities, metrics, periods, units and filing dates row after row: within one file
    each distinct combination of the fields in WHO, WHEN and REST is checked once, the first time it comes."""

    def __init__(self) -> None:
        self.who: dict[tuple, tuple[str, str | None]] = {}
        self.when: dict[tuple, tuple[str, str | None, str | None]] = {}
        self.how: dict[tuple, tuple[Any, ...]] = {}


def checked(get: dict[str, str | None], raw: object, where: str, lex: L.Lexicon, memo: Memo) -> Record:
    """A row's fields checked in the order its problems are reported."""
    for k in NEEDED:
        if not get[k]:
            raise LedgerError(f"{where}: '{k}' is empty")
    try:
        value = amount(raw)
    except ValueError:
        value = None
    if value is None:
        raise LedgerError(f"{where}: 'value' is not a number: {raw!r}")
    who = tuple(get[k] for k in WHO)
    if (named := memo.who.get(who)) is None:
        named = memo.who[who] = _entity(get["entity"] or "", get["segment"], where, lex)
    when = tuple(get[k] for k in WHEN)
    if (span := memo.when.get(when)) is None:
        span = memo.when[when] = _span(get, _metric(get["metric"] or "", where), where)
    how = tuple(get[k] for k in REST)
    if (rest := memo.how.get(how)) is None:
        rest = memo.how[how] = _rest(get, where)
    (entity, segment), (period, cadence, through) = named, span
    return Record(entity, segment, get["metric"] or "", period, cadence, rest[0], through, value, *rest[1:])


def _rest(get: dict[str, str | None], where: str) -> tuple[Any, ...]:
    """basis and the fields after value, in Record's order, checked in the order of their problems; the
    source is one object for the rows that share it."""
    basis, unit = _choice(get, "basis", BASES, where), _unit(get["unit"] or "", where)
    start, end, as_of = _date(get, "start", where), _date(get, "end", where), _date(get, "as_of", where)
    derived, restated = _flag(get, "derived", where), _flag(get, "restated", where)
    source = FiledSource(kind=get["source"] or "newsroom", document=get["document"], concept=get["concept"], form=get["form"])
    return basis, unit, start, end, as_of, source, derived, restated


def _metric(metric: str, where: str) -> str:
    if metric not in taxonomy():
        raise LedgerError(f"{where}: unknown metric '{metric}' (the ids of rules/metrics.yaml)")
    return metric


def _entity(name: str, segment: str | None, where: str, lex: L.Lexicon) -> tuple[str, str | None]:
    canon = entity_named(lex, name)
    if canon is None:
        raise LedgerError(f"{where}: unknown entity '{name}' (a name of rules/entities.yaml, or add it to the config's aliases)")
    entity, seg = L.as_reported(lex, canon, segment)
    return entity or canon, seg


def _span(get: dict[str, str | None], metric: str, where: str) -> tuple[str, str | None, str | None]:
    """Period, cadence and through: a first half is the year to date through Q2, as filings give it."""
    period = get["period"] or ""
    if not PERIOD.fullmatch(period):
        raise LedgerError(f"{where}: period '{period}' is not 2024, 2024Q3, 2024H1, 2024-11 or FY2025, FY2025Q2")
    cadence = _choice(get, "cadence", CADENCES, where)
    through = get["through"]
    if through is not None and not THROUGH.fullmatch(through):
        raise LedgerError(f"{where}: through '{through}' is not a quarter such as 2025Q3 or FY2026Q2")
    if period.endswith("H1") and cadence in (None, "ytd", "semiannual"):
        return period[:-2], "ytd", period[:-2] + "Q2"
    if cadence is None and spanned(metric):
        cadence = "ytd" if through else "quarterly" if "Q" in period else "semiannual" if "H" in period else \
            "monthly" if "-" in period else "annual"
    if cadence == "ytd" and through is None:
        raise LedgerError(f"{where}: a year-to-date figure names the quarter it runs through ('through')")
    return period, cadence, through


def _choice(get: dict[str, str | None], key: str, allowed: tuple[str, ...], where: str) -> str | None:
    v = get[key]
    if v is not None and v not in allowed:
        raise LedgerError(f"{where}: {key} '{v}' (valid: {', '.join(allowed)})")
    return v


def _unit(unit: str, where: str) -> str:
    if not UNIT.fullmatch(unit):
        raise LedgerError(f"{where}: unit '{unit}' is not a currency code (USD, KRW), %, pp or count")
    return unit


def _date(get: dict[str, str | None], key: str, where: str) -> dt.date | None:
    v = get[key]
    try:
        return dt.date.fromisoformat(v) if v else None
    except ValueError:
        raise LedgerError(f"{where}: {key} '{v}' is not a date (YYYY-MM-DD)") from None


def _flag(get: dict[str, str | None], key: str, where: str) -> bool:
    v = (get[key] or "").lower()
    if v not in TRUE + FALSE:
        raise LedgerError(f"{where}: {key} '{get[key]}' is not true or false")
    return v in TRUE
