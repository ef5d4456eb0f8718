"""Companies the vocabulary does not know, named as the subject of a results sentence anywhere in an article.

A results story may name its company nowhere in the headline ("한빛커패시터의 4분기 실적은 …" in a broker's
note, "Larkspur Goods reported third-quarter revenue of …" deep in a roundup), and newsrooms cover far more companies
than any vocabulary holds. A name that opens a clause as the owner of a period's results ("X의 3분기 실적은",
"X는 올해 상반기 매출", "X's third-quarter", "X reported fourth-quarter revenue") is a company, and its figures are
its own, not nobody's. Such a name counts only when the article names it at least twice, and never when it is a
word the vocabulary knows as something else (a business line, a metric, a region, one of `not_firms`). Where the
headline names a company the vocabulary knows, the story is that company's, and a subject named after it is one of
its products or lines ("케이캡의 3분기 매출" in a story on HK inno.N): the name counts only if the headline names it
first. The name is kept as written: the same spelling in another article is the same company.
"""
from __future__ import annotations

import regex

from .. import vocab as L
from .company_names import as_written, covered, unknown_name

# "한빛커패시터의 4분기 실적은", "누리제약은 올해 3분기 연결 기준 매출액", "가람바이오가 2025년 상반기 영업이익": a name, its particle, then
# the period and a results word
KO_SUBJECT = regex.compile(
    # (and a headline's "매각 앞둔 케이조선, 3분기 영업익": the name before a comma)
    r"(?<![\p{L}\p{N}])(?P<n>[\p{Hangul}A-Za-z][\p{Hangul}A-Za-z0-9&]{1,14}?)(?:의|은|는|이|가|,)\s"
    # ("에버다임은 25일 2008년 1분기 실적이", "엠케이트렌드는 지난 2분기 연결기준 매출액": the day it said so, or 지난, between)
    r"(?:[1-3]?\d일\s)?(?:(?:올해|지난해|작년|지난|올)\s?)?(?:(?:19|20)?\d\d년\s?)?(?:[1-4](?:[·/]4)?\s?분기|[1-4]Q\d{0,2}|상반기|하반기|연간)\s?"
    r"(?:(?:연결|별도)\s?(?:기준\s?)?)?(?:잠정\s?)?(?:실적|매출|영업|순이익|순익|당기순|순손실)")
# (a name joined by '&' is one name: "Tate & Lyle reported", never "Lyle")
# "Larkspur Goods' first-quarter revenue", "Corvane reported third-quarter results", "Brightwater posted Q2 adjusted EPS"
EN_SUBJECT = regex.compile(
    r"(?<![\p{L}\p{N}&.’'-])(?<!&\s)(?!(?:Inc|Corp|Co|Ltd|LLC|plc|PLC)\b)(?P<n>\p{Lu}[\p{L}\d&.-]*(?:\s(?:&\s)?\p{Lu}[\p{L}\d&-]*){0,2})"
    # (and "Nexans' standard revenue", "Nexans posted a marked improvement in its first-half results")
    r"(?:['’]s\s(?:fiscal\s|standard\s)?|(?<=s)['’]\s(?:fiscal\s|standard\s)?"
    r"|(?:\son\s(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))?"  # "UMG on Thursday posted …"
    r"\s(?:reported|reports|posted|posts|announced|delivered|recorded|logged)\s(?:(?:its|a|an|fiscal|record|strong|solid"
    r"|weaker|mixed|marked|sharp|steep|improvement|increase|rise|fall|decline|drop|in)\s){0,5})"
    r"(?:(?:first|second|third|fourth)[\s-]quarter|Q[1-4]\b|full[\s-]year|quarterly|annual"
    # ("Ubisoft posted a non-IFRS net loss", "Kestrel's half-year revenue": a half, or the results line itself)
    r"|(?:first|second)[\s-]half|half[\s-]year|H[12]\b|nine[\s-]month|interim|(?:non-IFRS|non-GAAP|adjusted|underlying)\s"
    r"|net\s(?:loss|profit|income)|revenue|sales|operating\s(?:profit|loss|income)|trading\s(?:profit|loss)|pre-?tax\sprofit)")
# "홍길동 기자ㅣSFA는": a byline glued to the subject is no name of a company
BYLINE_GLUED = regex.compile(r"[\u3131-\u318E]|^(?:기자|특파원)")
# a Korean subject that ends as a business line or a product class does is one: "건설부문의 3분기", "전문의약품 부문은"
LINE_END = regex.compile(r"(?:부문|사업부?|의약품|제품|실적)$")


def subject_named(scan: str, lex: L.Lexicon, found: list[tuple[int, int, str]], head_end: int) -> list[tuple[int, int, str]]:
    """Every mention, as written, of an unknown company the article names as a results sentence's subject and
    names at least twice; head_end: where the headline and the lines after it end."""
    known_at = covered([(a, b) for a, b, _ in found])
    first_known = min((a for a, _, _ in found if a < head_end), default=head_end)
    names: set[str] = set()
    for rx in (KO_SUBJECT, EN_SUBJECT) if _has_hangul(scan) else (EN_SUBJECT,):
        names.update(m["n"] for m in rx.finditer(scan) if not known_at(m.start("n")) and _firm(lex, m["n"]))
    out: list[tuple[int, int, str]] = []
    for name in names:
        at = as_written(scan, name, known_at)
        # (once is enough in the head, the lede's subject: "호텔롯데는 올해 3분기 실적이 …" and then only its lines)
        if (len(at) >= 2 or (at and at[0][0] < head_end and not BYLINE_GLUED.search(name))) and (first_known == head_end or at[0][0] < first_known):
            out += at
    return out


def _firm(lex: L.Lexicon, name: str) -> bool:
    """Whether a subject's name may be a company: none the vocabulary knows, and no word it knows as something else."""
    k = L.key(name)
    return unknown_name(lex, name) and name.lower() not in lex.not_firms and LINE_END.search(name) is None and k not in lex.topic_of \
        and k not in lex.metric_of and name.lower() not in lex.regions and not name.isdigit()


def _has_hangul(scan: str) -> bool:
    return regex.search(r"\p{Hangul}", scan) is not None
