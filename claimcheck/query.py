"""`claimcheck query`: SQL over a claim store's views, printed as a table, JSON or CSV."""
from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections.abc import Iterator
from pathlib import Path

from . import store, store_check


def run(sql: str, root: Path, fmt: str) -> Iterator[str]:
    """The result of `sql` in `fmt`, in pieces; StoreError for a missing store or a query DuckDB refuses."""
    store.require(root)
    con = store_check.connect(root)
    db = store.duckdb()
    try:
        cur = con.execute(sql)
        names = [d[0] for d in cur.description or ()]
        rows = cur.fetchall()
    except db.Error as e:
        raise store.StoreError(f"query: {str(e).splitlines()[0]}") from None
    finally:
        con.close()
    return {"json": _json, "csv": _csv}.get(fmt, _table)(names, rows)


def _plain(v: object) -> object:
    if isinstance(v, (dt.date, dt.datetime)):
        return v.isoformat()
    if isinstance(v, (list, tuple)):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    return v


def _json(names: list[str], rows: list[tuple]) -> Iterator[str]:
    yield json.dumps([{n: _plain(v) for n, v in zip(names, r)} for r in rows], ensure_ascii=False, indent=2) + "\n"


def _csv(names: list[str], rows: list[tuple]) -> Iterator[str]:
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(names)
    for r in rows:
        w.writerow(["" if v is None else json.dumps(_plain(v), ensure_ascii=False) if isinstance(v, (list, dict)) else v
                    for v in r])
    yield buf.getvalue()


def _table(names: list[str], rows: list[tuple]) -> Iterator[str]:
    cells = [["" if v is None else str(_plain(v)) for v in r] for r in rows]
    widths = [max([len(n), *(len(r[i]) for r in cells)]) for i, n in enumerate(names)]
    line = lambda vs: "  ".join(v.ljust(w) for v, w in zip(vs, widths)).rstrip() + "\n"
    yield line(names)
    yield line(["-" * w for w in widths])
    for r in cells:
        yield line(r)
