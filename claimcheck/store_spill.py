"""The claims `check --store`'s findings cite, spilled to a file as the passes find them, for the report.

Each cited claim is written once, as the passes hold it, to an unnamed file in the store's folder (its
fields' values marshalled); the report reads each block's claims back by offset. Reading them from DuckDB
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
from pathlib import Path
from typing import IO, Any

from .cache import NAMES, build, shared_evidence
from .models import Claim

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
        self.size = array("l", [0]) * total
        self.file: IO[bytes] = tempfile.TemporaryFile(dir=folder, prefix=".cited-")
        self.end = 0

    def number(self, ref: int) -> int:
        return self.first[ref >> 32] + (ref & 0xFFFFFFFF)

    def add(self, ref: int, claim: Claim) -> None:
        """Write the claim unless it was written already."""
        n = self.number(ref)
        if self.at[n] >= 0:
            return
        d = claim.__dict__
        body = marshal.dumps(tuple(d[k] for k in NAMES))
        self.file.write(body)
        self.at[n], self.size[n] = self.end, len(body)
        self.end += len(body)

    def read(self, refs: Iterable[int]) -> dict[int, Claim]:
        """The claims of these references, built together: equal strings and evidence one object. Rows are
        read CHUNK at a time and their strings shared at once: a row's own copies are let go as it is read."""
        self.file.flush()
        fd, at, size = self.file.fileno(), self.at, self.size
        wanted = sorted(set(refs), key=lambda r: at[self.number(r)])  # in the file's order
        strings: dict[str, str] = {}
        columns: list[list] = [[] for _ in NAMES]
        for k in range(0, len(wanted), CHUNK):
            rows = [marshal.loads(os.pread(fd, size[n], at[n])) for n in map(self.number, wanted[k:k + CHUNK])]
            for i, (column, values) in enumerate(zip(columns, zip(*rows))):
                column.extend(_shared(i, values, strings))
        return dict(zip(wanted, build(columns))) if wanted else {}

    def close(self) -> None:
        self.file.close()


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
