"""Company names as an article spells them: a name matched with other spacing, a unit called by its last word,
and the words around a name that make it another company, a subsidiary, a data source or part of a longer name."""
from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from itertools import accumulate

import regex

from .. import vocab as L


def fold(lex: L.Lexicon, s: str) -> str | None:
    """A name matched with other spacing than its alias ("아마존웹서비스" for "아마존 웹 서비스")."""
    return lex.alias_key.get(L.key(s))


# "Google Cloud revenue jumped 34% ... Cloud's $15.16 million in sales": a named unit, later called by its last word
SHORT_FORM = regex.compile(r"(?<!\p{L}\s)(?<!\p{L})(?P<w>\p{Lu}[\p{Ll}]{3,})(?=['’]s\s|\s(?:revenue|sales|unit|business)\b)")


# "Rockwell reported Q4 fiscal 2025 sales", "Rockwell's": a name's first word as a sentence's subject
FIRST_WORD_SUBJECT = regex.compile(r"(?:^|(?<=[.!?]\s)|(?<=\n))(?P<w>\p{Lu}[\p{Ll}]{3,})(?=['’]s\s|\s(?:reported|posted|said|delivered|generated|raised|cut|expects)\b)")


HEAD_REACH = 600  # the headline and the lead: where a story names its own company in full
NAME_GOES_ON = regex.compile(r"\s(?:&\s)?\p{Lu}")


