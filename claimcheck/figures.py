"""How a claim's value reads to a journalist: $120B, 34.3%, +5.0pp, 79.1조 KRW."""
from __future__ import annotations

from collections.abc import Sequence

from . import labels
from .filed import Filed
from .models import Claim

BOUND_WORD = {"eq": "", "approx": "~", "ge": "≥", "gt": ">", "le": "≤", "lt": "<"}
SYMBOL = {"USD": "$", "EUR": "€", "GBP": "£", "JPY": "¥", "KRW": "₩", "CNY": "CN¥"}


def number(v: float, unit: str) -> str:
    if unit in ("%", "pp"):
        s = f"{v:.2f}".rstrip("0").rstrip(".")
        return s + ("%" if unit == "%" else "pp")
    a = abs(v)
    for scale, tag in ((1e12, "T"), (1e9, "B"), (1e6, "M")):
        if a >= scale:
            s = f"{v / scale:.3f}".rstrip("0").rstrip(".") + tag
            break
    else:
        s = f"{v:,.2f}".rstrip("0").rstrip(".")
    if unit == "count":
        return s
    sym = SYMBOL.get(unit)
    if sym and s.startswith("-"):
        return f"-{sym}{s[1:]}"  # a loss reads -₩17.7B, as it is printed, not ₩-17.7B
    return f"{sym}{s}" if sym else f"{s} {unit}"


def plural(n: float, word: str, many: str | None = None) -> str:
    """"1 error", "2 errors", "1.5 points": the count and its noun, agreeing."""
    shown = f"{n:,}" if isinstance(n, int) else f"{n:.3g}"
    return f"{shown} {word if shown == '1' else many or word + 's'}"


def show_value(c: Claim) -> str:
    if c.low is not None and c.high is not None:
        body = f"{number(c.low, c.unit)}–{number(c.high, c.unit)}"
    else:
        body = number(c.value, c.unit)
    return BOUND_WORD[c.bound] + body


def filed_source(f: Filed) -> str:
    """Where a figure was filed, for a reader: 'Amazon 10-K 2024, segment information, filed 2025-02-07', or for
    a figure read from the SEC or DART, 'SEC 10-K 0001018724-25-000004, OperatingIncomeLoss, filed 2025-02-07'."""
    s = f.source
    if s.kind in ("sec", "dart"):  # a bare accession or receipt number says little without the form
        head = " ".join(x for x in (s.kind.upper(), s.form, s.document) if x)
    else:
        head = s.document or s.kind
        if s.form and s.form not in head:
            head += f" ({s.form})"
    return ", ".join(x for x in (head, s.concept, f"filed {f.as_of.isoformat()}" if f.as_of else None) if x)


def filed_text(f: Filed, inputs: Sequence[Filed] = ()) -> str:
    """A filed figure and where it comes from: '37.04% (computed from AWS operating income 2024 $39.834B and
    revenue 2024 $107.556B; Amazon 10-K 2024, segment information, filed 2025-02-07)'."""
    if not inputs:
        return f"{number(f.value, f.unit)} ({filed_source(f)})"
    parts = [" ".join(x for x in (i.entity if i.entity != f.entity else "", i.segment or "", labels.metric(i.metric),
                                  i.period, number(i.value, i.unit)) if x) for i in inputs]
    sources = "; ".join(dict.fromkeys(filed_source(i) for i in inputs))
    return f"{number(f.value, f.unit)} (computed from {' and '.join(parts)}; {sources})"


def filed_line(f: Filed) -> str:
    """One filed figure as a report lists it: 'AWS operating income 2024: $39.834B (Amazon 10-K 2024, ...)'."""
    seg = f" {labels.segment(f.segment)}" if f.segment else ""
    when = f.period + (f" through {f.through}" if f.through else "") + (f" {f.basis}" if f.basis else "")
    marks = [m for m, on in (("derived", f.derived), ("restated since", f.restated)) if on]
    return (f"{f.entity}{seg} {labels.metric(f.metric)} {when}: {number(f.value, f.unit)} ({filed_source(f)})"
            + (f" [{', '.join(marks)}]" if marks else ""))
