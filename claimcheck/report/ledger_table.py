"""A ledger as `claimcheck ledger show` prints it: one aligned row per filed version, or ledger@1 JSON Lines."""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from rich.cells import cell_len

from .. import labels
from ..figures import filed_source, number, plural
from ..filed import Filed, jsonl_lines

HEAD = ("entity", "segment", "metric", "period", "span", "value", "filed", "source", "")


def table(figures: Iterable[Filed]) -> str:
    rows = [_row(f) for f in figures]
    widths = [max([cell_len(h), *(cell_len(r[i]) for r in rows)]) for i, h in enumerate(HEAD)]
    lines = ["  ".join(_pad(v, w) for v, w in zip(r, widths)).rstrip() for r in [HEAD, *rows]]
    return "\n".join(lines) + f"\n\n{plural(len(rows), 'filed figure')}\n"


def jsonl(figures: Iterable[Filed]) -> Iterator[str]:
    return jsonl_lines(figures)


def _row(f: Filed) -> tuple[str, ...]:
    span = " ".join(x for x in (f.cadence or "-", f"through {f.through}" if f.through else "", f.basis or "") if x)
    marks = ", ".join(m for m, on in (("derived", f.derived), ("restated since", f.restated)) if on)
    source = filed_source(f.model_copy(update={"as_of": None}))  # the date has its own column
    return (f.entity, labels.segment(f.segment) if f.segment else "-", labels.metric(f.metric), f.period, span,
            number(f.value, f.unit), f.as_of.isoformat() if f.as_of else "-", source, marks)


def _pad(text: str, cells: int) -> str:
    return text + " " * (cells - cell_len(text))  # Hangul takes two cells: str.ljust would misalign
