"""How a claim's value reads to a journalist: $120B, 34.3%, +5.0pp, 79.1조 KRW."""
from __future__ import annotations

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
