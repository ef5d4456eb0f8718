"""Whose a section is when its heading names a company the vocabulary does not match.

A post that takes several companies one section each ("## ■ 한샘 — 3분기 실적", "## ■ 다우(Dow) — 3분기 실적")
heads every section the same way, with only the company changed. A section whose heading has that shape but
names no known company is about another company: its figures are not the article's main subject's. Its name
is read from the heading's company slot, where a short name too ambiguous for running text ("Dow") is the
company of that name; an unknown one leaves the figures to nobody we track.
"""
from __future__ import annotations

import regex

from .article_context import Ctx

DIGITS = regex.compile(r"\d+")
# "다우(Dow)", "Dow (다우)": a name glossed in brackets is tried whole, then each half
GLOSSED = regex.compile(r"(?P<a>[^()（）]+?)\s*[(（](?P<b>[^()（）]+)[)）]")
MAX_SLOT = 30


class Section:
    """A section heading's company: `known` (matched in the vocabulary), or an unknown company's section."""

    __slots__ = ("name", "unknown")

    def __init__(self, name: str | None, unknown: bool):
        self.name, self.unknown = name, unknown


NOT_A_COMPANY = Section(None, False)


def section_company(ctx: Ctx, head: int) -> Section:
    """The company of the section headed by line `head`, whose heading names no company the vocabulary matches:
    NOT_A_COMPANY unless the heading has the shape of sibling headings that each name a company."""
    key = ("section company", head)
    if (got := ctx.memo.get(key)) is None:
        got = ctx.memo[key] = _read(ctx, head)
    return got


def _templates(ctx: Ctx) -> list[tuple[str, str]]:
    """(before, after) around the company in every heading that names one, when the headings name two or more
    different companies; digits are folded, so '1. 한샘' and '4. 다우' share a shape."""
    if "section templates" in ctx.memo:
        return ctx.memo["section templates"]
    shapes: list[tuple[str, str]] = []
    named: set[str] = set()
    for h in sorted({h for h in ctx.lay.headings.values() if h is not None and h >= 0}):
        text = ctx.lay.line_text(h)
        x = next((x for x in ctx.lex.entity_rx.finditer(text) if ctx.lex.alias_to.get(x.group())), None)
        if x is None:
            continue
        named.add(ctx.lex.alias_to[x.group()])
        shapes.append((_fold(text[:x.start()]), _fold(text[x.end():])))
    ctx.memo["section templates"] = got = shapes if len(named) > 1 else []
    return got


def _fold(text: str) -> str:
    return DIGITS.sub("0", " ".join(text.split()))


def _read(ctx: Ctx, head: int) -> Section:
    text = _fold(ctx.lay.line_text(head))
    for before, after in _templates(ctx):
        if not (text.startswith(before) and text.endswith(after)) or len(text) <= len(before) + len(after):
            continue
        slot = text[len(before):len(text) - len(after)].strip(" -—–:·|")
        if slot and len(slot) <= MAX_SLOT and not any(c.isdigit() for c in slot):
            return Section(_known(ctx, slot), True)
    return NOT_A_COMPANY


def _known(ctx: Ctx, slot: str) -> str | None:
    """The company a heading's slot names by an exact name or alias, tried whole and by its bracketed halves."""
    tries = [slot]
    if m := GLOSSED.fullmatch(slot):
        tries += [m.group("a").strip(), m.group("b").strip()]
    for t in tries:
        if t in ctx.lex.entities:
            return t
        if name := ctx.lex.alias_to.get(t):
            return name
    return None
