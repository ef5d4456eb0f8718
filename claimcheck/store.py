"""The claim store: claims, articles and findings as Parquet under one folder, written with DuckDB.

Layout of a store DIR:
  staging/XX/KEY.jsonl   one article's claims, a JSON object a line (the claims JSONL contract plus
                         the fields the checks need back), named by the extraction cache's key
  manifest.json          the articles in run order, each with its key; the partitioning; the rules
  articles.parquet       file, run order, suppression comments
  claims/part=P/*.parquet claims, partitioned by period or entity (hive layout)
  findings.parquet       what `check` reports over the stored articles
  ledger.parquet         the filed figures the last check or export compared claims with (ledger@1 records),
                         when it was given a ledger

An unchanged article keeps its staging file; a run in which nothing changed rewrites nothing.
"""
from __future__ import annotations

import json
from array import array
from collections.abc import Iterator
from pathlib import Path
from typing import Any, NamedTuple

from .models import Claim
from .claim_contract import claim_dict

INSTALL = "the claim store needs the store extra: pip install 'claimcheck[store]'"
VERSION = 1


class StoreError(ValueError):
    """A store that cannot be used, or the extra missing (one-line message)."""


def duckdb() -> Any:
    try:
        import duckdb as db
    except ImportError:
        raise StoreError(INSTALL) from None
    return db


# DuckDB's own share: past it a query spills to a folder in the store (1GB peaked above the in-memory check
# at 2,000 articles; 64MB fails to pin the Parquet reader's blocks at 10,000)
MEMORY = "128MB"


def bounded(root: Path, memory: str) -> Any:
    """A DuckDB connection that keeps to `memory` and spills past it into a folder of the store. One
    thread: each DuckDB thread holds buffers of its own, and the Python side checking what a query
    streams is one thread anyway (at 10,000 bench articles the key pass's sort took 325 MB with two
    threads and 256MB, 190 MB with one and 128MB, in the same time)."""
    con = duckdb().connect()
    con.execute(f"SET memory_limit='{memory}'")
    con.execute("SET threads=1")
    con.execute(f"SET temp_directory='{str(root / '.tmp').replace(chr(39), chr(39) * 2)}'")
    return con


# The explicit column types: an all-null column (no claim of the run has a basis, say) keeps its type.
EVIDENCE = "STRUCT(field VARCHAR, source VARCHAR, line BIGINT, text VARCHAR)[]"
CLAIM_COLUMNS = {
    "idx": "BIGINT", "file": "VARCHAR", "line": "BIGINT", "column": "BIGINT", "text": "VARCHAR", "entity": "VARCHAR",
    "segment": "VARCHAR", "metric": "VARCHAR", "value": "DOUBLE", "low": "DOUBLE", "high": "DOUBLE",
    "bound": "VARCHAR", "unit": "VARCHAR", "period": "VARCHAR", "cadence": "VARCHAR", "basis": "VARCHAR",
    "estimate": "BOOLEAN", "quote": "VARCHAR", "half_width": "DOUBLE", "change": "BOOLEAN",
    "context_year": "BIGINT", "context_month": "BIGINT", "sentence": "BIGINT", "consensus": "BOOLEAN", "forecaster": "VARCHAR", "evidence": EVIDENCE,
    "key": "VARCHAR",  # the entity family (partition.key): what check --store reduces over
}
# a filed figure: the claimcheck/ledger@1 record (spec/ledger.md)
LEDGER_COLUMNS = {
    "entity": "VARCHAR", "segment": "VARCHAR", "metric": "VARCHAR", "period": "VARCHAR", "cadence": "VARCHAR",
    "basis": "VARCHAR", "through": "VARCHAR", "value": "DOUBLE", "unit": "VARCHAR", "start": "DATE", "end": "DATE",
    "as_of": "DATE", "source": "STRUCT(kind VARCHAR, document VARCHAR, concept VARCHAR, form VARCHAR)",
    "derived": "BOOLEAN", "restated": "BOOLEAN",
}
FILED = "STRUCT(" + ", ".join(f'"{k}" {v}' for k, v in LEDGER_COLUMNS.items()) + ")"
BRIEF = ("file", "line", "column", "text", "entity", "segment", "metric", "value", "unit", "period")  # a finding's claims
FINDING_COLUMNS = {
    "rule": "VARCHAR", "severity": "VARCHAR", "message": "VARCHAR", "fingerprint": "VARCHAR", "why": "VARCHAR",
    "suppressed": "BOOLEAN",
    "claims": "STRUCT(" + ", ".join(f'"{k}" {CLAIM_COLUMNS[k]}' for k in BRIEF) + ")[]",
    "filed": FILED + "[]",  # a ledger finding's filed figure, then what it was computed from
}
NONE = "__none__"  # the partition of claims with no period or no entity


