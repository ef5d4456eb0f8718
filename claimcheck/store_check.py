"""`check --store`: the rules over a claim store, in bounded memory.

Two passes over the stored claims (store_passes.py): by article, for the article-scope checks (and the few
claims the corpus-scope checks read), then by key, for the key-scope checks, one key's claims alive at a
time. The findings cite claims by reference (store_cites.py) and the report reads them back
(store_paged.py); they are those of an in-memory check.
"""
from __future__ import annotations

from array import array
import json
from collections.abc import Callable, Iterator, Sequence
from contextlib import closing
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

from . import engine, store, store_cites, store_passes
from . import vocab as L
from .filed import Ledger, filed_dict
from .models import Finding
from .summary import LedgerTally
from .rule_spec import RuleSpec
from .claim_contract import claim_dict
from .store_paged import StoredFindings
from .store_spill import Found, Spill

WRITE_MEMORY = "256MB"  # writing ledger.parquet from JSON lines (read_json fails under it on large lines)
WRITE_BATCH = 256  # findings written to findings.parquet together, or as many as cite WRITE_CLAIMS claims
WRITE_CLAIMS = 2048


@dataclass
class Stored:
    findings: Sequence[Finding]  # StoredFindings: the claims are read when the findings are
    suppressed: int
    articles: int
    claims: int
    tally: LedgerTally | None = None  # claims checked against the ledger, when one was given


def check(root: Path, rules: list[RuleSpec], lex: L.Lexicon, keep: Callable[[str], bool] = lambda _: True,
          ledger: Ledger | None = None) -> Stored:
    store.require(root)
    with closing(connect(root)) as con:
        sup = _suppressions(con)
        counts, names = store_passes.counts(con), store_passes.key_names(con)
        citing = store_cites.Citing(store_passes.files(con), {file for file, _ in sup})
        articles = con.execute("SELECT count(*) FROM articles").fetchone()[0]
    spill = Spill(root, counts)
    passes = store_passes.Passes(rules, lex, ledger, citing, spill, Found(root))
    for run in store_passes.articles(partial(read, root), counts):
        passes.article(run)
    passes.corpus_part()
    for run in store_passes.keys(partial(read, root), names):
        passes.key(run)
        del run  # before the next key is read: the largest key's claims were alive beside the next's
    if not names:  # so that a check that counts what it settled says it settled nothing, as in memory
        passes.key(store.Run(array("q"), []))
    done = store_cites.finish(passes.done(), sup, passes.tally, passes.citing)
    kept = store_cites.flagged(done.findings, sup, rules, keep)
    return Stored(StoredFindings(kept, spill), done.suppressed, articles, passes.claims, done.tally)


def read(root: Path, sql: str) -> store.Run:
    """A query's claims in the run's order, through a connection of its own: closed, it gives DuckDB's memory
    back before the checks run (31 MB after the largest key's claims at 10,000 bench articles)."""
    with closing(connect(root)) as con:
        return store.claims_in_order(con, sql)


def connect(root: Path) -> Any:
    """A DuckDB connection with the store's tables as views: claims, articles, findings (and ledger)."""
    con = store.bounded(root, store.MEMORY)
    con.execute(f"CREATE VIEW claims AS SELECT * FROM read_parquet('{_q(str(root / 'claims' / '**' / '*.parquet'))}', "
                "hive_partitioning=true, union_by_name=true)")
    for name in ("articles", "findings", "ledger"):
        if (root / f"{name}.parquet").is_file():
            con.execute(f"CREATE VIEW {name} AS SELECT * FROM read_parquet('{_q(str(root / f'{name}.parquet'))}')")
    return con


def _suppressions(con: Any) -> engine.Suppressions:
    out: engine.Suppressions = {}
    for row in store.batches(con, "SELECT file, suppressions FROM articles ORDER BY art"):
        for s in row["suppressions"] or ():
            out.setdefault((row["file"], s["line"]), []).append(s["rule"])
    return out


def write_findings(root: Path, findings: Sequence[Finding]) -> None:
    """The findings into findings.parquet with its explicit schema, a batch of them at a time through
    pyarrow's writer. DuckDB reading them back as JSON lines took 490 MB (256MB limit: 245 MB) at
    10,000 bench articles, on top of the findings themselves: it held the run's findings whole."""
    import pyarrow as pa  # type: ignore[import-untyped, unused-ignore]
    import pyarrow.parquet as pq  # type: ignore[import-untyped, unused-ignore]

    schema = arrow_schema(store.FINDING_COLUMNS)
    tmp = root / ".findings.parquet"
    with pq.ParquetWriter(str(tmp), schema) as out:
        for rows in _batches(findings):
            out.write_table(pa.Table.from_pylist(rows, schema))
    tmp.replace(root / "findings.parquet")


def _batches(findings: Sequence[Finding]) -> Iterator[list[dict]]:
    """findings.parquet's rows, WRITE_BATCH findings at a time or fewer citing WRITE_CLAIMS claims."""
    rows: list[dict] = []
    cited = 0
    for f, claims in _briefly(findings):
        rows.append({"rule": f.rule, "severity": f.severity.value, "message": f.message, "fingerprint": f.fingerprint,
                     "why": f.why, "suppressed": f.suppressed, "claims": [dict(zip(store.BRIEF, c)) for c in claims],
                     "filed": [x.model_dump() for x in f.filed]})  # dates as dates, for the DATE columns
        cited += len(claims)
        if len(rows) == WRITE_BATCH or cited >= WRITE_CLAIMS:
            yield rows
            rows, cited = [], 0
    if rows:
        yield rows


def _briefly(findings: Sequence[Finding]) -> Iterator[tuple[Finding, list[tuple]]]:
    """Each finding with the values of store.BRIEF of its claims: a store's reads those alone."""
    if isinstance(findings, StoredFindings):
        return findings.briefly()
    return ((f, [tuple(map(claim_dict(c).__getitem__, store.BRIEF)) for c in f.claims]) for f in findings)


def arrow_schema(spec: dict[str, str]) -> Any:
    """The Arrow schema DuckDB gives columns of these types, so the file reads back as DuckDB wrote it before."""
    con = store.duckdb().connect()
    try:
        sql = "SELECT " + ", ".join(f'NULL::{t} AS "{k}"' for k, t in spec.items()) + " LIMIT 0"
        return con.sql(sql).to_arrow_table().schema
    finally:
        con.close()


def write_ledger(root: Path, ledger: Ledger | None) -> None:
    """The filed figures the run compared claims with, every version, into ledger.parquet (the `ledger`
    view); a run without a ledger removes the last one's, as findings.parquet follows the last run too."""
    target = root / "ledger.parquet"
    if ledger is None:
        target.unlink(missing_ok=True)
        return
    tmp = root / ".ledger.jsonl"
    with tmp.open("w", encoding="utf-8") as fh:
        for f in ledger:
            fh.write(json.dumps(filed_dict(f), ensure_ascii=False) + "\n")
    con = store.bounded(root, WRITE_MEMORY)
    try:
        con.execute(f"COPY (SELECT * FROM read_json('{_q(str(tmp))}', format='newline_delimited', "
                    f"columns={store.columns(store.LEDGER_COLUMNS)})) "
                    f"TO '{_q(str(target))}' (FORMAT parquet)")
    finally:
        con.close()
        tmp.unlink()


def _q(text: str) -> str:
    return text.replace("'", "''")
