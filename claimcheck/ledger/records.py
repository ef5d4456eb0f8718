"""The newsroom's own ledger: CSV or JSON Lines whose columns are the ledger@1 record's fields.

A JSONL line is a record (its `source` an object, or the flat columns a CSV uses: `source` for the kind,
`document`, `concept`, `form`); a first line `{"schema": "claimcheck/ledger@1"}` is allowed. Names are
made canonical through the entity table (AMZN, 아마존 -> Amazon; a division such as Samsung Electronics DS
becomes its parent with the segment), and a flow with no cadence takes its period's: fields.py checks them.
"""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Mapping
from operator import itemgetter
from typing import Any

from .. import vocab as L
from ..filed import SCHEMA, Record
from .common import LedgerError, amount
from .fields import FIELDS, NEEDED, REQUIRED, REST, WHEN, WHO, Memo, checked


def read_csv(text: str, where: str, lex: L.Lexicon) -> list[Record]:
    reader = csv.reader(io.StringIO(text))
    cols = [c.strip() for c in next(reader, [])]
    unknown = [c for c in cols if c not in FIELDS]
    if unknown:
        raise LedgerError(f"{where}: unknown column '{unknown[0]}' (columns: {', '.join(FIELDS)})")
    missing = [c for c in REQUIRED if c not in cols]
    if missing:
        raise LedgerError(f"{where}: no '{missing[0]}' column (needed: {', '.join(REQUIRED)})")
    # cells by field: a column named twice gives its last (as csv.DictReader did); an absent one, the None
    # added after each row's cells
    at = {c: i for i, c in enumerate(cols)}
    who, when, how, need = (itemgetter(*(at.get(f, len(cols)) for f in fs)) for fs in (WHO, WHEN, REST, NEEDED))
    value_at, metric_at = at["value"], at["metric"]
    memo = Memo()
    out = []
    for row in reader:
        if (given := len(row)) != len(cols):
            if given > len(cols):
                raise LedgerError(f"{where}:{reader.line_num}: {given} cells, but the header names {len(cols)} columns")
            row = row + [""] * (len(cols) - given)  # a short row's missing cells are empty
        cells = [v.strip() or None for v in row]
        if not any(cells):
            continue
        cells.append(None)
        # the row's entity, span and other fields were each checked on a row before: it is a record as it is
        named, span, rest = memo.who.get(who(cells)), memo.when.get(when(cells)), memo.how.get(how(cells))
        try:
            value = amount(row[value_at])
        except ValueError:
            value = None
        if named and span and rest and value is not None and None not in need(cells):
            out.append(Record(named[0], named[1], cells[metric_at] or "", span[0], span[1], rest[0], span[2], value,
                              *rest[1:]))
        else:  # checked here, or a LedgerError naming the line and the first problem
            get = dict.fromkeys(FIELDS)
            get.update(zip(cols, cells))
            raw = row[value_at] if value_at < given else None  # as csv.DictReader gave a missing cell
            out.append(checked(get, raw, f"{where}:{reader.line_num}", lex, memo))
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
    memo = Memo()
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
    return checked(get, row.get("value"), where, lex, Memo() if memo is None else memo)


def _text(v: object) -> str | None:
    if v is None:
        return None
    s = str(v).strip()
    return s or None
