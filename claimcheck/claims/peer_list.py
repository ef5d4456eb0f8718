"""A respectively-list whose names the sentence before gave: '조선업계 빅3의 영업이익은 각각 ▲HD현대중공업 212억원
▲삼성중공업 778억원 ▲한화오션 529억원이다. … 조선 빅3의 영업이익률 역시 각각 0.71%, 3.32%, 2.32%' gives the margins to
the three companies in the order the sentence before named them, not to the story's company under a line called '빅3'."""
from __future__ import annotations

import regex

from ..models import Claim
from .article_context import Ctx
from .respectively import EACH

# a group of companies named by its size ('빅3', '3사', 'top three', 'peers'): no business line of anyone's
GROUP_WORD = regex.compile(r"빅\s?\d|\d\s?사|\d\s?개\s?사|업계|경쟁사|동종사|peers?|rivals?|big\s?(?:three|four|\d)|top\s(?:three|four|\d)",
                        regex.IGNORECASE)


def named_before(ctx: Ctx, sent, made: list[Claim], starts: dict[int, int]) -> list[Claim]:
    """made with a '각각' list's figures, filed under a group label, given the companies the sentence before listed."""
    if sent.index == 0 or EACH.search(ctx.lay.scan, sent.start, sent.end) is None:
        return made
    grouped = [c for c in made if c.segment and GROUP_WORD.search(c.segment)]
    if len(grouped) < 2 or len({c.entity for c in grouped}) != 1:
        return made
    # (the sentence before, or the one before that: "… 이 3사 수치를 합친 것보다도 많다" may come between)
    for back in range(1, min(3, sent.index + 1)):
        before = ctx.lay.sentences[sent.index - back]
        names = [n for n in _distinct([e[2] for e in ctx.entities_in(before.start, before.end)]) if n != grouped[0].entity]
        if len(names) == len(grouped):
            break
    else:
        return made
    given = {id(c): n for c, n in zip(sorted(grouped, key=lambda c: starts[id(c)]), names)}
    line = before.line + 1
    return [_named(c, given[id(c)], line) if id(c) in given else c for c in made]


def _named(c: Claim, name: str, line: int) -> Claim:
    """c given the company a list before named, its evidence saying so, and no group label for a line."""
    kept = tuple(e for e in c.evidence if e[0] not in ("entity", "segment"))
    ev = (("entity", "carried", line, name), *kept, ("segment", "none", None, None))
    return c.model_copy(update={"entity": name, "segment": None, "evidence": ev})


def _distinct(xs: list[str]) -> list[str]:
    return [x for i, x in enumerate(xs) if x not in xs[:i]]
