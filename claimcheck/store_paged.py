"""`check --store`'s findings as the report reads them: a Paged sequence (paged.py) whose blocks read their
cited claims back from the spill the passes wrote (store_spill.py), in the order of the findings.

A block is the findings up to BLOCK distinct cited claims; each of its claims is built once for it and let go
with it, so a report holds one block's claims however many the findings cite. A claim cited in two blocks is
read twice (at 10,000 bench articles, 621,471 citations of 460,892 claims).
"""
from __future__ import annotations

from collections.abc import Iterator, Sequence

from .models import Claim, Finding
from .paged import Paged
from .store_cites import Lean
from .store_spill import Spill

BLOCK = 32768  # distinct claims read back together


class StoredFindings(Paged):
    def __init__(self, findings: list[Lean], spill: Spill):
        self.findings = findings
        self.spill = spill
        self._heads = [f.head for f in findings]

    def heads(self) -> Sequence[Finding]:
        return self._heads

    def blocks(self) -> Iterator[list[Finding]]:
        start, refs = 0, set[int]()
        for i, f in enumerate(self.findings):
            refs.update(f.refs)
            if len(refs) >= BLOCK or i == len(self.findings) - 1:
                got = self.spill.read(refs)
                yield [_whole(f, got) for f in self.findings[start:i + 1]]
                start, refs = i + 1, set[int]()


def _whole(f: Lean, claims: dict[int, Claim]) -> Finding:
    return f.head.model_copy(update={"claims": tuple(map(claims.__getitem__, f.refs))}) if f.refs else f.head
