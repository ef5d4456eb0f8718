"""The terminal report: findings grouped with their sources and quotes, then a summary line."""
from __future__ import annotations

import io
from collections.abc import Iterator, Sequence

from rich.console import Console
from rich.text import Text

from ..models import Claim, Finding, Severity, Summary

STYLE = {Severity.error: "bold red", Severity.warning: "bold yellow", Severity.info: "bold blue"}


def _quote(q: str, figure: str, width: int = 110) -> Text:
    i = q.find(figure)
    if i > width - 20:
        a = i - 40
        q, i = "…" + q[a:], 41
    if len(q) > width:
        q = q[:width] + "…"
    t = Text(q)
    if 0 <= i < len(q):
        t.stylize("bold reverse", i, min(len(q), i + len(figure)))
    return t


SAID = {"clause": "in the sentence", "table": "table line {line}", "caption": "table caption, line {line}",
        "heading": "heading, line {line}", "carried": "carried from line {line}", "default": "assumed"}


def evidence_line(c: Claim) -> list[str]:
    """Why the figure got its key: each decided field and the words that decided it, e.g.
    "period 2025Q1: '1분기' in the sentence", "entity SK hynix: carried from line 12"."""
    value = {"entity": c.entity, "metric": c.metric, "period": c.period, "segment": c.segment}
    out = []
    for field, source, line, text in c.evidence:
        if field not in value or (source == "none" and field != "period"):
            continue
        if source == "none":
            out.append("period: not stated, read as current")
            continue
        said = f" '{text}'" if text and text != value[field] else ""
        out.append(f"{field} {value[field]}:{said} {SAID[source].format(line=line)}")
    return out


def render(findings: Sequence[Finding], summary: Summary, color: bool = False, width: int = 120) -> str:
    return "".join(stream(findings, summary, color, width))


def stream(findings: Sequence[Finding], summary: Summary, color: bool = False, width: int = 120,
           piece: int = 1 << 16) -> Iterator[str]:
    """The report in pieces of about `piece` characters; joined, exactly what render() gives."""
    buf = io.StringIO()
    con = Console(file=buf, force_terminal=color, no_color=not color, width=width, highlight=False)
    for f in findings:
        if f.suppressed:
            continue
        head = Text()
        head.append(f"{f.severity.value}", STYLE[f.severity])
        head.append(f" [{f.rule}] ", "dim")
        head.append(f.message)
        con.print(head)
        shown: set[tuple[str, str]] = set()
        for c in f.claims:
            con.print(Text(f"  {c.file}:{c.line}:{c.column}  ", "cyan") + _quote(c.quote, c.text))
            why = "; ".join(evidence_line(c))
            if why and (c.file, why) not in shown:  # figures read alike from one article share their reasons
                shown.add((c.file, why))
                con.print(Text(f"      {why}", "dim"))
        if f.why:
            con.print(Text(f"  comparable: {f.why}", "dim"))
        con.print()
        if buf.tell() >= piece:  # the console writes each print straight to buf, so it can be emptied
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    parts = [f"{summary.articles} articles", f"{summary.claims} claims",
             f"{summary.error} errors", f"{summary.warning} warnings", f"{summary.info} info"]
    if summary.suppressed:
        parts.append(f"{summary.suppressed} suppressed")
    # what was hidden or not read is said, or a filtered run would read as all clear
    if summary.hidden_by_baseline:
        parts.append(f"{summary.hidden_by_baseline} hidden by the baseline")
    if summary.hidden_by_changed_since:
        parts.append(f"{summary.hidden_by_changed_since} hidden by --changed-since")
    if summary.hidden_by_staged:
        parts.append(f"{summary.hidden_by_staged} hidden by --staged")
    if summary.unreadable:
        parts.append(f"{len(summary.unreadable)} unreadable")
    con.print(Text(", ".join(parts), "bold"))
    yield buf.getvalue()
