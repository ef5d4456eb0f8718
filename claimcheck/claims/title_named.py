"""The company a headline is about when the vocabulary does not know it.

A results story names its company first in the headline: "SK케미칼, 3분기 영업손실 125억", "현대오토에버 1분기 매출
8330억", "Mattel's third quarter: Barbie stumbles". When that name is no company the vocabulary knows and the body
names it again, it is the story's subject: its figures are that company's, not nobody's, and not a peer's the
body mentions in passing. The name is kept as written ("SK케미칼"): the same spelling in another article is the
same company.
"""
from __future__ import annotations

import regex

from .. import vocab as L
from .company_names import unknown_name
from .layout import Layout

# a headline's opening name, then a comma or a blank and a period or a results word
PERIOD_WORD = (r"(?:(?:19|20)?\d{2}년\s?)?(?:[1-4]\s?분기|[1-4]Q|상반기|하반기|연간|지난해|작년|올해|역대|사상|분기|실적|잠정|영업|매출|순이익"
               r"|1H|2H)")
# (a topic particle is no part of the name: "필에너지는 1분기 …" opening the story is 필에너지)
# (and "'업계 1호 상장' 제주맥주, 실적 …": a quoted tag before the name)
KO_HEAD = regex.compile(r"^(?:#{1,3}\s|title:\s?)?(?:\[[^\]\n]{1,12}\]\s?)?(?:['‘\"“][^'’\"”\n]{1,20}['’\"”]\s)?"
                        r"(?:\p{Hangul}{1,6}(?:업체|기업|회사)\s)?(?P<n>[\p{Hangul}A-Za-z][\p{Hangul}A-Za-z0-9&]{1,14}?)"
                        # (and "시몬스, 2년째 매출 3000억 …": a few words between the comma and the results word)
                        r"(?:은|는)?(?:,\s?(?:[^\s,]{1,8}\s){0,2}|\s)" + PERIOD_WORD)
# "명품백 ODM '시몬느' 매출 40% 급감": a headline that quotes its company after a few words saying what it does
KO_QUOTED_HEAD = regex.compile(r"^(?:#{1,3}\s|title:\s?)?[^'‘\n]{0,24}['‘](?P<n>[\p{Hangul}A-Za-z][\p{Hangul}A-Za-z0-9&]{1,14})['’]"
                               r"(?:,\s?|\s)" + PERIOD_WORD)
# "휠라홀딩스는 올해 3분기 매출 …": a lead whose subject is a company, then its quarter or half
KO_LEAD = regex.compile(r"^(?:[^\n]{0,40}?기자\s?[ㅣ|│=]\s?)?(?:\p{Hangul}{1,6}(?:업체|기업|회사)\s)?(?P<n>[\p{Hangul}A-Za-z][\p{Hangul}A-Za-z0-9&]{1,14}?)(?:은|는|이|가|의)\s"
                        # (and "아워홈은 2일 공시에서 지난해 매출이", "아워홈은 지난해 2조2440억원의 매출액": a year's results)
                        r"(?:(?:(?:올해|지난해|올)\s?)?(?:(?:19|20)\d\d년\s?)?(?:[1-4]\s?분기|상반기|하반기)"
                        r"|(?:[1-3]?\d일\s(?:공시(?:에서|를\s통해)\s)?)?(?:지난해|작년|올해)\s(?:\p{Hangul}{1,4}\s){0,2}?(?=(?:연결\s?기준\s?)?(?:연간\s?)?(?:매출|영업|순이익|실적|\d)))")
# (a corporate suffix is no part of the name: "Oshkosh Corporation Reports …" is Oshkosh, "Kesko Oyj (KESKOB FH)" Kesko)
# (nor a period word: "Universal Music Q3 Beats …" is Universal Music)
SUFFIX_NOT = r"(?!(?i:Inc|Corp|Corporation|Incorporated|Co|Company|Ltd|Limited|LLC|plc|N\.V|S\.A|AG|SE|Oyj|Oy|AB|ASA|SpA|S\.p\.A)\b)"
SUFFIX_NOT = SUFFIX_NOT + r"(?!(?:Q[1-4]|H[12]|FY\d{0,4}|[1-4]Q)\b)"
EN_HEAD = regex.compile(r"^(?:#{1,3}\s|title:\s?)?(?P<n>\p{Lu}[\p{L}\d&.-]*(?:\s(?:&\s)?" + SUFFIX_NOT + r"\p{Lu}[\p{L}\d&-]*){0,2})"
                        r"(?:,?\s(?:Inc|Corp|Corporation|Co|Ltd|Limited|LLC|plc)\b\.?)?"
                        r"(?:['’]s\s|\s(?i:reports?|posts?|beats?|misses|tops|Q[1-4]\b|(?:first|second|third|fourth)[\s-]quarter"
                        r"|(?:first|second)[\s-]half|half[\s-]year|H[12]\b|full[\s-]year|annual|interim|nine[\s-]month"
                        r"|earnings|results|shares|stock)"
                        # "Puma confirms its outlook for FY 2025", "Puma to cut 900 jobs as sales slump": the headline's
                        # subject and its verb (the name must still come back in the body)
                        # (a headline's verb may be capitalised, "Sees", but a capitalised word ending in s may be the
                        # name's own: "Tata Consumer Products")
                        r"|\s(?:[a-z]{3,}(?<!ss)s|(?:Sees|Lifts|Raises|Cuts|Warns|Hikes|Slashes|Boosts|Trims|Expects|Flags|Swings"
                        r"|Narrows|Widens|Doubles|Falls|Rises|Jumps|Slips|Drops|Climbs|Gains|Keeps|Holds|Confirms|Delivers|Books"
                        r"|Logs|Records)|to\s[a-z]{3,})\s)")
