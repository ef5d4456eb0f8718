"""`check --statistics`: how many findings each rule raised, most first, the shape of an archive
before its details. As ruff prints them: a table for text and concise, a JSON list for json."""
from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import asdict, dataclass

from ..models import Finding
from ..paged import heads
from ..rule_spec import RuleSpec
from ..summary import Summary
from .text import summary_line


@dataclass(frozen=True)
class Count:
    code: str  # the rule id
    name: str  # the rule's one-line title
    severity: str  # the rule's own, before evidence lowers a finding's
    count: int
    fixable: bool  # some of them carry a certain fix (check --fix)


def counts(findings: Sequence[Finding], rules: Sequence[RuleSpec]) -> list[Count]:
    """Live findings (not suppressed) counted per rule, most first, then by id."""
    spec = {r.id: r for r in rules}
    seen: dict[str, list[Finding]] = {}
    for f in heads(findings):  # what they say is counted, not what they cite
        if not f.suppressed:
            seen.setdefault(f.rule, []).append(f)
    rows = [Count(rid, spec[rid].message if rid in spec else "", (spec[rid] if rid in spec else fs[0]).severity.value,
                  len(fs), any(f.fix for f in fs)) for rid, fs in seen.items()]
    return sorted(rows, key=lambda c: (-c.count, c.code))


def table(findings: Sequence[Finding], summary: Summary, rules: Sequence[RuleSpec], quiet: bool = False) -> str:
    """`count  rule  severity  title` a line, then the summary line unless quiet."""
    rows = [(str(c.count), c.code, c.severity, c.name) for c in counts(findings, rules)]
    widths = [max((len(r[i]) for r in rows), default=0) for i in range(3)]
    out = "".join(f"{n:>{widths[0]}}  {rid:<{widths[1]}}  {sev:<{widths[2]}}  {msg}".rstrip() + "\n"
                  for n, rid, sev, msg in rows)
    return out + ("" if quiet else summary_line(summary) + "\n")


def json_list(findings: Sequence[Finding], rules: Sequence[RuleSpec]) -> str:
    """ruff's `--statistics --output-format json`: a list of {code, name, count, fixable}, and the severity."""
    return json.dumps([asdict(c) for c in counts(findings, rules)], indent=2, ensure_ascii=False) + "\n"
