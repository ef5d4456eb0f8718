"""One line per finding (`file:line:col: RULE message`, as ruff and compilers print), and counts per rule."""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence

from ..models import Finding, RuleSpec, Summary
from .text import summary_line

# a finding about a comment (unused-suppression) cites no claim: its place opens its message
PLACE = re.compile(r"(?P<file>.+?):(?P<line>\d+): (?P<rest>.*)", re.S)


def line(f: Finding) -> str:
    if f.claims:
        c = f.claims[0]
        return f"{c.file}:{c.line}:{c.column}: {f.rule} {f.message}"
    m = PLACE.match(f.message)
    if m:
        return f"{m['file']}:{m['line']}:1: {f.rule} {m['rest']}"
    return f"-:0:0: {f.rule} {f.message}"


def stream(findings: Iterable[Finding], summary: Summary, quiet: bool = False) -> Iterator[str]:
    for f in findings:
        if not f.suppressed:
            yield line(f).replace("\n", " ") + "\n"
    if not quiet:
        yield summary_line(summary) + "\n"


def statistics(findings: Iterable[Finding], summary: Summary, rules: Sequence[RuleSpec], quiet: bool = False) -> str:
    """How many findings each rule raised, most first: the shape of an archive before its details."""
    counts = Counter(f.rule for f in findings if not f.suppressed)
    spec = {r.id: r for r in rules}
    rows = [(str(n), rid, spec[rid].severity.value if rid in spec else "", spec[rid].message if rid in spec else "")
            for rid, n in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]
    widths = [max((len(r[i]) for r in rows), default=0) for i in range(3)]
    out = "".join(f"{n:>{widths[0]}}  {rid:<{widths[1]}}  {sev:<{widths[2]}}  {msg}".rstrip() + "\n"
                  for n, rid, sev, msg in rows)
    return out + ("" if quiet else summary_line(summary) + "\n")
