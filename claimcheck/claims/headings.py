"""The labels a figure sits under: the heading above its line, the companies a heading or table header names,
and the table cell that holds it."""
from __future__ import annotations

from ..numbers.parse import Mention
from .article_context import Ctx


def table_context(ctx: Ctx, line: int, m: Mention):
    return ctx.lay.cell_at(line, m.start)


def names_in(ctx: Ctx, label: str) -> list[str]:
    """The companies a heading, table row or column header names, in order: read once per label, since every
    figure under a heading or along a row asks. The list is shared; callers only read it."""
    key = ("names", label)
    got = ctx.memo.get(key)
    if got is None:
        got = ctx.memo[key] = [n for x in ctx.lex.entity_rx.finditer(label) if (n := ctx.lex.alias_to.get(x.group()))]
    return got


def heading_text(ctx: Ctx, line: int) -> str:
    h = ctx.lay.headings.get(line, -1)
    return ctx.lay.line_text(h) if h is not None and h >= 0 else ""
