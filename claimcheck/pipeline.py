"""Read every article and extract its claims; one unreadable file never stops the rest."""
from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from .claims import lexicon as L
from .claims.build import extract
from .models import Article, Claim
from .read import DEFAULT_INCLUDE, ReadError, Source, discover, read_article


@dataclass
class Corpus:
    articles: list[Article] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # one line per unreadable file or warning


def sources(paths: Iterable[str], include: Iterable[str] = DEFAULT_INCLUDE, exclude: Iterable[str] = ()) -> list[Source]:
    return list(discover(paths, include, exclude))


def extract_one(src: Source, lex: L.Lexicon) -> tuple[Article | None, list[Claim], list[str]]:
    try:
        art = read_article(src)
    except ReadError as e:
        return None, [], [f"{src.shown}: unreadable: {e}"]
    notes = [f"{src.shown}: {w}" for w in art.warnings]
    return art, extract(art, lex), notes


def run(srcs: list[Source], lex: L.Lexicon | None = None) -> Corpus:
    lex = lex or L.default()
    out = Corpus()
    for src in srcs:
        art, claims, notes = extract_one(src, lex)
        out.problems.extend(notes)
        if art is not None:
            out.articles.append(art)
            out.claims.extend(claims)
    return out
