"""Claims as an aligned table under each file's name: line, entity, metric, segment, period, value, quote.

The file name heads its rows instead of filling a column, so a long path is never cut or folded,
and each row stays one line: the quote is cut to the terminal's width, or to a fixed window when
the table goes to a pipe or a file (which wrap nothing); a terminal too narrow cuts a row at its edge.
"""
from __future__ import annotations

import io
from collections.abc import Sequence
from itertools import groupby
from typing import Any

from rich.cells import cell_len
from rich.console import Console
from rich.text import Text

from .. import labels
from ..models import Claim
from ..figures import plural, show_value

HEAD = ("line", "entity", "metric", "segment", "period", "value")
QUOTE = 48  # cells of quote shown when no terminal width says otherwise


def render(claims: Sequence[Claim], color: bool = False, width: int | None = None, evidence: bool = False) -> str:
    rows = [_row(c) for c in claims]
    widths = [max([cell_len(h), *(cell_len(r[i]) for r in rows)]) for i, h in enumerate(HEAD)]
    used = sum(widths) + 2 * len(widths) + 2
    room = QUOTE if width is None or evidence else max(16, width - used)
    buf = io.StringIO()
    con = Console(file=buf, force_terminal=color, no_color=not color, width=width or 10**6,
                  soft_wrap=width is None, highlight=False)
    header = "  " + "  ".join(_pad(h, w) for h, w in zip(HEAD, widths)) + "  quote" + ("  evidence" if evidence else "")
    # on a terminal a row too wide is cut at its edge, never wrapped under the next; a file name is never cut
    fit: dict[str, Any] = {"no_wrap": True, "overflow": "ellipsis", "crop": True} if width else {}
    for file, same in groupby(zip(claims, rows), key=lambda cr: cr[0].file):
        con.print(Text(file, "bold"), soft_wrap=True)
        con.print(Text(header.rstrip(), "dim"), **fit)
        for c, row in same:
            cells = [row[0].rjust(widths[0])] + [_pad(v, w) for v, w in zip(row[1:], widths[1:])]
            line = "  " + "  ".join(cells) + "  " + _snippet(c, room)
            if evidence:
                line += "  " + "; ".join(f"{f}: {s}" + (f" '{t}'" if t else "") for f, s, _, t in c.evidence if s != "none")
            con.print(Text(line.rstrip()), **fit)
        con.print()
    con.print(Text(plural(len(claims), "claim")))
    return buf.getvalue()


def _row(c: Claim) -> tuple[str, ...]:
    return (str(c.line), c.entity or "-", labels.metric(c.metric), labels.of_claim(c) if c.segment else "-",
            (c.period or "-") + (" (E)" if c.estimate else ""), show_value(c))


def _pad(text: str, cells: int) -> str:
    return text + " " * (cells - cell_len(text))  # Hangul takes two cells: str.ljust would misalign


def _snippet(c: Claim, cells: int) -> str:
    """About `cells` terminal cells of the quote, around the figure."""
    q = " ".join(c.quote.split())
    i = max(q.find(c.text), 0)
    a = i
    while a > 0 and cell_len(q[a - 1:i]) <= cells // 3:
        a -= 1
    b = a
    while b < len(q) and cell_len(q[a:b + 1]) <= cells:
        b += 1
    return ("…" if a else "") + q[a:b] + ("…" if b < len(q) else "")
