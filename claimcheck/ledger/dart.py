"""OpenDART financial statements (`fnlttSinglAcntAll` / `fnlttSinglAcnt` responses) as filed figures.

A response is `{status, message, list: [row, ...]}`; a status other than "000" is an error. Each row gives
one account of one report: `reprt_code` 11013 (Q1), 11012 (half year), 11014 (Q3) or 11011 (annual),
`bsns_year`, `account_id` / `account_nm`, `thstrm_amount` (the quarter, or the year in an annual report)
and `thstrm_add_amount` (the year to date), `rcept_no` (its first eight digits are the filing date),
`currency` and, in `fnlttSinglAcnt`, `fs_div`: CFS (consolidated) or OFS (the parent alone). A response of
`fnlttSinglAcntAll` carries no `fs_div`; the file name says OFS, or it is taken for CFS. Amounts are text
such as "-1,234"; "-" or empty is missing. Cash-flow rows of an interim report run from the year's start.
Consolidated figures are preferred: an OFS figure is dropped where the same report gives a CFS one.
"""
from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import regex

from .. import vocab as L
from ..filed import Filed, FiledSource, Record
from .common import LedgerError, amount, concepts, entity_named, fiscal_year_end, quarter_dates, quarter_name, year_name

REPORTS = {"11013": 1, "11012": 2, "11014": 3, "11011": 4}
FORMS = {"11013": "Q1 report", "11012": "half-year report", "11014": "Q3 report", "11011": "annual report"}
Row = dict[str, Any]


def looks_like(data: object) -> bool:
    return isinstance(data, dict) and "status" in data and ("list" in data or "message" in data)


def read(data: dict, where: str, lex: L.Lexicon) -> list[Filed]:
    status = str(data.get("status"))
    if status != "000":
        raise LedgerError(f"{where}: DART status {status}: {data.get('message') or 'no message'}")
    rows = data.get("list")
    if not isinstance(rows, list):
        raise LedgerError(f"{where}: no 'list' of rows")
    name = where.replace("\\", "/").rsplit("/", 1)[-1]
    hint = "OFS" if "OFS" in name.upper() else "CFS"
    code = regex.search(r"(?<!\d)\d{8}(?!\d)", name)  # `ledger fetch` names its files by the corp_code
    best: dict[tuple, tuple[int, int, Row]] = {}  # one row per report, statement kind and metric: the first account of the list
    for n, row in enumerate(rows):
        if not isinstance(row, dict):
            raise LedgerError(f"{where}: list[{n}] is not an object")
        got = _metric(row)
        if got is None:
            continue
        metric, rank = got
        k = (row.get("corp_code") or row.get("stock_code"), row.get("bsns_year"), row.get("reprt_code"), row.get("fs_div") or hint, metric)
        if k not in best or rank < best[k][0]:
            best[k] = (rank, n, row)
    return [f for (_, _, _, fs, metric), (_, n, row) in best.items()
            for f in _figures(row, metric, fs, _entity(row, code[0] if code else None, f"{where}: list[{n}]", lex),
                              f"{where}: list[{n}]", lex)]


def _entity(row: Row, code: str | None, where: str, lex: L.Lexicon) -> str:
    """The company: by corp_code, else by stock_code (a ticker of rules/entities.yaml), else the file's corp_code."""
    corp, stock = str(row.get("corp_code") or ""), str(row.get("stock_code") or "").strip()
    found = lex.by_dart.get(corp) or (entity_named(lex, stock) if stock else None) or lex.by_dart.get(code or "")
    if found is None:
        raise LedgerError(f"{where}: corp_code '{corp or code or '?'}' is no entity claimcheck knows: add its "
                          f"dart_corp_code to rules/entities.yaml, or give the figures as a CSV ledger")
    return found


def _metric(row: Row) -> tuple[str, int] | None:
    """The metric a row's account files, and its place in that metric's priority list."""
    names = (str(row.get("account_id") or ""), str(row.get("account_nm") or "").strip())
    for metric, accounts in concepts().dart.items():
        for rank, account in enumerate(accounts):
            if account in names:
                return metric, rank
    return None


def _figures(row: Row, metric: str, fs: str, entity: str, where: str, lex: L.Lexicon) -> list[Filed]:
    reprt, rcept = str(row.get("reprt_code") or ""), str(row.get("rcept_no") or "")
    if reprt not in REPORTS:
        raise LedgerError(f"{where}: reprt_code '{reprt}' (valid: 11013 Q1, 11012 half year, 11014 Q3, 11011 annual)")
    year = str(row.get("bsns_year") or "")
    if not (year.isdigit() and len(year) == 4):
        raise LedgerError(f"{where}: bsns_year '{year}' is not a year")
    fy, q, fy_end = int(year), REPORTS[reprt], fiscal_year_end(lex, entity)
    source = FiledSource(kind="dart", document=rcept or None, form=f"{FORMS[reprt]} ({reprt})",
                         concept=f"{row.get('account_id') or row.get('account_nm')} ({fs})")
    base = {"entity": entity, "metric": metric, "unit": str(row.get("currency") or "KRW"), "source": source,
            "as_of": _filed_on(rcept, where)}
    out = []
    for value, months, period, cadence, through in _spans(row, fy, q, fy_end, where):
        if value is None:
            continue
        if metric in concepts().dart_absolute:
            value = abs(value)
        start, end = quarter_dates(fy, q, fy_end, months)
        out.append(Filed(**base, period=period, cadence=cadence, through=through, value=value, start=start, end=end))
    return out


def _spans(row: Row, fy: int, q: int, fy_end: int, where: str) -> Iterable[tuple[float | None, int, str, str, str | None]]:
    """(value, months, period, cadence, through) for what the row gives: the quarter and the year to date."""
    this, add = _amount(row, "thstrm_amount", where), _amount(row, "thstrm_add_amount", where)
    if q == 4:
        return [(this, 12, year_name(fy, fy_end), "annual", None)]
    quarter = quarter_name(fy, q, fy_end)
    if row.get("sj_div") == "CF":  # an interim cash-flow statement is presented from the year's start only
        add, this = this, None if q > 1 else this
    spans: list[tuple[float | None, int, str, str, str | None]] = [(this, 3, quarter, "quarterly", None)]
    if q > 1:
        spans.append((add, 3 * q, year_name(fy, fy_end), "ytd", quarter))
    return spans


def _amount(row: Row, key: str, where: str) -> float | None:
    try:
        return amount(row.get(key))
    except ValueError:
        raise LedgerError(f"{where}: {key} {row.get(key)!r} is not an amount such as '-1,234'") from None


def _filed_on(rcept: str, where: str) -> dt.date | None:
    """The filing date: a receipt number opens with it (20241031000123)."""
    if not rcept:
        return None
    try:
        return dt.datetime.strptime(rcept[:8], "%Y%m%d").date()
    except ValueError:
        raise LedgerError(f"{where}: rcept_no '{rcept}' does not open with a date") from None


def prefer_consolidated(figures: Iterable[Record]) -> list[Record]:
    """Leave out a parent-only (OFS) figure where the same report gives the consolidated (CFS) one."""
    figures = list(figures)
    cfs = {(f.key, f.source.document) for f in figures if f.source.kind == "dart" and (f.source.concept or "").endswith("(CFS)")}
    return [f for f in figures if not (f.source.kind == "dart" and (f.source.concept or "").endswith("(OFS)")
                                       and (f.key, f.source.document) in cfs)]
