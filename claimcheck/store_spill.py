"""The claims `check --store`'s findings cite, spilled to a file as the passes find them, for the report.

Each cited claim is written once, as the passes hold it, to an unnamed file in the store's folder (its
fields' values marshalled, what findings.parquet keeps of it first); the report reads each block's claims
back by offset. Reading them from DuckDB
instead, sorted into the report's order, took more memory than the key pass (DuckDB's allocator is its
own, so what the passes' claims freed did not serve it); this file costs the report no DuckDB at all.
"""
from __future__ import annotations

import marshal
import pickle
import os
import tempfile
from array import array
from collections.abc import Iterable, Iterator
from operator import itemgetter
from pathlib import Path
from typing import IO, Any

from .cache_entry import NAMES, build, shared_evidence
from .models import Claim
from .store import BRIEF

# a claim is written as two records: what findings.parquet keeps of it (store.BRIEF), then the rest
REST = tuple(k for k in NAMES if k not in BRIEF)
_BRIEF, _REST = itemgetter(*BRIEF), itemgetter(*REST)
_TO_NAMES = [(*BRIEF, *REST).index(k) for k in NAMES]
_EVIDENCE = NAMES.index("evidence")
CHUNK = 2048  # rows read back together


def _shared(i: int, values: tuple, strings: dict[str, str]) -> list:
    """One field of some rows with equal strings (and evidence) made one object."""
    if i == _EVIDENCE:
        return shared_evidence(list(values), strings)
    if any(type(v) is str for v in values):
        return [v if v is None else strings.setdefault(v, v) for v in values]
    return list(values)


class Spill:
    """Claims by reference (`store.ref`). Each claim has a number among the run's claims (its article's
    first claim's, from `counts`, plus its index), so where each was written is an array, not a dict."""

    def __init__(self, folder: Path, counts: Iterable[tuple[int, int]]):
        self.first = array("q")  # article -> the number of its first claim
        total = 0
        for art, n in counts:  # by article
            self.first.extend([total] * (art + 1 - len(self.first)))
            total += n
        self.at = array("q", [-1]) * total  # claim number -> offset in the file, -1 until written
        self.size = array("l", [0]) * total  # of both records
        self.cut = array("l", [0]) * total  # of the first
        self.file: IO[bytes] = tempfile.TemporaryFile(dir=folder, prefix=".cited-")
        self.end = 0

    def number(self, ref: int) -> int:
        return self.first[ref >> 32] + (ref & 0xFFFFFFFF)

    def add(self, ref: int, claim: Claim) -> None:
        """Write the claim unless it was written already."""
        n = self.first[ref >> 32] + (ref & 0xFFFFFFFF)
        if self.at[n] >= 0:
            return
        d = claim.__dict__
        brief, rest = marshal.dumps(_BRIEF(d)), marshal.dumps(_REST(d))
        self.file.write(brief + rest)
        self.at[n], self.size[n], self.cut[n] = self.end, len(brief) + len(rest), len(brief)
        self.end += len(brief) + len(rest)

    def read(self, refs: Iterable[int]) -> dict[int, Claim]:
        """The claims of these references, built together: equal strings and evidence one object. Rows are
        read CHUNK at a time and their strings shared at once: a row's own copies are let go as it is read."""
        wanted = self._order(refs)
        strings: dict[str, str] = {}
        columns: list[list] = [[] for _ in NAMES]
        for k in range(0, len(wanted), CHUNK):
            read = list(zip(*map(self._row, map(self.number, wanted[k:k + CHUNK]))))  # BRIEF's, then REST's
            for i, (column, j) in enumerate(zip(columns, _TO_NAMES)):
                column.extend(_shared(i, read[j], strings))
        return dict(zip(wanted, build(columns))) if wanted else {}

    def briefs(self, refs: Iterable[int]) -> dict[int, tuple]:
        """What findings.parquet keeps of each of these claims: the values of store.BRIEF."""
        wanted = self._order(refs)
        fd, at, cut = self.file.fileno(), self.at, self.cut
        return {r: marshal.loads(os.pread(fd, cut[n], at[n])) for r, n in zip(wanted, map(self.number, wanted))}

    def _order(self, refs: Iterable[int]) -> list[int]:
        self.file.flush()
        return sorted(set(refs), key=lambda r: self.at[self.number(r)])  # in the file's order

    def _row(self, n: int) -> tuple:
        body = os.pread(self.file.fileno(), self.size[n], self.at[n])
        return marshal.loads(body) + marshal.loads(memoryview(body)[self.cut[n]:])


class Found:
    """The passes' findings by reference, pickled to an unnamed file in the store's folder a piece at a time."""

    def __init__(self, folder: Path):
        self.file: IO[bytes] = tempfile.TemporaryFile(dir=folder, prefix=".found-")

    def add(self, found: list) -> None:
        if found:
            pickle.dump(found, self.file, protocol=pickle.HIGHEST_PROTOCOL)

    def __iter__(self) -> Iterator[Any]:
        self.file.flush()
        self.file.seek(0)
        while True:
            try:
                yield from pickle.load(self.file)
            except EOFError:
                return
