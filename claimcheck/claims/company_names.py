"""Company names as an article spells them: a name matched with other spacing, a unit called by its last word,
and the words around a name that make it another company, a subsidiary, a data source or part of a longer name."""
from __future__ import annotations

import regex

from .. import vocab as L


def fold(lex: L.Lexicon, s: str) -> str | None:
    """A name matched with other spacing than its alias ("아마존웹서비스" for "아마존 웹 서비스")."""
    return lex.alias_key.get(L.key(s))


# "Google Cloud revenue jumped 34% ... Cloud's $15.16 million in sales": a named unit, later called by its last word
SHORT_FORM = regex.compile(r"(?<!\p{L}\s)(?<!\p{L})(?P<w>\p{Lu}[\p{Ll}]{3,})(?=['’]s\s|\s(?:revenue|sales|unit|business)\b)")


def short_forms(scan: str, ents: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The names found, with a two-word English unit's last word ('Cloud' for 'Google Cloud') counted as that
    unit where it opens a sentence or clause after the unit was named in full."""
    full = {scan[a:b].split()[-1]: (b, name) for a, b, name in ents if " " in scan[a:b] and scan[a:b].isascii()}
    if not full:
        return ents
    extra = [(m.start("w"), m.end("w"), full[m["w"]][1]) for m in SHORT_FORM.finditer(scan)
             if m["w"] in full and full[m["w"]][0] < m.start("w")]
    return sorted(ents + extra) if extra else ents


RELATED_FIRM = regex.compile(r"(?:지분을\s?)?(?:투자한|인수한|출자한|설립한|합작한)\s(?P<x>\p{Hangul}[\p{Hangul}A-Za-z]{1,11})(?:은|는|이|가|도)\s")
# and "J.P. Morgan analysts said": a bank or broker named as the source of a view, not the company of its figures
DATA_SOURCE = regex.compile(r"\s?(?:consensus|estimates?|data|polled|survey|analysts?|strategists?|economists?)\b", regex.IGNORECASE)
FIRST_FIGURE = regex.compile(r"\d[\d,.]*\s?(?:조|억|만|%|billion|million|달러|원)")
HELD = regex.compile(r"(?:자회사|계열사|손자회사|종속회사|subsidiary|affiliate)\s?(?:인\s?)?$", regex.IGNORECASE)
# "Client and Gaming segment": a generic line word after a name joined by 'and' is part of that name
JOINED_NAME = regex.compile(r"\b[A-Z][\w-]*\s(?:and|&)\s$")
# Hangul that goes on after a name without a particle or a group word: the name is the start of a longer one
LONGER_NAME = regex.compile(r"(?<=\p{Hangul})(?!(?:은|는|이|가|을|를|의|와|과|도|에|로|으로|만|까지|보다|부터|처럼|측|그룹|계열|등|및"
                            r"|이며|이고|였|이었|이다|에서|에게|로서|로써|뿐|대비|사|마저|조차|과의|와의|에는|에도|으로는|로는|만의|까지의"
                            r"|주가|주식|지분|실적|매출|영업|순이익|전체|연결|별도|본사|측은|측이|백화점|면세점)(?!\p{Hangul}{3}))\p{Hangul}")


# "파라다이스(034230)는", "코스닥 상장사 파라다이스[034230]는", "파라다이스(대표이사 최성욱)가": a listed company named with
# its stock code or its chief executive, whether or not the vocabulary knows it
CODE_NAMED = regex.compile(r"(?<![\p{L}\p{N}])(?P<n>[\p{Hangul}A-Za-z][\p{Hangul}A-Za-z&]{1,14})\s?[(\[]\s?"
                           r"(?:(?:KS|KQ|코스피|코스닥)\s?:\s?)?(?:\d{6}|대표(?:이사)?\s?\p{Hangul}{2,4})\s?[)\]]")
GENERIC = frozenset({"회사", "업체", "기업", "법인", "그룹", "계열사", "자회사", "당사", "이사", "대표", "종목", "주식", "상장사"})  # "업체(대표 …)"
NAME_END = r"(?=\s?[(\[,'’]|\s|은|는|이|가|의|도|와|과|로|에|$)"


def code_named(scan: str, lex: L.Lexicon, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Every mention of a company the article names with its stock code or its chief executive and the vocabulary
    does not know, as (start, end, name as written): the article's figures are then that company's."""
    known = {e[0] for e in found}
    names = {m["n"] for m in CODE_NAMED.finditer(scan) if m.start("n") not in known and m["n"] not in GENERIC
             and m["n"] not in lex.alias_to and L.key(m["n"]) not in lex.alias_key}
    out = []
    for name in names:
        for m in regex.finditer(r"(?<![\p{L}\p{N}])" + regex.escape(name) + NAME_END, scan):
            if m.start() not in known:
                out.append((m.start(), m.end(), name))
    return out
