"""SEC companyfacts JSON (data.sec.gov/api/xbrl/companyfacts/CIK##########.json) as filed figures.

`facts -> us-gaap -> Concept -> units -> USD -> [{start, end, val, accn, fy, fp, form, filed, frame}]`.
Periods are named from `start` and `end` with the company's fiscal calendar; `fy`, `fp` and `frame`
describe the filing a value came in, not the period it is for, and one period comes back once per filing
that repeats it. Each change of value is kept as a version (a comparative that repeats the figure is no
new version); the latest filing is current. Instants (balance-sheet items) are not read.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any

import regex

from .. import calendar as CAL
from .. import vocab as L
from ..filed import Filed, FiledSource
from .common import SLIP, YEAR_DAYS, LedgerError, concepts, entity_named, fiscal_year_end, name_span

CURRENCY = regex.compile(r"[A-Z]{3}")
Entry = Mapping[str, Any]


def looks_like(data: object) -> bool:
    return isinstance(data, dict) and "facts" in data


def read(data: dict, where: str, lex: L.Lexicon) -> list[Filed]:
    facts = data.get("facts")
    gaap = facts.get("us-gaap") if isinstance(facts, dict) else None
    if not isinstance(gaap, dict):
        raise LedgerError(f"{where}: no facts -> us-gaap in this companyfacts file")
    entity = _entity(data, where, lex)
    tables = {c: _spans(gaap.get(c), f"{where}: {c}") for names in concepts().sec.values() for c in names}
    fy_end = fiscal_year_end(lex, entity, [m for t in tables.values() for s, e, _ in t if (m := _year_end_month(s, e, where))])
    out: list[Filed] = []
    for metric, names in concepts().sec.items():
        taken: set[tuple[str, str]] = set()  # spans an earlier concept of the list already gave
        for concept in names:
            found = tables[concept]
            for (start, end, unit), entries in found.items():
                if (start, end) in taken:
                    continue
                named = name_span(_day(start, where), _day(end, where), fy_end)
                if named is None:
                    continue
                period, cadence, through = named
                # named as the company names its years, as claims are (calendar.company_label)
                period = CAL.company_label(period, lex.fiscal.get(entity)) or period
                through = CAL.company_label(through, lex.fiscal.get(entity))
                out.extend(Filed(entity=entity, metric=metric, period=period, cadence=cadence, through=through,
                                 value=float(e["val"]), unit=unit, start=_day(start, where), end=_day(end, where),
                                 as_of=_day(e["filed"], where),
                                 source=FiledSource(kind="sec", document=str(e["accn"]), concept=concept,
                                                    form=str(e.get("form") or "") or None))
                           for e in _versions(entries))
            taken.update((s, e) for s, e, _ in found)
    return out


def _entity(data: dict, where: str, lex: L.Lexicon) -> str:
    cik = str(data.get("cik") or "").lstrip("0")
    name = str(data.get("entityName") or "")
    found = lex.by_cik.get(cik) or (entity_named(lex, name) if name else None)
    if found is None:
        raise LedgerError(f"{where}: CIK {cik or '?'} ({name or 'no entityName'}) is no entity claimcheck knows: "
                          f"add its cik to rules/entities.yaml or its name to the config's aliases")
    return found


def _spans(concept: object, where: str) -> dict[tuple[str, str, str], list[Entry]]:
    """(start, end, currency) -> its entries, for the duration facts of one concept in a currency."""
    out: dict[tuple[str, str, str], list[Entry]] = {}
    if concept is None:
        return out
    units = concept.get("units") if isinstance(concept, dict) else None
    if not isinstance(units, dict):
        raise LedgerError(f"{where}: no 'units' mapping")
    for unit, entries in units.items():
        if not CURRENCY.fullmatch(unit):
            continue  # USD/shares and the like: not an amount of money
        if not isinstance(entries, list):
            raise LedgerError(f"{where}: units.{unit} is not a list")
        for e in entries:
            if not isinstance(e, dict) or "start" not in e:
                continue  # an instant: a balance at a date, not a flow over a span
            missing = [k for k in ("end", "val", "accn", "filed") if k not in e]
            if missing:
                raise LedgerError(f"{where}: an entry for {e.get('start')} has no '{missing[0]}'")
            if not isinstance(e["val"], (int, float)) or isinstance(e["val"], bool):
                raise LedgerError(f"{where}: val {e['val']!r} for {e['start']}..{e['end']} is not a number")
            out.setdefault((str(e["start"]), str(e["end"]), unit), []).append(e)
    return out


def _versions(entries: list[Entry]) -> Iterator[Entry]:
    """Each value as first filed: entries in filing order, a repeat of the value before it left out."""
    last: object = None
    for e in sorted(entries, key=lambda e: (str(e["filed"]), str(e["accn"]))):
        if e["val"] != last:
            yield e
            last = e["val"]


def _year_end_month(start: str, end: str, where: str) -> int | None:
    """The month a year-long span ends in (for a company whose calendar claimcheck does not list), else None."""
    s, e = _day(start, where), _day(end, where)
    return (e - SLIP).month if YEAR_DAYS[0] <= (e - s).days + 1 <= YEAR_DAYS[1] else None


def _day(text: object, where: str) -> dt.date:
    try:
        return dt.date.fromisoformat(str(text))
    except ValueError:
        raise LedgerError(f"{where}: '{text}' is not a date (YYYY-MM-DD)") from None
