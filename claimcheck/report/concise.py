"""One line per finding (`file:line:col: RULE message`, as ruff and compilers print)."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from ..models import Finding
from ..summary import Summary
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

