"""Amounts no word names: a money figure with no metric cue is revenue by default, which is right for a line's
figure or a table row's and wrong for most others ("Prepaid $1.5 billion of bonds", "하루에 73억 원씩 이자가"). The
builder notes each such figure as it is typed (`note`); once a sentence's segments are settled, `kept` drops those
that no line, table, earning verb, conversion or company of their own clause accounts for."""
from __future__ import annotations

import regex

from ..models import Claim
from .article_context import Ctx
from .figure import Figure

# "데이터센터에서만 $411억을 벌었습니다", "brought in $2 billion": a verb of earning makes an unnamed amount takings
EARNED = regex.compile(r"벌어|벌었|벌고|벌며|\bbrought\sin\b|\bgenerated\b|\btook\sin\b", regex.IGNORECASE)
# "1조4,500억엔(약 19조원)", "₩2 trillion ($15 billion)": a conversion follows, whose rate is checked whatever it is of
CONVERTED_AFTER = regex.compile(r"\s?\(\s?(?:약|about|approximately|roughly|around|~|≈)?\s?"
                                r"(?:(?:US)?[$₩€£¥]\d|\d[\d,.조억만천\s]{0,16}(?:원|달러|엔|위안|유로))", regex.IGNORECASE)


def note(ctx: Ctx, fig: Figure, claim: Claim) -> None:
    """Remembers a claim whose revenue metric no word gave, unless its own clause accounts for it."""
    if not fig.cell and not EARNED.search(fig.scan, fig.clause[0], fig.clause[1]) \
            and not CONVERTED_AFTER.match(fig.scan, fig.m.end):
        ctx.memo.setdefault("unnamed", set()).add((claim.line, claim.column))


def kept(ctx: Ctx, made: list[Claim]) -> list[Claim]:
    """A sentence's claims less the noted ones that ended with no line ("부문별로는 철도 4084억원" keeps its line) and no
    company their own clause names ("자회사별로는 신한카드는 1734억원으로")."""
    unnamed = ctx.memo.get("unnamed")
    return [c for c in made if c.segment or (c.line, c.column) not in unnamed or _owned(c)] if unnamed else made


def _owned(c: Claim) -> bool:
    # "신한카드는 1734억원으로": a Korean topic and its amount state its takings; an English company's amount needs a
    # word for what it is ("Northwind Air prepaid $1.2 billion of bonds" is no revenue)
    return c.entity is not None and any(f == "entity" and s == "clause" for f, s, _, _ in c.evidence) \
        and HANGUL.search(c.quote) is not None


HANGUL = regex.compile(r"\p{Hangul}")
