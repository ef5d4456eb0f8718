"""The reference ledger: filed figures read from local files, as one Ledger.

`load(paths, lex)` reads each file, or each ledger file directly inside a folder: the newsroom's `*.csv`
and `*.jsonl` (records.py), SEC companyfacts and OpenDART responses as `*.json` (sec.py, dart.py, told
apart by their shape). Then it prefers consolidated DART figures, derives each fourth quarter a filing
leaves out (annual − nine months, marked derived) and indexes the figures by key. A file that cannot be
used raises LedgerError naming it. Nothing here touches the network (fetch.py does, for `ledger fetch`).
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from .. import vocab as L
from ..filed import Filed, Key, Ledger, Record
from ..metric_taxonomy import taxonomy
from . import dart, records, sec
from .common import LedgerError

SUFFIXES = (".csv", ".jsonl", ".json")
MAX_MB = 256  # a companyfacts file of a large filer is tens of MB; a ledger beyond this is no ledger

__all__ = ["LedgerError", "Ledger", "files", "from_rows", "load", "read"]


def load(paths: Sequence[Path], lex: L.Lexicon) -> Ledger:
    figures: list[Filed | Record] = []
    for path in paths:
        for f in files(path):
            figures.extend(read(f, lex))
    return build(figures)


def build(figures: Iterable[Filed | Record]) -> Ledger:
    kept = dart.prefer_consolidated(map(Record.of, figures))
    return Ledger([*kept, *fourth_quarters(kept)])


def from_rows(rows: Iterable[dict[str, Any]], lex: L.Lexicon, where: str = "ledger") -> Ledger:
    """A ledger from records given inline (a rule example's or a test case's `ledger`)."""
    return build(records.rows(rows, where, lex))


def files(path: Path) -> list[Path]:
    """The ledger files a path names: itself, or the ledger files directly inside a folder."""
    if path.is_dir():
        found = sorted(p for p in path.iterdir() if p.suffix.lower() in SUFFIXES and p.is_file())
        if not found:
            raise LedgerError(f"{path}: no ledger file in this folder ({', '.join('*' + s for s in SUFFIXES)})")
        return found
    if not path.exists():
        raise LedgerError(f"{path}: no such ledger file or folder")
    if path.suffix.lower() not in SUFFIXES:
        raise LedgerError(f"{path}: not a ledger file (.csv, .jsonl, or SEC / OpenDART .json)")
    return [path]


def read(path: Path, lex: L.Lexicon) -> Sequence[Filed | Record]:
    where = str(path)
    try:
        if path.stat().st_size > MAX_MB << 20:
            raise LedgerError(f"{where}: over {MAX_MB} MB: not read")
        text = path.read_text(encoding="utf-8-sig")
    except OSError as e:
        raise LedgerError(f"{where}: cannot read: {e.strerror or e}") from None
    except UnicodeDecodeError:
        raise LedgerError(f"{where}: not UTF-8 text") from None
    suffix = path.suffix.lower()
    if suffix == ".csv":
        return records.read_csv(text, where, lex)
    if suffix == ".jsonl":
        return records.read_jsonl(text, where, lex)
    try:
        data = json.loads(text)
    except json.JSONDecodeError as e:
        raise LedgerError(f"{where}: not valid JSON: {e.msg} at line {e.lineno}") from None
    if sec.looks_like(data):
        return sec.read(data, where, lex)
    if dart.looks_like(data):
        return dart.read(data, where, lex)
    raise LedgerError(f"{where}: neither SEC companyfacts ({{facts: ...}}) nor an OpenDART response ({{status, list}})")


def fourth_quarters(figures: list[Record]) -> list[Record]:
    """Q4 = the year − the nine months to Q3, from the current figures, where no Q4 is filed (a 10-K gives the
    year only). Marked derived; as of the later of the two filings."""
    current: dict[Key, Record] = {}
    for f in sorted(figures, key=lambda f: f.as_of or dt.date.min):
        current[f.key] = f
    tax = taxonomy()
    out = []
    for k, year in current.items():
        if year.cadence != "annual" or not tax.is_flow(year.metric):
            continue
        nine = current.get((k[0], k[1], k[2], k[3], "ytd", k[5], k[6], f"{year.period}Q3"))
        q4: Key = (k[0], k[1], k[2], f"{year.period}Q4", "quarterly", k[5], k[6], None)
        if nine is None or q4 in current:
            continue
        dates = [d for d in (year.as_of, nine.as_of) if d]
        out.append(year._replace(
            period=q4[3], cadence="quarterly", value=year.value - nine.value, derived=True,
            as_of=max(dates) if dates else None, start=nine.end and nine.end + dt.timedelta(days=1),
            source=year.source.model_copy(update={"concept": f"{year.source.concept or year.metric} (annual − nine months)"})))
    return out
