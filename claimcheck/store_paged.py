"""`check --store`'s findings as the report reads them: a Paged sequence (paged.py) whose blocks read their
cited claims back from the spill the passes wrote (store_spill.py), in the order of the findings.

A block is the findings up to BLOCK distinct cited claims; each of its claims is built once for it and let go
with it, so a report holds one block's claims however many the findings cite. A claim cited in two blocks is
read twice (at 10,000 bench articles, 625,064 citations of 464,461 claims: 513,926 reads in blocks of 32,768).
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence

from .models import Claim, Finding
from .paged import Paged
from .store_cites import Lean
from .store_spill import Spill

BLOCK = 32768  # distinct claims read back together


class StoredFindings(Paged):
    """The findings of a store's check, in report order, and the spill their claims are read back from."""

    def __init__(self, findings: list[Lean], spill: Spill):
        self.findings = findings
        self.spill = spill
        self._heads = [f.head for f in findings]

    def heads(self) -> Sequence[Finding]:
        return self._heads

    def blocks(self) -> Iterator[list[Finding]]:
        for a, b, refs in self._cuts():
            got = self.spill.read(refs)
            yield [_whole(f, got) for f in self.findings[a:b]]

    def briefly(self) -> Iterator[tuple[Finding, list[tuple]]]:
        """Each finding's head with what findings.parquet keeps of its claims (store.BRIEF's values), which
        is read back alone."""
        for a, b, refs in self._cuts():
            got = self.spill.briefs(refs)
            yield from ((f.head, [got[r] for r in f.refs]) for f in self.findings[a:b])

    def _cuts(self) -> Iterator[tuple[int, int, set[int]]]:
        """The blocks: (start, end) of their findings, and the claims they cite."""
        start, refs = 0, set[int]()
        for i, f in enumerate(self.findings):
            refs.update(f.refs)
            if len(refs) >= BLOCK or i == len(self.findings) - 1:
                yield start, i + 1, refs
                start, refs = i + 1, set[int]()


def _whole(f: Lean, claims: dict[int, Claim]) -> Finding:
    return f.head.model_copy(update={"claims": tuple(map(claims.__getitem__, f.refs))}) if f.refs else f.head
