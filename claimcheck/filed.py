"""Filed figures: the `claimcheck/ledger@1` record (spec/ledger.md) and the ledger they make.

A filed figure is typed like a claim (entity, segment, metric, period, cadence, basis, unit), so a claim
finds its filed figures by its own key. `ledger/` reads them from files; the checks look claims up here and
the reporters show what was found. Nothing here reads a file or imports another stage.
"""
from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Iterator
from typing import Any, NamedTuple

from pydantic import BaseModel, ConfigDict

from .metric_taxonomy import taxonomy

SCHEMA = "claimcheck/ledger@1"

# (entity, segment, metric, period, cadence, basis, unit, through): what a claim is matched on
Key = tuple[str, str | None, str, str, str | None, str | None, str, str | None]
# the same without the unit: one figure in each currency the filing gives
Place = tuple[str, str | None, str, str, str | None, str | None, str | None]


class FiledSource(BaseModel):
    """Where a figure was filed: `kind` (sec, dart, newsroom, ...), the document (an accession or receipt
    number, or the newsroom's name for it), the concept or account it was filed under, and the form."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    kind: str
    document: str | None = None
    concept: str | None = None
    form: str | None = None


class Filed(BaseModel):
    """One filed figure as of one filing. `through` names the quarter a year-to-date figure runs through
    (2025Q3 for nine months); `derived` marks a figure worked out from others (Q4 = annual − nine months);
    `restated` one that a later filing gives with another value."""

    model_config = ConfigDict(frozen=True, extra="forbid")
    entity: str
    segment: str | None = None
    metric: str
    period: str
    cadence: str | None = None
    basis: str | None = None
    through: str | None = None
    value: float
    unit: str
    start: dt.date | None = None
    end: dt.date | None = None
    as_of: dt.date | None = None
    source: FiledSource
    derived: bool = False
    restated: bool = False

    @property
    def key(self) -> Key:
        return key_of(self)


def key_of(f: Filed | Record) -> Key:
    """The fields a filed figure is looked up by, in the order claims give them."""
    return (f.entity, f.segment, f.metric, f.period, f.cadence, f.basis, f.unit, f.through)


def filed_dict(f: Filed) -> dict[str, Any]:
    """A filed figure as the ledger@1 JSON object (dates as ISO text)."""
    return f.model_dump(mode="json")


def jsonl_lines(figures: Iterable[Filed]) -> Iterator[str]:
    """A ledger as JSON Lines: the schema line, then one record a line."""
    yield json.dumps({"schema": SCHEMA}) + "\n"
    for f in figures:
        yield json.dumps(filed_dict(f), ensure_ascii=False) + "\n"


def spanned(metric: str) -> bool:
    """Whether a figure of this metric covers a span (annual, quarterly, the year to date): a flow or its growth.
    A ratio or a stock has no cadence, on a claim or in the ledger."""
    tax = taxonomy()
    info = tax.info(metric)
    return bool(info and info.has_cadence and info.family in ("flow", "growth"))


class Record(NamedTuple):
    """A filed figure as a reader checked it, not yet a Filed: its fields, in Filed's order. A ledger of
    thousands of rows is asked about the few keys a run's claims use, and making every row a validated
    model cost more than reading it; the ledger makes the Filed of a key when it is first asked for."""

    entity: str
    segment: str | None
    metric: str
    period: str
    cadence: str | None
    basis: str | None
    through: str | None
    value: float
    unit: str
    start: dt.date | None
    end: dt.date | None
    as_of: dt.date | None
    source: FiledSource
    derived: bool = False
    restated: bool = False

    @property
    def key(self) -> Key:
        return key_of(self)

    @classmethod
    def of(cls, f: Filed | Record) -> Record:
        return f if isinstance(f, Record) else cls(**dict(f))

    def filed(self) -> Filed:
        return Filed(**self._asdict())


def _when(f: Record) -> dt.date:
    return f.as_of or dt.date.min  # a figure with no filing date is the oldest


class Ledger:
    """Filed figures by key, every version kept, oldest filing first: the last is current.

    An earlier version whose value differs from the current one is marked `restated` (a later filing
    changed it). Figures given twice alike (a raw file and the JSONL made from it) are kept once. The
    versions of a key become Filed figures when first asked for (see Record).
    """

    def __init__(self, figures: Iterable[Filed | Record] = ()) -> None:
        self.records: dict[Key, list[Record]] = {}
        for r in dict.fromkeys(map(Record.of, figures)):
            self.records.setdefault(r.key, []).append(r)
        self.made: dict[Key, tuple[Filed, ...]] = {}
        self.places: dict[Place, dict[str, Key]] = {}
        self.spans: dict[Place, list[Key]] = {}  # a place without its `through`: its year-to-date keys
        for k, rs in self.records.items():
            rs.sort(key=_when)  # stable: among equal dates the later row wins
            self.places.setdefault(place(k), {})[k[6]] = k
            if k[7] is not None:
                self.spans.setdefault((*k[:6], None), []).append(k)
        self.entities = frozenset(k[0] for k in self.records)
        self.metrics = frozenset((k[0], k[2]) for k in self.records)

    def __len__(self) -> int:
        return len(self.records)

    def __iter__(self) -> Iterator[Filed]:
        """Every version of every figure, in key order then oldest first."""
        for k in sorted(self.records, key=lambda k: tuple("" if x is None else x for x in k)):
            yield from self.get(k)

    def count(self) -> int:
        """Every version of every figure."""
        return sum(map(len, self.records.values()))

    def get(self, key: Key) -> tuple[Filed, ...]:
        versions = self.made.get(key)
        if versions is None:
            rs = self.records.get(key)
            if not rs:
                return ()
            now = rs[-1].value
            versions = self.made[key] = tuple(
                (r if r.restated or r.value == now or r is rs[-1] else r._replace(restated=True)).filed() for r in rs)
        return versions

    def units(self, at: Place) -> dict[str, tuple[Filed, ...]]:
        """The versions of one figure in each unit (currency) the ledger gives it in."""
        return {unit: self.get(k) for unit, k in self.places.get(at, {}).items()}

    def throughs(self, at: Place) -> list[Key]:
        """The year-to-date keys of a year (through Q2, through Q3 ...), for a running total whose end is not named."""
        return self.spans.get(at, [])


def place(k: Key) -> Place:
    return (k[0], k[1], k[2], k[3], k[4], k[5], k[7])
