"""Findings that read the claims they cite back only when reported, a block of findings at a time.

`check --store` keeps its findings without their claims (an archive's findings cite most of its
claims) and hands the report a `Paged` sequence: iterating it builds each block's cited claims
afresh, one object per claim within the block, and lets them go with the block. What a report or
a count reads beside the claims (rule, severity, message, fingerprint, suppressed, fix, filed)
comes from `heads`, which costs no claim at all. A plain list of findings is its own heads and one
block, so code written against these two functions serves both.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from itertools import islice
from typing import overload

from .models import Finding


class Paged(Sequence[Finding]):
    """A sequence of findings whose claims are read back when iterated. Subclasses give `heads` and
    `blocks`; indexing walks the blocks, so a reader that can should iterate instead."""

    def heads(self) -> Sequence[Finding]:
        """The findings in order with what they say but no claims (`claims` empty)."""
        raise NotImplementedError

    def blocks(self) -> Iterator[list[Finding]]:
        """The findings in order, whole, in lists whose findings share one object per cited claim."""
        raise NotImplementedError

    def __len__(self) -> int:
        return len(self.heads())

    def __iter__(self) -> Iterator[Finding]:
        for block in self.blocks():
            yield from block

    @overload
    def __getitem__(self, i: int) -> Finding: ...

    @overload
    def __getitem__(self, i: slice) -> list[Finding]: ...

    def __getitem__(self, i: int | slice) -> Finding | list[Finding]:
        if isinstance(i, slice):
            return list(self)[i]
        n = len(self)
        at = i + n if i < 0 else i
        if not 0 <= at < n:
            raise IndexError("finding index out of range")
        return next(islice(iter(self), at, None))


def heads(findings: Sequence[Finding]) -> Sequence[Finding]:
    """The findings for what they say, not what they cite: a Paged sequence's heads, or the findings."""
    return findings.heads() if isinstance(findings, Paged) else findings


def blocks(findings: Sequence[Finding]) -> Iterable[Sequence[Finding]]:
    """The findings in blocks that share cited claims within each: a Paged sequence's, or one block."""
    if isinstance(findings, Paged):
        return findings.blocks()
    return [findings] if findings else []
