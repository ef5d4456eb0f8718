"""Bases measured within one market or line: comparable and system-wide sales are the scope's the sentence gives them
("US same-store sales", "KFC 동일점포 매출은", "- Europe: … comparable sales rising 7%"), never the company's."""
from __future__ import annotations

import regex

from . import assign as A
from .. import vocab as L
from .business_lines import segment_id, subject_lines
from .figure import Figure
from .regions import region_after, region_lines
from .segment_titles import bullet_head, label_line


# "US same-store sales grew 2.4%", "Comparable sales advanced 4.3% in the international operated markets": a base
# measured in one market is that market's, never the company's
SCOPED_BASES = ("comparable", "systemwide")
# and "The Taco Bell division's same-store sales", "KFC 동일점포 매출은 7%"
SCOPE_BEFORE = regex.compile(r"(?<![\w&-])(?P<s>(?:U\.S\.|international|domestic|(?!The\b)[A-Z][\w&-]*)(?:\s[A-Z][\w&-]*){0,2})(?:\s(?:division|segment|unit|brand)['’]s|['’]s)?"
                             r"\s(?:same-store|comparable(?:-store)?|comp|like[\s-]for[\s-]like|LFL|system(?:-wide)?|동일\s?점포|동일\s?매장|기존\s?점)\s")
KO_TOPIC_BEFORE = regex.compile(r"(?<![\p{L}])(?P<s>[\p{Hangul}A-Za-z][\p{Hangul}A-Za-z&]{1,12}?)(?:은|는)\s$")
# "The KFC division's system sales grew 9%, on same-store sales growth of 3%": a division the sentence opens on scopes
# every base measured in it
DIVISION_OF = regex.compile(r"\b(?:[Tt]he\s)?(?P<s>[A-Z][\w&-]*(?:\s[A-Z][\w&-]*){0,2})\s(?:division|segment|unit|brand)['’]s\s")
SCOPE_IN = regex.compile(r"(?:^|,\s|\b[Ii]n\s)(?:the\s)?(?P<s>[a-zA-Z][\w -]{2,50}?)\smarkets?\b")


def scoped(fig: Figure, seg: str) -> str:
    """A base measured in one market or line ('comparable', 'systemwide') as that scope's: 'europe_comparable'."""
    scan, sent = fig.scan, fig.sent
    # "KFC 동일점포 매출은 7%, 타코벨은 3% 늘었다": a name the figure's own clause opens on scopes it, before one further back
    own = KO_TOPIC_BEFORE.search(scan, max(fig.clause[0], fig.m.start - 16), fig.m.start)
    if own and not A.label_cues(fig.ctx.lex, own["s"]) and own["s"] not in fig.ctx.lex.alias_to:
        return f"{_line_id(fig, own['s'])}_{seg}"
    got = SCOPE_BEFORE.search(scan, max(sent.start, fig.m.start - 60), fig.m.start)
    if got is None or got["s"].lower() in ("the", "its", "global", "total", "overall", "consolidated", "company-wide", "companywide"):
        got = DIVISION_OF.search(scan, sent.start, fig.m.start) or SCOPE_IN.search(scan, sent.start, min(sent.end, fig.m.end + 60))
    if got is None and (after := region_after(scan, fig.m.end, fig.clause[1], fig.ctx.lex)):
        return f"{after}_{seg}"  # "comparable sales rose 2.0%: +1.7% in Domestic and +5.1% in International"
    if got is None or L.key(got["s"]) in fig.ctx.lex.alias_key:
        # "Americas Retail revenues declined 2% and comparable sales decreased 3%", "- Europe: … comparable sales rising
        # 7%": the region the sentence opened on, or the bullet's label, scopes the comparable sales after it
        lex = fig.ctx.lex
        named = fig.ctx.per_sentence("lines", fig.whole, lambda s: subject_lines(scan, s.start, s.end, lex))
        before = [x[2] for x in named + region_lines(scan, sent.start, fig.m.start, lex) if x[1] <= fig.m.start]
        line = before[-1] if before else (label_line(fig) if fig.label_text else None) or bullet_head(fig)
        # ("Dollar General's same-store sales": the company's own, measured company-wide)
        return f"{line}_{seg}" if line and line not in SCOPED_BASES else seg
    return f"{_line_id(fig, got['s'])}_{seg}"


def _line_id(fig: Figure, name: str) -> str:
    """A scope's id: the line the vocabulary knows by that name in either language ("타코벨", "Taco Bell"), else the name's."""
    return fig.ctx.lex.topic_of.get(L.key(name)) or segment_id(name)
