"""A figure dated by the base its bracket compares it with: "Reported EBIT came to -€10.7m (against €513.2m in the
first nine months of 2024)" is of the first nine months of 2025, whatever period a headline or an earlier sentence
would lend it; the base names the span, a year back."""
from __future__ import annotations

import regex

from .. import calendar as CAL
from ..models import STATED, Claim

# "(against €513.2m in …", "(compared with a net profit of €257.1m in …", "(vs. €1.72 …": a bracket opening on a
# comparison word, a few words naming the base's metric allowed before its figure
BRACKET_COMPARED = regex.compile(r"[(\[]\s?(?:against|compared\s(?:with|to)|vs\.?|versus)\s(?:[^()\d.;]{0,32}?\s)?[-−]?[$€£¥₩]?$",
                                 regex.IGNORECASE)
YEAR_NAMED = regex.compile(r"(?:19|20)\d\d|\b[1-4]Q\d\d\b|\b(?:Q[1-4]|H[12]|9M|FY)\s?'?\d\d\b", regex.IGNORECASE)
FORECAST_WORDS = regex.compile(r"expect|forecast|estimate|consensus|guidance|outlook|project|전망|예상|추정|컨센서스|가이던스",
                               regex.IGNORECASE)


def dated_by_base(made: list[Claim], starts: list[int], scan: str, bases: set[tuple[int, int]]) -> list[Claim]:
    """made and starts are one sentence's claims and where their figures start, in order; each base that dates the
    figure before it joins `bases` (the positions of figures named only to compare), so no later sentence takes its
    period for the one in view."""
    out = list(made)
    for i in range(1, len(out)):
        base, c = out[i], out[i - 1]
        said = _base_phrase(base)
        if said is None or base.period is None or (c.metric, c.unit) != (base.metric, base.unit) or c.entity != base.entity \
                or any(f == "period" and s in STATED for f, s, _, _ in c.evidence) \
                or not BRACKET_COMPARED.search(scan, max(0, starts[i] - 48), starts[i]):
            continue
        period = CAL.shift_quarter(base.period, 4)
        if period is None:
            continue
        ev = tuple(("period", "clause", base_line, f"a year after '{said}'") if f == "period" else (f, s, ln, t)
                   for f, s, ln, t in c.evidence for base_line in [_line(base)])
        update: dict[str, object] = {"period": period, "cadence": base.cadence, "evidence": ev}
        if c.estimate and not c.consensus and not FORECAST_WORDS.search(scan, scan.rfind("\n", 0, starts[i - 1]) + 1, starts[i]):
            update["estimate"] = False  # the estimate came with the lent period: a result compared with last year's
        out[i - 1] = c.model_copy(update=update)
        bases.add((base.line, base.column))
    return out


def _base_phrase(base: Claim) -> str | None:
    """The words in the base's own clause that named its period with a year, or None."""
    return next((t for f, s, _, t in base.evidence if f == "period" and s == "clause" and t and YEAR_NAMED.search(t)), None)


def _line(c: Claim) -> int | None:
    return next((ln for f, _, ln, _ in c.evidence if f == "period"), c.line)


# the opening of a bracket that gives a comparison base: "(against", "(compared with a net profit of"
BRACKET_OPEN = regex.compile(r"[(\[]\s?(?:against|compared\s(?:with|to)|vs\.?|versus)\s", regex.IGNORECASE)


def outside_bases(scan: str, refs: list, start: int, end: int) -> list:
    """The period phrases that may date the figure at scan[start:end]: not one inside another figure's comparison
    bracket ("earnings per share were €2.09 (compared with €1.72)" after "(compared with … in the first nine months of
    2024)": the nine months of 2024 are the bracket's base, not the sentence's span)."""
    return [r for r in refs if not _in_bracket_apart(scan, r.start, r.end, start, end)]


def _in_bracket_apart(scan: str, a: int, b: int, start: int, end: int) -> bool:
    open_at = scan.rfind("(", max(0, a - 80), a)
    if open_at < 0 or not BRACKET_OPEN.match(scan, open_at) or ")" in scan[open_at:a]:
        return False
    close_at = scan.find(")", b, b + 40)
    return close_at >= 0 and not (open_at < start and end <= close_at)


def in_compared_bracket(scan: str, a: int, b: int) -> bool:
    """Whether scan[a:b] stands inside a bracket that gives a comparison base."""
    return _in_bracket_apart(scan, a, b, -1, -1)
