"""The newsroom's own ledger: CSV or JSON Lines whose columns are the ledger@1 record's fields.

A JSONL line is a record (its `source` an object, or the flat columns a CSV uses: `source` for the kind,
`document`, `concept`, `form`); a first line `{"schema": "claimcheck/ledger@1"}` is allowed. Names are
made canonical through the entity table (AMZN, 아마존 -> Amazon; a division such as Samsung Electronics DS
becomes its parent with the segment), and a flow with no cadence takes its period's.
"""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import regex

from .. import vocab as L
from ..filed import SCHEMA, FiledSource, Record, spanned
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


def read_csv(text: str, where: str, lex: L.Lexicon) -> list[Record]:
    reader = csv.reader(io.StringIO(text))
    cols = [c.strip() for c in next(reader, [])]
    unknown = [c for c in cols if c not in FIELDS]
    if unknown:
        raise LedgerError(f"{where}: unknown column '{unknown[0]}' (columns: {', '.join(FIELDS)})")
    missing = [c for c in REQUIRED if c not in cols]
    if missing:
        raise LedgerError(f"{where}: no '{missing[0]}' column (needed: {', '.join(REQUIRED)})")
    memo: Memo = {}
    out = []
    for row in reader:
        if len(row) == len(cols):
            text_ = [v.strip() or None for v in row]
            if any(text_):
                get = dict.fromkeys(FIELDS)
                get.update(zip(cols, text_))  # a column named twice: the last one, as csv.DictReader gives it
                out.append(_filed(get, get["value"], f"{where}:{reader.line_num}", lex, memo))
        elif len(row) > len(cols):
            raise LedgerError(f"{where}:{reader.line_num}: {len(row)} cells, but the header names {len(cols)} columns")
        elif row:  # a short row's missing cells are empty, as csv.DictReader reads them
            d = dict.fromkeys(cols)
            d.update(zip(cols, row))
            if any((v or "").strip() for v in d.values()):
                out.append(record(d, f"{where}:{reader.line_num}", lex, memo))
    return out


def read_jsonl(text: str, where: str, lex: L.Lexicon) -> list[Record]:
    return list(rows(_json_lines(text, where), where, lex))


def _json_lines(text: str, where: str) -> Iterator[tuple[int, Any]]:
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            raise LedgerError(f"{where}:{n}: not valid JSON: {e.msg}") from None
        if isinstance(obj, dict) and set(obj) == {"schema"}:
            if obj["schema"] != SCHEMA:
                raise LedgerError(f"{where}:{n}: schema {obj['schema']!r} (this claimcheck reads {SCHEMA})")
            continue
        yield n, obj


def rows(numbered: Iterable[tuple[int, Any]] | Iterable[Any], where: str, lex: L.Lexicon) -> Iterator[Record]:
    """Records given as mappings (JSONL lines, a rule example's `ledger`), each numbered or not."""
    memo: Memo = {}
    for i, item in enumerate(numbered, 1):
        n, obj = item if isinstance(item, tuple) else (i, item)
        if not isinstance(obj, Mapping):
            raise LedgerError(f"{where}:{n}: a ledger record is an object, got {type(obj).__name__}")
        flat = dict(obj)
        src = flat.pop("source", None)
        if isinstance(src, Mapping):
            extra = sorted(set(src) - {"kind", "document", "concept", "form"})
            if extra:
                raise LedgerError(f"{where}:{n}: unknown source field '{extra[0]}' (kind, document, concept, form)")
            flat.update({"source": src.get("kind"), **{k: src.get(k) for k in ("document", "concept", "form")}})
        elif src is not None:
            flat["source"] = src
        yield record(flat, f"{where}:{n}", lex, memo)


def record(row: Mapping[str, Any], where: str, lex: L.Lexicon, memo: Memo | None = None) -> Record:
    """One row as a filed figure, or a LedgerError naming the place and the field."""
    unknown = sorted(str(k) for k in row if k not in FIELDS)
    if unknown:
        raise LedgerError(f"{where}: unknown field '{unknown[0]}' (fields: {', '.join(FIELDS)})")
    get = dict.fromkeys(FIELDS)
    get.update((k, _text(v)) for k, v in row.items())
    return _filed(get, row.get("value"), where, lex, {} if memo is None else memo)


# A ledger repeats its entities, metrics, periods, units and filing dates row after row: within one file each
# distinct combination is checked once (a miss runs the checks in the order a row's problems are reported).
Memo = dict[tuple, Any]


def _filed(get: dict[str, str | None], raw: object, where: str, lex: L.Lexicon, memo: Memo) -> Record:
    for k in REQUIRED:
        if k != "value" and not get[k]:
            raise LedgerError(f"{where}: '{k}' is empty")
    try:
        value = amount(raw)
    except ValueError:
        value = None
    if value is None:
        raise LedgerError(f"{where}: 'value' is not a number: {raw!r}")
    who = ("entity", get["entity"], get["segment"])
    if (named := memo.get(who)) is None:
        named = memo[who] = _entity(get["entity"] or "", get["segment"], where, lex)
    when = ("span", get["metric"], get["period"], get["cadence"], get["through"])
    if (span := memo.get(when)) is None:
        span = memo[when] = _span(get, _metric(get["metric"] or "", where), where)
    how = ("rest", *(get[k] for k in REST))
    if (rest := memo.get(how)) is None:
        rest = memo[how] = _rest(get, where)
    (entity, segment), (period, cadence, through) = named, span
    return Record(entity=entity, segment=segment, metric=get["metric"] or "", period=period, cadence=cadence,
                  through=through, value=value, **rest)


REST = ("basis", "unit", "start", "end", "as_of", "derived", "restated", "source", "document", "concept", "form")


def _rest(get: dict[str, str | None], where: str) -> dict[str, Any]:
    """The fields after the span, checked in order; the source is one object for the rows that share it."""
    return dict(basis=_choice(get, "basis", BASES, where), unit=_unit(get["unit"] or "", where),
                start=_date(get, "start", where), end=_date(get, "end", where), as_of=_date(get, "as_of", where),
                derived=_flag(get, "derived", where), restated=_flag(get, "restated", where),
                source=FiledSource(kind=get["source"] or "newsroom", document=get["document"], concept=get["concept"],
                                   form=get["form"]))


def _metric(metric: str, where: str) -> str:
    if metric not in L.taxonomy():
        raise LedgerError(f"{where}: unknown metric '{metric}' (the ids of rules/metrics.yaml)")
    return metric


def _text(v: object) -> str | None:
    if v is None:
        return None
    s = str(v).strip()
    return s or None


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
