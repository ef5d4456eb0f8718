"""Mentions of a known name that do not name that company: a person who shares it ("Robert Ford, chairman and CEO
of Abbott"), a subsidiary bracketed after the business line it makes up ("열관리 사업(한온시스템)"), and a ticker in brackets after another company's name ("Morgan Stanley (MS)", "(NYSE:MS)"), which is
that company's symbol, not the company an alias elsewhere makes of it ("MS" is Microsoft in Korean press)."""
from __future__ import annotations

from collections.abc import Callable

import regex

# a given name right before, and a title or a speech verb right after: a person
GIVEN_NAME_BEFORE = regex.compile(r"(?<![\w.])(?!(?:The|A|An|And|Or|But|In|At|On|For|From|By|With|Of|To)\s)[A-Z][a-z]{1,12}\s$")
PERSON_AFTER = regex.compile(r",?\s(?:the\s)?(?:chairman|chairwoman|chief|CEO|CFO|president|founder|director|head|said|says|told"
                             r"|executive)\b")
# "(MS)", "(NYSE: MS)", "(NASDAQ:MSFT)": a symbol in brackets
TICKER_BRACKET = regex.compile(r"\((?:(?:NYSE|NASDAQ|Nasdaq|NYSE\sAmerican|AMEX|TSX|LSE|KRX|KOSPI|KOSDAQ)\s?:\s?)?$")

# "강승건 KB증권 연구원은", "KB증권 강승건 연구원", "Jefferies analyst Sheila Kahyaoglu": the house an analyst works at
# is where a view comes from (forecasters.py reads it as such), never the company the figures are about
ANALYST_AFTER = regex.compile(r"\s?(?:\p{Hangul}{2,4}\s)?(?:수석\s?|선임\s?|책임\s?)?(?:연구원|애널리스트|리서치센터장|센터장)"
                              r"|\s(?:analysts?|strategists?)\b")

# "하나금융투자는 16일 고영에 대해 …목표주가 10만원을 유지했다": a house that opens a note on a company is its author
HOUSE = regex.compile(r"증권|투자|리서치|Securities|Investment|Research")
COVERS_AFTER = regex.compile(r"(?:은|는|이|가)\s(?:\d{1,2}일\s)?(?:[^\s.]{1,20}\s){0,2}?[^\s.]{1,20}?에\s?(?:대해|관해)\s")

# "according to FactSet", "provided by FactSet", "LSEG 집계에 따르면": where the numbers come from, not whose they are
# and "the analyst estimate on FactSet", "the consensus from LSEG": a view read off a data house
SOURCE_BEFORE = regex.compile(r"\b(?:according\sto|provided\sby|compiled\sby|polled\sby|surveyed\sby|data\sfrom|per"
                              r"|(?:estimates?|consensus|expectations?|forecasts?|projections?)\s(?:on|from|by|at))\s(?:data\sfrom\s)?$",
                              regex.IGNORECASE)

# "구글 플레이스토어·애플 앱스토어", "Apple's App Store", "the Google Play store": a store or platform a company runs, named
# for where something sells, not the company's figures
PLATFORM_AFTER = regex.compile(r"['’]?s?\s?(?:플레이\s?스토어|앱\s?스토어|앱\s?마켓|플레이|App\sStore|Play\s(?:Store|store)|Play\b)")

# a name at the head of a list the sentence calls raw materials or commodities ("카카오, 유지류 등 원재료")
COMMODITY_AFTER = regex.compile(r"(?:\s?[,·]\s?\p{Hangul}{1,6}){0,4}\s?(?:등|같은)\s?(?:주요\s?)?(?:원재료|원자재|원료|재료|곡물|농산물|식자재)")


# "열관리 사업(", "the thermal segment (": a company named in brackets after a business line is that line's name
LINE_BRACKET = regex.compile(r"(?:사업|부문|사업부|\bdivision|\bsegment|\bbusiness)\s?\($")


# a company named as the one sold to: "T사를 비롯한 글로벌 고객사", "테슬라향 매출", "애플 등 고객사"
CUSTOMER_AFTER = regex.compile(r"(?:사)?(?:를|을)\s?비롯한\s(?:\p{Hangul}{0,6}\s?)?고객|향\s?(?:매출|물량|공급|수주|판매)|\s?등\s?(?:\p{Hangul}{0,6}\s?)?고객사")