# "D.R. Horton (DHI), America's largest homebuilder", "D.R. Horton (DHI 0.43%)": a name with its bare ticker
# (not a dateline's wire service: "AUSTIN, Minn. (AP) —")
EN_TICKERED = regex.compile(r"(?<![\p{L}\p{N}])(?P<n>(?!(?i:Inc|Corp|Co|Ltd|LLC|plc|N\.V|S\.A)\b)\p{Lu}[\p{L}\d&.-]*(?:\s(?:&\s)?" + SUFFIX_NOT
                         + r"\p{Lu}[\p{L}\d&-]*){0,2})"
                         r"(?:,?\s(?i:Inc|Corp|Corporation|Co|Ltd|Limited|LLC|plc|N\.V|S\.A|AG|SE|Oyj|Oy|AB|ASA|SpA|S\.p\.A)\.?)?\s\("  # and "ACME WIDGETS, INC. (ACMW)"  # "Rocket Companies, Inc. (NYSE:RKT)"
                         # (and a Bloomberg code: "Orange (ORA FP)", "Siemens Healthineers (SHL GY)")
                         r"(?:(?:NYSE|NASDAQ|Nasdaq)\s?:\s?[A-Z]{1,5}|(?!(?:AP|AFP|UPI|DPA|EFE|ANSA|PA)\))[A-Z]{2,5}"
                         r"(?:\s(?:FP|GY|GR|NA|LN|SW|SE|SS|IM|SM|DC|NO|FH|BB|ID|AV|US|UN|UW|CN|JP|JT|HK|AU|KS|LI|PL))?)(?:\s[+-]?[\d.]+%)?\)"
                         # (a line glossed with its initials is no company: "its Fleet Services (FLS) segment")
                         r"(?!\s(?i:segment|division|unit|business|group)\b)")
PARTICLE = "이가은는"
NAME_END = r"(?=\s?[(\[,'’:]|\s|은|는|이|가|의|도|와|과|로|에|$)"


def title_named(lay: Layout, lex: L.Lexicon, inside: list[tuple[int, int]]) -> list[tuple[int, int, str]]:
    """Mentions (start, end, name) of the unknown company a headline or the lead opens on, when the body names it
    again."""
    for k, line in enumerate(_head_lines(lay)):
        text, start = lay.line_text(line), lay.line_starts[line]
        if any(start <= a < start + 24 for a, _ in inside):
            return []  # the head opens on a company the vocabulary knows: that is the subject
        # the headline may open on its company any way; a lead only as a subject with its quarter
        m = (KO_HEAD.match(text) or EN_HEAD.match(text) or KO_LEAD.match(text) or KO_QUOTED_HEAD.match(text)) if k == 0 \
            else KO_LEAD.match(text)
        tickered = m is None and (m := EN_TICKERED.search(text)) is not None
        if m is None:
            continue
        # a ticker names the company by itself ("Wingstop (WING) reported"); a name alone must come back in the body
        name = _name(lay.scan, m["n"], start + m.end()) or (m["n"] if tickered else None)
        if name is None or any(a <= start + m.start("n") < b for a, b in inside):
            return []
        known = L.begun_name(lex, name)  # "Unity (NYSE: U)", "Zoom shares rose": the short form of one known company
        if known is None and name.isupper() and len(name) > 5:
            # "BAXTER INTERNATIONAL INC (BAX)": a name in capitals is the company the vocabulary spells in mixed case
            known = lex.alias_to.get(name.title()) or L.begun_name(lex, name.title())
        if known is None and not _new(lex, name):
            return []
        at = [(x.start(), x.end(), known or name) for x in
              regex.finditer(r"(?<![\p{L}\p{N}])" + regex.escape(name) + NAME_END, lay.scan)
              if not any(a <= x.start() < b for a, b in inside)]
        return at if tickered or sum(1 for a, _, _ in at if a >= start + m.end()) >= 1 else []
    return []


# a line that only dates the piece ("날짜: 2022-05-16", "date: …") is no headline
DATE_LINE = regex.compile(r"\s*(?:날짜|date|입력|published)\s*[:：]", regex.IGNORECASE)


def _head_lines(lay: Layout) -> list[int]:
    """The headline and the two lines after it that hold text, a date line skipped."""
    out: list[int] = []
    i = lay.title_line()
    while i < len(lay.line_starts) and len(out) < 3:
        text = lay.line_text(i)
        if text.strip() and not DATE_LINE.match(text):
            out.append(i)
        i += 1
    return out


def _name(scan: str, n: str, body: int) -> str | None:
    """The name without a particle the headline glued to it ('SK케미칼이 3분기'), by which spelling the body uses more:
    a name that ends in one of those syllables ('카카오페이') is named in full as often as without it."""
    forms = [n] + ([n[:-1]] if n[-1] in PARTICLE and len(n) > 3 else [])
    counts = [len(regex.findall(r"(?<![\p{L}\p{N}])" + regex.escape(f) + NAME_END, scan, pos=body)) for f in forms]
    best = max(range(len(forms)), key=lambda k: (counts[k], -k))
    return forms[best] if counts[best] else None


def _new(lex: L.Lexicon, name: str) -> bool:
    """Whether a headline's name is a company the vocabulary does not know, and no word it knows as something else.
    A name that only begins longer known names is new too ("대동" before 대동전자 and 대동기어): the headline names it whole."""
    k = L.key(name)
    unknown = unknown_name(lex, name) or (name not in lex.alias_to and k not in lex.alias_key and L.begun_name(lex, name) is None)
    return unknown and name.lower() not in lex.not_firms and k not in lex.topic_of and k not in lex.metric_of \
        and name.lower() not in lex.regions and not name.isdigit()