def short_forms(scan: str, ents: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """The names found, with a two-word English unit's last word ('Cloud' for 'Google Cloud') counted as that
    unit where it opens a sentence or clause after the unit was named in full; and a company's first word
    ('Rockwell' of 'Rockwell Automation Inc') where it opens a sentence as the subject of a reporting verb."""
    multi = [(a, b, name) for a, b, name in ents if " " in scan[a:b] and scan[a:b].isascii()]
    if not multi:
        return ents
    full = {scan[a:b].split()[-1]: (b, name) for a, b, name in multi}
    firsts: dict[str, tuple[int, str]] = {}  # first word -> (end of its first full mention, the company or "")
    for a, b, name in multi:
        word = scan[a:b].split()[0]
        at, was = firsts.get(word, (b, name))
        firsts[word] = (at, was if was == name else "")  # the first word of two companies' names stands for neither
    # ("Merck KGaA … ¶ Merck's net sales rose": a later bare first word is the company named in full, not another
    # company the vocabulary knows by that word alone)
    # (only where the full name stood in the head, and not "Google Search & other", a longer name of its own)
    ents = [(a, b, firsts[scan[a:b]][1]) if scan[a:b] in firsts and firsts[scan[a:b]][1] and firsts[scan[a:b]][0] < a
            and firsts[scan[a:b]][0] < HEAD_REACH and name != firsts[scan[a:b]][1] and not NAME_GOES_ON.match(scan, b)
            else (a, b, name) for a, b, name in ents]
    extra = [(m.start("w"), m.end("w"), full[m["w"]][1]) for m in SHORT_FORM.finditer(scan)
             if m["w"] in full and full[m["w"]][0] < m.start("w")]
    extra += [(m.start("w"), m.end("w"), firsts[m["w"]][1]) for m in FIRST_WORD_SUBJECT.finditer(scan)
              if firsts.get(m["w"], (0, ""))[1] and firsts[m["w"]][0] < m.start("w")]
    return sorted(set(ents + extra)) if extra else ents


# and "계열사인 종근당바이오(28,400원 ▼350)는": an affiliate introduced by name, a stock quote bracketed after it
# (and "자회사 EVSIS의 성장세가": a subsidiary named after the word, in any script)
RELATED_FIRM = regex.compile(r"(?:(?:지분을\s?)?(?:투자한|인수한|출자한|설립한|합작한)|(?:계열사|자회사|손자회사|관계사)인)\s"
                             r"(?P<x>\p{Hangul}[\p{Hangul}A-Za-z]{1,11})\s?(?:[(\[][^()\[\]]{0,40}[)\]]\s?)?(?:은|는|이|가|도)\s"
                             r"|(?:계열사|자회사|손자회사|관계사)\s(?P<x>[A-Z][A-Za-z]{1,11})(?:은|는|이|가|도|의)\s")
# and "J.P. Morgan analysts said": a bank or broker named as the source of a view, not the company of its figures
DATA_SOURCE = regex.compile(r"\s?(?:consensus|estimates?|data|polled|survey|analysts?|strategists?|economists?)\b", regex.IGNORECASE)
FIRST_FIGURE = regex.compile(r"\d[\d,.]*\s?(?:조|억|만|%|billion|million|달러|원)")
# and "9월 합병한 동아타이어의 실적을 제외한": a company merged or bought in is a part of the story's subject now
HELD = regex.compile(r"(?:자회사|계열사|손자회사|종속회사|subsidiary|affiliate|합병한|흡수합병한|인수한|acquired|merged)\s?(?:인\s?)?$",
                     regex.IGNORECASE)
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
# "Nucor Corporation (NYSE: NUE)", "Acme Corp. recently": an English company named with its exchange ticker or its
# corporate suffix; the name is its words before the suffix ("Nucor"), and is not the end of a longer name ("Mondelez
# International Inc.", "Bank of America Corp.": a name inside a known one is no name of its own)
SUFFIX_WORD = r"(?:Inc|Corp|Corporation|Incorporated|Ltd|Limited|plc|PLC|N\.V|S\.A|Oyj|Oy|ASA|SpA|AG|SE)"  # and the Nordic, Italian and German forms
EN_NAME = (r"(?<![\p{L}\p{N}&.-])(?<!\p{Lu}[\p{L}\d'’-]{0,20} )(?P<n>\p{Lu}[\p{L}\d'’-]*(?: (?!" + SUFFIX_WORD
           + r"\b)\p{Lu}[\p{L}\d'’-]*){0,2})")
EN_SUFFIX = r",?\s" + SUFFIX_WORD + r"\b\.?"
# (and a broker note's Bloomberg code: "Orange (ORA FP)", "Prosus (PRX NA)")
EN_TICKER = (r"\s?[(\[]\s?(?:(?:NYSE|NASDAQ|Nasdaq|NYSE\sAmerican|AMEX|TSX|OTC|LSE|ASX|ETR|XETRA|EPA|EBR|AMS|BIT|BME|SWX|SIX|STO|CPH|HEL|OSL|LON|FRA|TYO|TSE|HKG|HKEX|SGX|BSE|NSE)\s?:\s?[A-Z][A-Z.]{0,5}"
             r"|[A-Z][A-Z0-9]{0,5}\s(?:FP|GY|GR|NA|LN|SW|SE|SS|IM|SM|DC|NO|FH|BB|ID|AV|US|UN|UW|CN|JP|JT|HK|AU|KS|LI|PL))\s?[)\]]")
EN_NAMED = regex.compile(EN_NAME + "(?:" + EN_SUFFIX + "(?:" + EN_TICKER + ")?|" + EN_TICKER + ")")
# "Elsewhere in Helsinki, retailer Kesko on Wednesday reported …": a company the story describes by its trade, then
# the subject of a results verb (a roundup's other company: named so, it is one, whether or not the vocabulary knows it)
EN_DESCRIBED = regex.compile(r"\b(?:retailer|carmaker|automaker|miner|lender|insurer|reinsurer|brewer|chipmaker|drugmaker|utility"
                             r"|airline|conglomerate|manufacturer|supermarket\schain|peer|rival)\s(?P<n>\p{Lu}[\p{L}\d'’-]+"
                             r"(?:\s\p{Lu}[\p{L}\d'’-]+){0,2})(?=\s(?:on\s\p{Lu}\w+\s)?(?:reported|posted|said|booked|delivered"
                             r"|raised|cut|kept|lifted|announced)\b)")
GENERIC = frozenset({"회사", "업체", "기업", "법인", "그룹", "계열사", "자회사", "당사", "이사", "대표", "종목", "주식", "상장사"})  # "업체(대표 …)"
EN_GENERIC = frozenset({"The", "Shares", "Stock", "Company", "Group", "Holdings", "Reuters", "Investing.com"})
NAME_END = r"(?=\s?[(\[,'’]|\s|은|는|이|가|의|도|와|과|로|에|$)"


def code_named(scan: str, lex: L.Lexicon, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Every mention of a company the article names with its stock code or its chief executive and the vocabulary
    does not know, as (start, end, name as written): the article's figures are then that company's. An English
    name with a suffix or ticker is taken only as the story's subject, named as often as any company the vocabulary
    knows: a partner or a target named once in full ("Hess Corporation") takes no figures from the company in view."""
    inside = [(a, b) for a, b, _ in found]
    codes = {m["n"] for rx in (CODE_NAMED, EN_DESCRIBED) for m in rx.finditer(scan) if _new(m, inside, lex)}
    english = {m["n"] for m in EN_NAMED.finditer(scan) if _new(m, inside, lex) and m["n"] not in EN_GENERIC}
    most = max(Counter(e[2] for e in found).values(), default=0)
    out = []
    known_at = covered(inside)
    for name in codes | english:
        at = as_written(scan, name, known_at)
        if name in codes or len(at) >= most:
            out += at
    return out


def covered(spans: list[tuple[int, int]]) -> Callable[[int], bool]:
    """Whether a position lies inside any of the spans, by bisection over their starts with the furthest end so far
    (spans may overlap): a long article holds thousands of names, and each mention asks."""
    spans = sorted(spans)
    starts = [a for a, _ in spans]
    reach = list(accumulate((b for _, b in spans), max))

    def inside(pos: int) -> bool:
        i = bisect_right(starts, pos) - 1
        return i >= 0 and reach[i] > pos
    return inside


def as_written(scan: str, name: str, known_at: Callable[[int], bool]) -> list[tuple[int, int, str]]:
    """Every mention of name spelt as it is (then a particle, a bracket or a break) that no known name covers."""
    return [(m.start(), m.end(), name) for m in regex.finditer(r"(?<![\p{L}\p{N}])" + regex.escape(name) + NAME_END, scan)
            if not known_at(m.start())]


def _new(m: regex.Match, inside: list[tuple[int, int]], lex: L.Lexicon) -> bool:
    """Whether a name is no company the vocabulary knows, by alias, spacing or as the start of a known name
    ("Abbott" for Abbott Laboratories), and lies inside no known name."""
    n = m["n"].removeprefix("The ")  # "The Progressive Corporation" is Progressive
    return not any(a <= m.start("n") < b for a, b in inside) and n not in GENERIC and unknown_name(lex, n)


def unknown_name(lex: L.Lexicon, n: str) -> bool:
    """Whether no company the vocabulary knows goes by n, by alias, spacing or as the start of a longer name."""
    k = L.key(n)
    return n not in lex.alias_to and k not in lex.alias_key and not L.starts_a_name(lex, k)


# "주요 종속회사인 SFA반도체의 매출액은", "미국 법인 SSUSA(세아스틸USA)는", "자회사인 동성화학은": a subsidiary introduced as
# such is a company of its own, whatever the vocabulary knows of it, and not a line of its parent
SUBSIDIARY = regex.compile(r"(?:(?:주요\s?)?(?:종속회사|자회사|손자회사)(?:인|로)\s?|(?:미국|중국|일본|베트남|인도|유럽|독일|멕시코|브라질"
                           r"|인도네시아|헝가리|폴란드|현지|해외)\s?(?:판매\s?|생산\s?)?법인(?:인)?\s)"
                           # (not "미국 법인 매출은": the unit's sales, no name)
                           # (nor "해외 법인 매출(3,198억원)이": the unit's sales, its figure bracketed)
                           r"(?!(?:매출액?|영업이익|영업손실|순이익|순손실|실적|수익|이익|손실|비중)(?:(?:은|는|이|가|도|의)\s|\s?[(\[]))"
                           r"(?P<x>[\p{Hangul}A-Za-z][\p{Hangul}A-Za-z0-9&]{1,14}?)(?:\s?[(\[][^()\[\]\n]{0,40}[)\]])?\s?(?:은|는|이|가|도|의)\s")


def subsidiaries(scan: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Every mention, as written, of a subsidiary the article introduces as one (SUBSIDIARY) and names no known company."""
    if "법인" not in scan and "회사" not in scan:
        return []
    inside = covered([(a, b) for a, b, _ in found])
    names = {m["x"] for m in SUBSIDIARY.finditer(scan) if not inside(m.start("x"))}
    return [e for name in names for e in as_written(scan, name, inside)]


# "아모레퍼시픽(090430) 그룹이": the group a name's stock code is bracketed into, when the vocabulary knows it
CODE_THEN_GROUP = regex.compile(r"\s?[(（]\d{6}[)）]\s?그룹")


def group_named(scan: str, lex: L.Lexicon, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """found, with a mention a stock code and 그룹 follow made the group's, and the code inside it dropped."""
    out: list[tuple[int, int, str]] = []
    for a, b, name in found:
        if out and a < out[-1][1] and out[-1][1] > b:
            continue  # the stock code inside a group's mention
        got = CODE_THEN_GROUP.match(scan, b, b + 12)
        group = lex.alias_to.get(scan[a:b] + "그룹") if got else None
        out.append((a, got.end(), group) if got and group else (a, b, name))
    return out