def not_the_company(scan: str, found: list[tuple[int, int, str]]) -> set[tuple[int, int, str]]:
    """The mentions in found that name a person or an analyst's house, or a symbol bracketed after another company's name."""
    out = set()
    glossed: set[str] = set()  # short names the article spelled out as other words' initials
    for i, (a, b, name) in enumerate(found):
        if scan[a:b] in glossed:
            out.add((a, b, name))  # "… (OCI) rose 2.1% … its OCI margin": the short name the article gave a measure
        elif GIVEN_NAME_BEFORE.search(scan, max(0, a - 14), a) and PERSON_AFTER.match(scan, b, b + 24):
            out.add((a, b, name))
        elif ANALYST_AFTER.match(scan, b, b + 20) or (HOUSE.search(scan, a, b) and COVERS_AFTER.match(scan, b, b + 48)):
            out.add((a, b, name))
        elif COMMODITY_AFTER.match(scan, b, b + 40):
            out.add((a, b, name))  # "카카오, 유지류 등 원재료 가격 상승": cocoa among the raw materials, not Kakao
        elif CUSTOMER_AFTER.match(scan, b, b + 24):
            out.add((a, b, name))  # "T사를 비롯한 글로벌고객사 매출", "현대기아차향 매출": a customer the company sells to
        elif PLATFORM_AFTER.match(scan, b, b + 12):
            out.add((a, b, name))  # "구글 플레이스토어": a store, not the company
        elif SOURCE_BEFORE.search(scan, max(0, a - 24), a) and (i == 0 or found[i - 1][2] != name):
            out.add((a, b, name))  # "according to FactSet": the data's source (unless the story is about it)
        elif scan[b:b + 1] == ")" and LINE_BRACKET.search(scan, max(0, a - 8), a):
            out.add((a, b, name))  # "열관리 사업(한온시스템)은": the subsidiary that makes up a line names the line
        elif scan[b:b + 1] == ")" and scan[a - 1:a] == "(" and _initials(scan, a, b):
            out.add((a, b, name))
            glossed.add(scan[a:b])  # "Cardiac Rhythm Management (CRM)": the words' initials, not Salesforce's ticker
        elif scan[b:b + 1] == ")" and TICKER_BRACKET.search(scan, max(0, a - 16), a) and i and found[i - 1][2] != name \
                and 0 <= a - found[i - 1][1] <= 18:
            out.add((a, b, name))
    return out


CAPITALISED = regex.compile(r"(?:\b[A-Z][\w&-]*\s+(?:(?:and|of|&)\s+)?){2,6}\($")
# "adjusted operating companies income (OCI)": the initials of words in lower case spell a measure's short name too
LOWER_WORDS = regex.compile(r"(?:\b[a-z][a-z-]*\s+){2,6}\($")


def _initials(scan: str, a: int, b: int) -> bool:
    """Whether the bracketed capitals at scan[a:b] spell the initials of the capitalised words right before the bracket."""
    abbr = scan[a:b]
    words = CAPITALISED.search(scan, max(0, a - 80), a)
    if not abbr.isupper() or not abbr.isalpha():
        return False
    if words is None:
        lower = LOWER_WORDS.search(scan, max(0, a - 80), a)
        return lower is not None and "".join(w[0] for w in lower.group().rstrip("( ").split()).upper().endswith(abbr)
    firsts = "".join(w[0] for w in words.group().rstrip("( ").split() if w[0].isupper())
    return firsts.endswith(abbr)


# "analyst Dana Whitfield": a one-word name read off a listing, followed by another capitalised word, is part of a
# longer name (a person's, another firm's), not the company ("Dana" of the listing)
# (but not into a corporate suffix: "Oshkosh Corporation" is the listed Oshkosh; the match may read past three
# characters, or the suffix is cut short and "Zumiez Inc." looked glued)
GLUED_AFTER = regex.compile(r" (?!(?:Corporation|Corp|Inc|Incorporated|Company|Co|Ltd|Limited|LLC)\b)[A-Z][a-z]")


def glued_to_a_name(scan: str, found: list[tuple[int, int, str]], listed_only: Callable[[str], bool]) -> set[tuple[int, int, str]]:
    """The mentions of one-word names known only from a listing that run on into another capitalised word, and of any
    company whose every mention does ("Lilly Pulitzer" in a note on Oxford Industries is a brand, not Eli Lilly)."""
    glued = {(a, b, name) for a, b, name in found if " " not in scan[a:b] and GLUED_AFTER.match(scan, b, b + 16)}
    named_apart = {name for a, b, name in found if (a, b, name) not in glued}
    # (a headline in title case capitalises every word: "Oracle Announces …" is Oracle announcing)
    return {g for g in glued if listed_only(g[2]) or (g[2] not in named_apart and not _title_case(scan, g[0]))}


WORD = regex.compile(r"[A-Za-z][\w'’&-]*")


