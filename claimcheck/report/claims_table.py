"""Claims as a rich terminal table: file:line, entity, metric, period, value and a quote snippet."""
from __future__ import annotations

import io
from collections.abc import Sequence

from rich.console import Console
from rich.table import Table

from ..models import Claim
from .values import show_value


def render(claims: Sequence[Claim], color: bool = False, width: int = 160, evidence: bool = False) -> str:
    table = Table(show_lines=False, header_style="bold")
    for col in ("where", "entity", "metric", "period", "value", "quote") + (("evidence",) if evidence else ()):
        table.add_column(col, overflow="fold", no_wrap=col == "where")
    for c in claims:
        row = [f"{c.file}:{c.line}", c.entity or "-", c.metric + (f" [{c.segment}]" if c.segment else ""),
               (c.period or "-") + (" (E)" if c.estimate else ""), show_value(c), _snippet(c)]
        if evidence:
            row.append("; ".join(f"{f}: {s}" + (f" '{t}'" if t else "") for f, s, _, t in c.evidence if s != "none"))
        table.add_row(*row)
    buf = io.StringIO()
    Console(file=buf, force_terminal=color, no_color=not color, width=width).print(table)
    buf.write(f"{len(claims)} claims\n")
    return buf.getvalue()


def _snippet(c: Claim, width: int = 48) -> str:
    q = c.quote
    i = q.find(c.text)
    if i < 0 or len(q) <= width:
        return q[:width]
    a = max(0, i - width // 2)
    return ("…" if a else "") + q[a:a + width] + ("…" if a + width < len(q) else "")
