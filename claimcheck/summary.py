"""What a run tells beside its findings: the Summary printed after a report, the inputs it did not
check (Unreadable), what it checked against filed figures (LedgerTally), and the Problems told on stderr."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

from .models import Frozen


class Unreadable(Frozen):
    """An input that was not checked: unreadable, not a plain file, a link leaving the tree, too big."""

    file: str
    reason: str


@dataclass(frozen=True, slots=True)
class Problem:
    """Something a run told the user about rather than checked: a file it could not read
    (`unreadable`, also listed as an Unreadable in the summary), one it read with damage (`read`),
    or a cache it could not use (`cache`). Told on stderr as str(problem)."""

    kind: Literal["unreadable", "read", "cache"]
    message: str
    file: str | None = None

    def __str__(self) -> str:
        if self.kind == "unreadable":
            return f"{self.file}: unreadable: {self.message}"
        return f"{self.file}: {self.message}" if self.file else self.message


class LedgerTally(Frozen):
    """Claims checked against filed figures: the filed value within the printed figure, outside it, or no
    filed figure to settle it (no figure for its period, span or currency, or no period)."""

    matched: int = 0
    differing: int = 0
    unverifiable: int = 0


class Summary(Frozen):
    """Counts printed after a report, and what the run did not check or did not show."""

    articles: int
    claims: int
    findings: int
    error: int = 0
    warning: int = 0
    info: int = 0
    suppressed: int = 0
    hidden_by_baseline: int = 0
    hidden_by_changed_since: int = 0
    hidden_by_staged: int = 0  # findings between committed articles only, left out by check --staged
    unreadable: tuple[Unreadable, ...] = ()
    ledger: LedgerTally | None = None  # set when a ledger was given