def _title_case(scan: str, at: int) -> bool:
    """Whether the line holding `at` is written in title case (most of its words capitalised), as headlines are."""
    start, end = scan.rfind("\n", 0, at) + 1, scan.find("\n", at)
    words = WORD.findall(scan, start, end if end >= 0 else len(scan))
    return len(words) >= 4 and sum(w[0].isupper() for w in words) >= 0.7 * len(words)


# "CAG diagnostics recurring revenue" in a story on IDEXX: capitals that spell some company's ticker, run into a
# lower-case noun, name a business line; a ticker stands for its company bracketed, after '$', before a share word
# or a verb, or where the article names the company otherwise too
BARE_CAPS = regex.compile(r"[A-Z]{2,5}")
NOUN_AFTER = regex.compile(r" (?!(?:shares?|stock|stocks|rose|fell|gained|dropped|jumped|slid|slipped|climbed|is|was|has|had|reported"
                           r"|said|posted|beat|missed|and|or|in|on|at|to|of|for|with|as|by)\b)[a-z]{3,}")


def ticker_as_line(scan: str, found: list[tuple[int, int, str]]) -> set[tuple[int, int, str]]:
    """The bare-ticker mentions (capitals that are not the company's own name, as BYD's are) that run into a
    lower-case noun, of companies the article names no other way."""
    spelt_out = {n for x, y, n in found if not BARE_CAPS.fullmatch(scan, x, y)}  # once, not per mention
    return {(a, b, name) for a, b, name in found
            if name not in spelt_out and BARE_CAPS.fullmatch(scan, a, b) and scan[a:b].lower() != name.lower()
            and scan[a - 1:a] not in ("(", "$", ":") and NOUN_AFTER.match(scan, b)}


# "SBS Biz" over the headline, "SBS Biz 이광호" under it, "ⓒ SBS Medianet": the outlet's masthead, byline and copyright
# name the outlet, never the company the story is about (SBS is listed too)
CHROME_REST = regex.compile(r"\s?(?:Biz|News|뉴스|TV|경제|라디오|Radio|일보|신문|미디어)?(?:\s\p{Hangul}{2,4}(?:\s?기자)?)?\s*",
                            regex.IGNORECASE)
COPYRIGHT = regex.compile(r"\s*(?:[ⓒ©]|\([cC]\)|[Cc]opyright\b)")


PHOTO_CAPTION = regex.compile(r"(?:/\s?)?사진\s?=|사진\s?제공|사진\s?설명|\((?:Photo|Image)s?:|\b(?:Photo|Image)\s?(?:credit|courtesy)?:\s", regex.IGNORECASE)
CREDIT_AFTER = regex.compile(r"\s?(?:측\s?)?제공\s?(?:[)\]*]|$)")  # "(쇼박스 제공)", "… 쇼박스 제공*": a picture's credit
# "2022년 12월 코스닥 시장에 상장한 뒤", "listed on the Nasdaq": the market a company listed on is no subject
VENUE_AFTER = regex.compile(r"\s?(?:시장|거래소)?\s?(?:에|에서)\s?(?:상장|입성|이전\s?상장)")
VENUE_BEFORE = regex.compile(r"\b(?:listed|listing|debuted|IPO)\s(?:on|in)\s(?:the\s)?$", regex.IGNORECASE)


def on_masthead(lay, found: list[tuple[int, int, str]]) -> set[tuple[int, int, str]]:
    """The mentions that open a line holding only the name with an outlet word and a reporter's name, or that sit on
    a copyright line."""
    out = set()
    captions: dict[int, bool] = {}  # a line's caption test, once per line however many names it holds
    for a, b, name in found:
        i = lay.line_of(a)
        start, text = lay.line_starts[i], lay.line_text(i)
        lead = len(text) - len(text.lstrip())
        if i not in captions:
            captions[i] = PHOTO_CAPTION.search(text) is not None
        # (not a line that holds the name alone: "Thales" over a note's title is the company it is about)
        # (and a photo's caption or credit, "*… 이마트 죽전점 … /사진=뉴스1*", "(쇼박스 제공)": where a picture was taken)
        if COPYRIGHT.match(text) or captions[i] or CREDIT_AFTER.match(text, b - start) \
                or VENUE_AFTER.match(text, b - start) or VENUE_BEFORE.search(text, max(0, a - start - 24), a - start) \
                or (a == start + lead and text[b - start:].strip() and CHROME_REST.fullmatch(text, b - start)):
            out.add((a, b, name))
    return out


def masthead_line(lex, text: str) -> bool:
    """Whether a line is an outlet's masthead or byline: a known name, an outlet word, a reporter's name at most."""
    line = text.strip()
    m = next(lex.entity_rx.finditer(line), None)
    return m is not None and m.start() == 0 and CHROME_REST.fullmatch(line, m.end()) is not None
