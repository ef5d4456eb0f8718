"""Lines an article's own table names by its rows, named again in the prose: "| Jewellery Maisons operating margin |
32.9% | 32.4% |" and later "Richemont's H1 FY26 Jewellery Maisons operating margin of 32.9%". The table says the
words name a business line; the prose figure after them is that line's, not the whole company's."""
from __future__ import annotations

import regex

from .figure import Figure
from .tables import row_segment

# a line's id is its name in lower case joined by '_': read back, any space or hyphen may stand between its words
SHORTEST = 4  # ids shorter than this ("ai", "us") are too often a word of something else


def table_line(fig: Figure) -> str | None:
    """The line a row of the article's tables names, written in the figure's clause before it, if any."""
    rx = _names(fig)
    if rx is None:
        return None
    got = max(rx.finditer(fig.scan, fig.clause[0], fig.m.start), key=lambda x: x.start(), default=None)
    return got.lastgroup.removeprefix("l_").replace("__", "_") if got is not None and got.lastgroup else None


def _names(fig: Figure) -> regex.Pattern[str] | None:
    """One pattern of the article's table lines, made once per article."""
    memo = fig.ctx.memo
    if "table lines" not in memo:
        memo["table lines"] = _compile(fig)
    return memo["table lines"]


def _compile(fig: Figure) -> regex.Pattern[str] | None:
    lex, lay = fig.ctx.lex, fig.ctx.lay
    ids = {seg for cells in lay.cells.values() if cells for seg in [row_segment(lex, cells[0].row_label)]
           if seg and len(seg) >= SHORTEST and seg.lower() not in lex.not_segments and seg not in lex.bases}
    if not ids:
        return None
    parts = [rf"(?P<l_{_group(s)}>{_words(s)})" for s in sorted(ids, key=len, reverse=True) if _group(s).isidentifier()]
    return regex.compile(r"(?<![\p{L}\p{N}])(?:" + "|".join(parts) + r")(?![\p{L}\p{N}])", regex.IGNORECASE) if parts else None


def _words(seg: str) -> str:
    return r"[\s-]".join(regex.escape(w) for w in seg.split("_"))


def _group(seg: str) -> str:
    """A group name for an id (its '_' doubled, so that the id comes back whole)."""
    return seg.replace("_", "__")
