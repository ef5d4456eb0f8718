"""A region's figures on the organic basis (and a list's items on the basis its lead-in names): "In Europe, organic sales fell 5%", "Organic sales grew 4.5%, with Europe
up 2.1%", "Europe organic revenue rose 3%, the Americas 5%", "The Americas division added 2% organically". The region
and the basis are both kept in the segment id ("europe_organic"): a region's organic growth is neither the company's
organic growth nor the region's reported growth."""
from __future__ import annotations

import regex

from .figure import Figure
from .list_intro import lead_line
from functools import lru_cache

from .regions import english_words, region_after, region_before, region_ending, region_id, region_lines

ORGANIC = "organic"
# "organically", "on an organic basis", "like-for-like" right after the figure
BASIS_AFTER = regex.compile(r"\s(?:(?P<organic>organic(?:ally)?\b|on\san?\sorganic\sbasis)"
                            r"|(?:on\sa\s)?like[\s-]for[\s-]like\b)", regex.IGNORECASE)
# a reported figure named between the organic cue and the figure is the region's reported one
REPORTED = regex.compile(r"\b(?:reported|as\sreported)\b|보고\s?기준", regex.IGNORECASE)


def organic_region(fig: Figure, seg: str | None, topics: list) -> str | None:
    """The segment with the region it is measured in, when the figure is a region's organic one."""
    if fig.cell or seg is None:
        return seg
    scan, lex, m, sent = fig.scan, fig.ctx.lex, fig.m, fig.sent
    if seg == ORGANIC and m.kind != "percent" and (held := _bracket_region(fig)):
        return held  # "-0.7% in Europe (sales of EUR 880m)": the region's own sales, on no basis
    if seg == ORGANIC:
        # "growth was 1.8% in Europe, 6.4% in Latin America", "Latin America organic growth of 4.1%"
        region = region_after(scan, m.end, fig.clause[1], lex) or region_before(scan, fig.clause[0], m.start, lex) \
            or _region_of_basis(scan, fig.clause[0], m.start, lex)
        if region is None and (named := region_lines(scan, sent.start, m.start, lex)):
            region = named[-1][2]
        return f"{region}_{ORGANIC}" if region else seg
    if seg not in lex.bases and seg.rsplit("_", 1)[-1] not in lex.bases and (said := _basis_said(fig, topics)):
        return f"{seg}_{said}"  # (and a line's: "Oral Care organic sales grew 4.2%", "+2.4% in the Americas")
    if m.kind == "percent" and seg not in lex.bases and not seg.endswith(BASES) and (basis := _lead_basis(fig)):
        return f"{seg}_{basis}"  # "Kering's comparable revenue change by house in the third quarter:" over "* Gucci: -11.4%"
    return seg


def _bracket_region(fig: Figure) -> str | None:
    """The region named right before the bracket the amount stands in, a few words into it."""
    scan, m, sent = fig.scan, fig.m, fig.sent
    opened = scan.rfind("(", sent.start, m.start)
    if opened < 0 or m.start - opened > 16 or ")" in scan[opened:m.start]:
        return None
    return region_ending(scan, max(sent.start, opened - 50), opened, fig.ctx.lex)


BASES = (ORGANIC, "comparable")
# a list's lead-in that puts every item on one basis
LEAD_BASIS = regex.compile(r"\b(?:(?P<organic>organic(?:ally)?)|(?P<comparable>comparable|like-for-like|same-store))\b|(?P<organic>유기적)",
                           regex.IGNORECASE)


def _lead_basis(fig: Figure) -> str | None:
    """The basis a bullet's lead-in line names for the whole list, if any."""
    lead = lead_line(fig.ctx.lay.line_text, fig.line)
    got = LEAD_BASIS.search(fig.ctx.lay.line_text(lead)) if lead is not None else None
    return None if got is None else ORGANIC if got["organic"] else "comparable"


def _basis_said(fig: Figure, topics: list) -> str | None:
    """The basis (organic, like-for-like) the figure is put on: by a word right after it ("up 1.8% like-for-like"), or
    by a basis cue earlier in its sentence with no reported figure named between ("like-for-like growth was -1.8% in
    Northern Europe, … +2.4% in the Americas")."""
    scan, m = fig.scan, fig.m
    if (after := BASIS_AFTER.match(scan, m.end, min(fig.sent.end, m.end + 24))) is not None:
        return ORGANIC if after["organic"] else "comparable"
    cue = max(((t[1], t[2]) for t in topics if t[2] in BASES and fig.sent.start <= t[0] < m.start), default=None)
    if cue is None and m.kind == "percent" and (said := _said_after_earlier(fig)) is not None:
        cue = said  # "rose 3.2% like-for-like in North America …, fell 3.1% in Europe": the list's basis, said once
    return cue[1] if cue is not None and not REPORTED.search(scan, cue[0], m.start) else None


# a basis said right after an earlier figure of the sentence
EARLIER_BASIS = regex.compile(r"\d\s?%\s(?:(?P<organic>organic(?:ally)?)|like[\s-]for[\s-]like)\b", regex.IGNORECASE)


def _said_after_earlier(fig: Figure) -> tuple[int, str] | None:
    """(end, basis) of the last basis said right after an earlier figure of the sentence, whose list the figure is in."""
    last = None
    for b in EARLIER_BASIS.finditer(fig.scan, fig.sent.start, fig.m.start):
        last = b
    return (last.end(), ORGANIC if last["organic"] else "comparable") if last else None


def kept_basis(old: str | None, new: str) -> str:
    """A list item's segment, keeping the organic basis the figure was read on ("유기적 매출 성장률은 유럽 2.1%, 북미
    3.0%": each region's organic growth)."""
    if old and (old == ORGANIC or old.endswith(f"_{ORGANIC}")) and not new.endswith(ORGANIC):
        return f"{new}_{ORGANIC}"
    return new


@lru_cache(maxsize=8)
def _next_to_basis(regions: tuple[str, ...]) -> regex.Pattern[str] | None:
    en = english_words(regions)
    return regex.compile(rf"(?<![\w.&-])(?P<seg>(?i:{en}))(?:['’]s)?\s(?:organic|like[\s-]for[\s-]like|comparable)\b",
                         regex.IGNORECASE) if en else None


def _region_of_basis(scan: str, lo: int, pos: int, lex) -> str | None:
    """The region named right before the basis word of the figure's clause ("Latin America organic growth of 4.1%")."""
    rx = _next_to_basis(lex.regions)
    got = None if rx is None else next(reversed(list(rx.finditer(scan, lo, pos))), None)
    return region_id(got["seg"], lex) if got else None
