"""A ledger CSV of N rows for the bench corpus: one row per key its reported claims use (the value most
claims give), then made-up rows for the same companies' other years and quarters, as an archive's ledger
of several companies over decades would hold. For timing `check --ledger`; no figure in it is real."""
from __future__ import annotations

import argparse
import csv
import random
from collections import Counter, defaultdict
from pathlib import Path

from claimcheck import vocab as L
from claimcheck.pipeline import run, sources

METRICS = ["revenue", "operating_income", "net_income", "capex", "operating_cash_flow"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("corpus", type=Path)
    ap.add_argument("out", type=Path)
    ap.add_argument("--rows", type=int, default=10_000)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    claims = run(sources([str(a.corpus)]), L.default(), jobs=1).claims
    values: dict[tuple, Counter] = defaultdict(Counter)
    for c in claims:
        if c.entity and c.period and c.unit not in ("%", "pp", "count") and not (c.estimate or c.consensus or c.change):
            values[(c.entity, c.segment or "", c.metric, c.period, c.unit)][c.value] += 1
    rows = [dict(entity=e, segment=s, metric=m, period=p, value=v.most_common(1)[0][0], unit=u, as_of="2025-11-14")
            for (e, s, m, p, u), v in values.items()]
    entities = sorted({k[0] for k in values})
    while len(rows) < a.rows:
        year = rng.randint(1990, 2025)
        period = f"{year}Q{rng.randint(1, 4)}" if rng.random() < 0.7 else str(year)
        rows.append(dict(entity=rng.choice(entities), segment="", metric=rng.choice(METRICS), period=period,
                         value=round(rng.uniform(1e9, 1e13)), unit="KRW", as_of=f"{min(year + 1, 2025)}-03-1{rng.randint(0, 9)}"))
    with a.out.open("w", newline="", encoding="utf-8") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0]))
        w.writeheader()
        w.writerows(rows[:a.rows])
    print(f"wrote {min(len(rows), a.rows)} rows ({len(values)} keys from the corpus's claims) to {a.out}")


if __name__ == "__main__":
    main()