def staging(root: Path, key: str) -> Path:
    return root / "staging" / key[:2] / f"{key}.jsonl"


def claim_row(i: int, c: Claim, key: str | None) -> str:
    """One staging line: the contract's claim, its evidence as a list, and what the checks need back."""
    d = claim_dict(c)
    d.update(idx=i, half_width=c.half_width, context_year=c.context_year, context_month=c.context_month,
             sentence=c.sentence, key=key, forecaster=c.forecaster,
             evidence=[{"field": f, "source": s, "line": ln, "text": t} for f, s, ln, t in c.evidence])
    return json.dumps(d, ensure_ascii=False, allow_nan=False)


def columns(spec: dict[str, str]) -> str:
    """A DuckDB struct literal of column types, for read_json's `columns`."""
    return "{" + ", ".join(f"'{k}': '{v}'" for k, v in spec.items()) + "}"


def read_manifest(root: Path) -> dict:
    try:
        return json.loads((root / "manifest.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def require(root: Path) -> dict:
    """The manifest of an exported store, or StoreError."""
    got = read_manifest(root)
    if got.get("version") != VERSION or not (root / "articles.parquet").is_file():
        raise StoreError(f"{root}: no claim store here (write one with 'claimcheck export PATH... -o {root}')")
    return got


STRINGS = 1_000_000  # distinct strings and numbers shared while reading claims back; past it a new table is started
TEXT_COLUMNS = {k for k, v in CLAIM_COLUMNS.items() if v == "VARCHAR"}
NUMBER_COLUMNS = {k for k, v in CLAIM_COLUMNS.items() if v in ("BIGINT", "DOUBLE")}


def batches(con: Any, sql: str, params: list | None = None, size: int = 8192) -> Iterator[dict]:
    """The rows of a query as dicts, fetched a batch at a time (the result is never held whole)."""
    cur = con.execute(sql, params or None)
    names = [d[0] for d in cur.description]
    while rows := cur.fetchmany(size):
        for row in rows:
            yield dict(zip(names, row))


def ref(art: int, idx: int) -> int:
    """A stored claim's reference: its article's place in the run and its own in the article, as one int."""
    return art << 32 | idx


class Run(NamedTuple):
    refs: array  # each claim's reference (`ref`), int64
    claims: list[Claim]


def claims_in_order(con: Any, sql: str, size: int = 8192) -> Run:
    """All the claims a query gives (it selects `art` and `idx` too) with their references, in the run's order,
    built a batch of rows at a time and column-wise as the cache builds them: equal strings and evidence one
    object, one shared set of field names (a claim built row by row took about three times the memory). They
    are sorted here, by reference: DuckDB sorting them took about twice their memory at 10,000 bench articles."""
    from .cache_entry import NAMES, build, shared_evidence

    strings: dict[str, str] = {}
    tables: dict[str, dict] = {}
    refs = array("q")
    claims: list[Claim] = []
    for batch in _reader(con.sql(sql), size):
        if len(strings) + sum(map(len, tables.values())) > STRINGS:
            strings, tables = {}, {}  # bounded: most of what repeats is shared still
        refs.extend(map(ref, batch.column("art").to_pylist(), batch.column("idx").to_pylist()))
        claims += build([_column(batch.column(n).to_pylist(), n, strings, tables, shared_evidence) for n in NAMES])
    order = sorted(range(len(refs)), key=refs.__getitem__)
    return Run(array("q", map(refs.__getitem__, order)), list(map(claims.__getitem__, order)))


def _column(values: list, name: str, strings: dict, tables: dict[str, dict], shared_evidence: Any) -> list:
    """One stored column as the claims hold it: equal texts and numbers one object, evidence as tuples."""
    if name == "evidence":
        return shared_evidence([tuple((e["field"], e["source"], e["line"], e["text"]) for e in ev) if ev else () for ev in values],
                               strings)
    if name in TEXT_COLUMNS:
        get = strings.setdefault  # one table with the evidence's texts: those are the claims' quotes and names
        return [v if v is None else get(v, v) for v in values]
    if name in NUMBER_COLUMNS:
        # a float or a large int is an object of its own (24-28 bytes), and a claim holds six. A table per
        # column, as 1 == 1.0 == True would share across types; 0 stays itself, -0.0 == 0.0 would lose a sign
        get = tables.setdefault(name, {}).setdefault
        return [v if v is None or v == 0 else get(v, v) for v in values]
    return values


def _reader(rel: Any, size: int) -> Any:
    # DuckDB 2 renamed fetch_arrow_reader to to_arrow_reader
    return rel.to_arrow_reader(size) if hasattr(rel, "to_arrow_reader") else rel.fetch_arrow_reader(size)
