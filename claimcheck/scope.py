"""Which findings a report shows (--changed-since, --staged, --baseline, --write-baseline), and the counts of what was hidden.

A summary that only counts what it shows reads as "all clear" when a baseline or a scope hid
findings; each of those is counted, so the reader knows how much was not shown and why.
"""
from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import baseline as B
from . import gitscope
from .commit import place
from .models import Finding, Severity
from .paged import heads
from .summary import LedgerTally, Summary, Unreadable


class ScopeError(ValueError):
    """A git revision or baseline file that cannot be used (one-line message)."""


@dataclass
class Scoped:
    findings: Sequence[Finding] = field(default_factory=list)  # a Paged sequence (check --store) stays one
    hidden_by_changed_since: int = 0
    hidden_by_staged: int = 0
    hidden_by_baseline: int = 0
    baseline_written: int | None = None  # findings recorded by --write-baseline


def narrow(findings: Sequence[Finding], changed_since: str | None, baseline: Path | None,
           write_baseline: Path | None, cwd: Path, staged: set[str] | None = None,
           changed: set[str] | None = None) -> Scoped:
    """Apply --changed-since or --staged (`staged`: commit.place() of the articles to report on),
    then write the baseline, then filter by --baseline. `changed`: the files changed since
    `changed_since`, when the caller has asked git already. Nothing to narrow keeps `findings` as given:
    a Paged sequence is not read until it is reported."""
    out = Scoped(findings)
    if staged is not None:
        kept = [f for f in out.findings if any(place(cwd / c.file) in staged for c in f.claims)]
        out.hidden_by_staged = _live(out.findings) - _live(kept)
        out.findings = kept
    try:
        if changed_since:
            changed = gitscope.changed_files(changed_since, cwd) if changed is None else changed
            # a finding may cite thousands of claims from a few hundred files: resolve each file once
            inside: dict[str, bool] = {}
            kept = [f for f in out.findings if any(
                inside[c.file] if c.file in inside else inside.setdefault(c.file, str(Path(c.file).resolve()) in changed)
                for c in f.claims)]
            out.hidden_by_changed_since = _live(out.findings) - _live(kept)
            out.findings = kept
        if write_baseline:
            live = [f for f in heads(out.findings) if not f.suppressed]  # a fingerprint, rule and message each
            B.write(write_baseline, live)
            out.baseline_written = len(live)
        if baseline:
            kept = B.filter_new(out.findings, B.load(baseline))
            out.hidden_by_baseline = _live(out.findings) - _live(kept)
            out.findings = kept
    except (gitscope.GitScopeError, B.BaselineError) as e:
        raise ScopeError(str(e)) from None
    except OSError as e:
        raise ScopeError(f"{e.filename or write_baseline}: {e.strerror or e}") from None
    return out


def _live(findings: Sequence[Finding]) -> int:
    return sum(1 for f in heads(findings) if not f.suppressed)


def summarize(scoped: Scoped, articles: int, claims: int, suppressed: int,
              unreadable: Sequence[Unreadable], ledger: LedgerTally | None = None) -> Summary:
    live = [f for f in heads(scoped.findings) if not f.suppressed]
    counts = {s: sum(1 for f in live if f.severity == s) for s in Severity}
    return Summary(articles=articles, claims=claims, findings=len(live), error=counts[Severity.error],
                   warning=counts[Severity.warning], info=counts[Severity.info], suppressed=suppressed,
                   hidden_by_baseline=scoped.hidden_by_baseline,
                   hidden_by_changed_since=scoped.hidden_by_changed_since,
                   hidden_by_staged=scoped.hidden_by_staged,
                   unreadable=tuple(sorted(unreadable, key=lambda u: u.file)), ledger=ledger)
