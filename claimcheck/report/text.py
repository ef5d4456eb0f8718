"""The terminal report: findings grouped with their sources and quotes, then a summary line."""
from __future__ import annotations

import io
from bisect import bisect_left, bisect_right
from collections.abc import Iterator, Sequence
from itertools import accumulate

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from ..models import Claim, Finding, Severity
from ..summary import Summary
from ..figures import filed_line, plural
from . import evidence

STYLE = {Severity.error: "bold red", Severity.warning: "bold yellow", Severity.info: "bold blue"}
QUOTE_CELLS = 110  # a quote is context, not the finding: a window around its figures, at most this wide
NO_WRAP = 10**6  # a console this wide never breaks a line: a pipe or a file gets one line per line


def _quote(q: str, figures: Sequence[str], cells: int) -> Text:
    """The quote cut to about `cells` terminal cells around its first figure, every figure marked."""
    q = q.strip()
    spots = [(i, f) for f in figures if (i := q.find(f)) >= 0]
    first = min((i for i, _ in spots), default=0)
    edge = list(accumulate((cell_len(ch) for ch in q), initial=0))  # edge[i]: cells before q[i]
    # start at most a third of the room before the first figure, so it stays in view
    start = bisect_left(edge, edge[first] - cells // 3) if edge[first] > cells // 3 else 0
    start = min(start, bisect_left(edge, edge[-1] - cells))  # near the end: use the room on the left
    end = bisect_right(edge, edge[start] + cells) - 1
    head, tail = ("…" if start else ""), ("…" if end < len(q) else "")
    t = Text(head + q[start:end] + tail)
    for i, f in spots:
        a, b = max(i, start), min(i + len(f), end)
        if a < b:
            t.stylize("bold reverse", a - start + len(head), b - start + len(head))
    return t


def evidence_line(c: Claim) -> list[str]:
    """Why the figure got its key: each decided field and the words that decided it, e.g.
    "period 2025Q1: '1분기' in the sentence", "entity SK hynix: carried from line 12"."""
    return [_said(s) for s in evidence.fields(c)]


def _said(s: evidence.Said) -> str:
    if not s.value:  # a period not stated
        return f"{s.field}: {s.where}"
    words = f" '{s.words}'" if s.words else ""
    return f"{s.field} {s.value}:{words} {s.where}"


def render(findings: Sequence[Finding], summary: Summary, color: bool = False, width: int | None = None,
           quiet: bool = False) -> str:
    return "".join(stream(findings, summary, color, width, quiet=quiet))


def stream(findings: Sequence[Finding], summary: Summary, color: bool = False, width: int | None = None,
           piece: int = 1 << 16, quiet: bool = False) -> Iterator[str]:
    """The report in pieces of about `piece` characters; joined, exactly what render() gives.

    `width` is the terminal's: lines wrap there. None (a pipe, a file) wraps nothing.
    """
    buf = io.StringIO()
    con = Console(file=buf, force_terminal=color, no_color=not color, width=width or NO_WRAP,
                  soft_wrap=width is None, highlight=False)
    for f in findings:
        if f.suppressed:
            continue
        head = Text()
        head.append(f"{f.severity.value}", STYLE[f.severity])
        head.append(f" [{f.rule}] ", "dim")
        head.append(f.message)
        con.print(head)
        shown: set[tuple[str, str]] = set()
        # figures of one sentence share its quote: shown once, each figure marked
        places: dict[tuple[str, int, str], list[Claim]] = {}
        for c in f.claims:
            places.setdefault((c.file, c.line, c.quote), []).append(c)
        for (file, line, quote), same in places.items():
            same.sort(key=lambda c: c.column)
            where = f"  {file}:{line}:{','.join(dict.fromkeys(str(c.column) for c in same))}  "
            room = QUOTE_CELLS if width is None else max(20, min(QUOTE_CELLS, width - cell_len(where) - 2))
            con.print(Text(where, "cyan") + _quote(quote, [c.text for c in same], room))
            for c in same:
                why = "; ".join(evidence_line(c))
                if why and (c.file, why) not in shown:  # figures read alike from one article share their reasons
                    shown.add((c.file, why))
                    con.print(Text(f"      {why}", "dim"))
        for filed in f.filed:  # the filed figure the claims were checked against, and what it was computed from
            con.print(Text("  filed: ", "green") + Text(filed_line(filed)))
        if f.why:
            con.print(Text(f"  comparable: {f.why}", "dim"))
        con.print()
        if buf.tell() >= piece:  # the console writes each print straight to buf, so it can be emptied
            yield buf.getvalue()
            buf.seek(0)
            buf.truncate()
    if not quiet:
        con.print(Text(summary_line(summary), "bold"))
    yield buf.getvalue()


def summary_line(summary: Summary) -> str:
    """"3 articles, 40 claims, 1 error, 2 warnings, 0 info", and what was hidden or not read, or a
    filtered run would read as all clear."""
    parts = [plural(summary.articles, "article"), plural(summary.claims, "claim"), plural(summary.error, "error"),
             plural(summary.warning, "warning"), f"{summary.info} info"]
    for n, why in ((summary.suppressed, "suppressed"), (summary.hidden_by_baseline, "hidden by the baseline"),
                   (summary.hidden_by_changed_since, "hidden by --changed-since"),
                   (summary.hidden_by_staged, "hidden by --staged"), (len(summary.unreadable), "unreadable")):
        if n:
            parts.append(f"{n} {why}")
    line = ", ".join(parts)
    if summary.ledger is not None:
        t = summary.ledger
        line += f"; against filings: {t.matched} matched, {t.differing} differing, {t.unverifiable} unverifiable"
    return line
